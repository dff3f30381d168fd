/**
 * Server-Sent Events from `GET /api/v1/events` (supervisors and admins): escalations, incidents
 * and restrictions arrive without a reload. EventSource reconnects by itself after a drop.
 */
import { useEffect, useState } from 'preact/hooks';

export const EVENT_NAMES = [
  'incident.created',
  'escalation.created',
  'escalation.updated',
  'restriction.created',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export interface LiveEvent {
  readonly name: EventName;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Subscribes while the component is mounted; `connected` says whether the stream is open.
 * `onReconnect` runs when the stream comes back after a drop, so the screen can reload what it
 * may have missed meanwhile.
 */
export function useLiveEvents(
  url: string,
  onEvent: (e: LiveEvent) => void,
  onReconnect?: () => void,
): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(url, { withCredentials: true });
    let wasOpen = false;
    source.onopen = () => {
      setConnected(true);
      if (wasOpen) onReconnect?.();
      wasOpen = true;
    };
    source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (ev) => {
        try {
          const data = JSON.parse((ev as MessageEvent<string>).data) as Record<string, unknown>;
          onEvent({ name, data });
        } catch {
          // a malformed event is dropped; the next list reload shows the truth
        }
      });
    }
    return () => source.close();
  }, [url]);
  return { connected };
}
