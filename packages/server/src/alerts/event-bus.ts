/**
 * In-process domain events, per organisation: the SSE endpoint and integrations subscribe.
 * One process only; several instances on one PostgreSQL would relay these over LISTEN/NOTIFY
 * (the place to add it is `publish`).
 */
export type DomainEventName =
  | 'incident.created'
  | 'escalation.created'
  | 'escalation.updated'
  | 'restriction.created';

export interface DomainEvent {
  readonly name: DomainEventName;
  readonly orgId: string;
  readonly data: Record<string, unknown>;
}

export type Listener = (event: DomainEvent) => void;

export class EventBus {
  readonly #listeners = new Set<Listener>();
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  publish(event: DomainEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // a failing subscriber must not break the request that published the event
      }
    }
  }
  get size(): number {
    return this.#listeners.size;
  }
}
