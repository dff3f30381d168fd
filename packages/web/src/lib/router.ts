/**
 * Hash routes (`#/assist`, `#/clients/42`): the server serves one index.html at `/`, so the app
 * needs no server-side fallback, and a supervisor can bookmark or share any screen.
 */
export type Route =
  | { readonly name: 'assist'; readonly conversationId?: string }
  | { readonly name: 'inbox' }
  | { readonly name: 'dashboard' }
  | { readonly name: 'clients' }
  | { readonly name: 'client'; readonly id: string }
  | { readonly name: 'incident'; readonly id: string }
  | { readonly name: 'debrief'; readonly id: string }
  | { readonly name: 'training' }
  | { readonly name: 'login' }
  | { readonly name: 'setup' }
  | { readonly name: 'not_found'; readonly path: string };

export type RouteName = Route['name'];

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses `location.hash`; the empty hash is the live-assist screen. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter((p) => p.length > 0);
  const [head, id, ...rest] = parts;
  if (rest.length > 0) return { name: 'not_found', path };
  if (id !== undefined && !SEGMENT.test(id)) return { name: 'not_found', path };
  switch (head) {
    case undefined:
    case 'assist':
      return id === undefined ? { name: 'assist' } : { name: 'assist', conversationId: id };
    case 'client':
    case 'clients':
      return id === undefined ? { name: 'clients' } : { name: 'client', id };
    case 'incident':
    case 'incidents':
      return id === undefined ? { name: 'not_found', path } : { name: 'incident', id };
    case 'debriefs':
      return id === undefined ? { name: 'not_found', path } : { name: 'debrief', id };
    case 'inbox':
    case 'dashboard':
    case 'training':
    case 'login':
    case 'setup':
      return id === undefined ? { name: head } : { name: 'not_found', path };
    default:
      return { name: 'not_found', path };
  }
}

/** The hash of a route, for links: `href({ name: 'client', id: '7' })` → `#/clients/7`. */
export function href(route: Route): string {
  switch (route.name) {
    case 'assist':
      return route.conversationId ? `#/assist/${route.conversationId}` : '#/assist';
    case 'client':
      return `#/clients/${route.id}`;
    case 'incident':
      return `#/incidents/${route.id}`;
    case 'debrief':
      return `#/debriefs/${route.id}`;
    case 'not_found':
      return `#/${route.path}`;
    default:
      return `#/${route.name}`;
  }
}
