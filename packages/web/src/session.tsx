/**
 * The signed-in session: who the user is, their organisation and the CSRF token. Loaded once
 * from `GET /auth/me`; when the server cannot be reached the app runs in local mode (live assist
 * with the in-browser engine only), so an agent is never left without help mid-exchange.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiError, api, setCsrfToken } from './api/client.ts';
import type { Session, User, UserRole } from './api/types.ts';

export const API = '/api/v1';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed_in'; readonly session: Session }
  | { readonly status: 'signed_out'; readonly setupNeeded: boolean }
  | { readonly status: 'offline' };

export interface SessionContextValue {
  readonly state: SessionState;
  readonly setSession: (s: Session | null) => void;
}

export const SessionContext = createContext<SessionContextValue>({
  state: { status: 'loading' },
  setSession: () => {},
});

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}

export function useUser(): User | null {
  const { state } = useSession();
  return state.status === 'signed_in' ? state.session.user : null;
}

export function isSupervisor(role: UserRole | undefined): boolean {
  return role === 'supervisor' || role === 'admin';
}

export async function loadSession(): Promise<SessionState> {
  try {
    const session = await api.get<Session>(`${API}/auth/me`);
    setCsrfToken(session.csrfToken);
    return { status: 'signed_in', session };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      const setup = await api.get<{ needed: boolean }>(`${API}/setup`).catch(() => ({ needed: false }));
      return { status: 'signed_out', setupNeeded: setup.needed };
    }
    return { status: 'offline' };
  }
}
