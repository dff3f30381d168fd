/**
 * The app shell: session, header with navigation by role and the language switch, and the
 * hash router. A skip link and landmarks keep it usable from the keyboard and a screen reader.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, onUnauthorized, setCsrfToken } from './api/client.ts';
import type { Session } from './api/types.ts';
import { lazyPage } from './components/lazy.tsx';
import { currentLang, setLang, UI_LANGS, useT } from './i18n/index.ts';
import { href, parseRoute, type Route } from './lib/router.ts';
import { AssistPage } from './pages/assist.tsx';
import { ClientPage, ClientsPage } from './pages/clients.tsx';
import { DebriefPage } from './pages/debrief.tsx';
import { InboxPage } from './pages/inbox.tsx';
import { IncidentPage } from './pages/incident.tsx';
import { LiveAssistPage } from './pages/live-assist.tsx';
import { LoginPage, SetupPage } from './pages/login.tsx';
import { API, isSupervisor, loadSession, SessionContext, type SessionState } from './session.tsx';

const DashboardPage = lazyPage(() => import('./pages/dashboard.tsx').then((m) => m.DashboardPage));
const TrainingPage = lazyPage(() => import('./pages/training.tsx').then((m) => m.TrainingPage));

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export function App() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const route = useRoute();

  useEffect(() => {
    void loadSession().then(setState);
    onUnauthorized(() => setState({ status: 'signed_out', setupNeeded: false }));
  }, []);

  const setSession = (s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setState(s ? { status: 'signed_in', session: s } : { status: 'signed_out', setupNeeded: false });
  };

  return (
    <SessionContext.Provider value={{ state, setSession }}>
      <Shell state={state} route={route} />
    </SessionContext.Provider>
  );
}

function Shell({ state, route }: { readonly state: SessionState; readonly route: Route }) {
  const t = useT();
  useEffect(() => {
    document.title = `${t(`nav.${route.name}`, { defaultValue: 'sangfroid' })} · sangfroid`;
  });
  let body: ComponentChildren;
  if (state.status === 'loading') body = <p class="page muted">{t('common.loading')}</p>;
  else if (state.status === 'offline') body = <AssistPage />;
  else if (state.status === 'signed_out')
    body = state.setupNeeded || route.name === 'setup' ? <SetupPage /> : <LoginPage />;
  else body = <SignedIn route={route} session={state.session} />;

  return (
    <>
      <button type="button" class="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('nav.skip')}
      </button>
      <Header state={state} route={route} />
      {state.status === 'offline' && (
        <div class="banner" role="status">
          {t('common.offline')}
        </div>
      )}
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </>
  );
}

function SignedIn({ route, session }: { readonly route: Route; readonly session: Session }) {
  const t = useT();
  const supervisor = isSupervisor(session.user.role);
  const forbidden = <p class="page">{t('error.forbidden')}</p>;
  switch (route.name) {
    case 'assist':
    case 'login':
    case 'setup':
      return (
        <LiveAssistPage
          {...(route.name === 'assist' && route.conversationId
            ? { conversationId: route.conversationId }
            : {})}
        />
      );
    case 'inbox':
      return supervisor ? <InboxPage /> : forbidden;
    case 'dashboard':
      return supervisor ? <DashboardPage /> : forbidden;
    case 'clients':
      return <ClientsPage />;
    case 'client':
      return <ClientPage id={route.id} />;
    case 'incident':
      return <IncidentPage id={route.id} />;
    case 'debrief':
      return <DebriefPage id={route.id} />;
    case 'training':
      return <TrainingPage />;
    default:
      return (
        <div class="page">
          <h1>{t('error.notFound')}</h1>
          <a href={href({ name: 'assist' })}>{t('nav.assist')}</a>
        </div>
      );
  }
}

function Header({ state, route }: { readonly state: SessionState; readonly route: Route }) {
  const t = useT();
  const user = state.status === 'signed_in' ? state.session.user : null;
  const links: Route['name'][] = user
    ? ['assist', ...(isSupervisor(user.role) ? (['inbox', 'dashboard'] as const) : []), 'clients', 'training']
    : [];
  const active = (name: Route['name']) =>
    name === route.name ||
    (name === 'clients' && route.name === 'client') ||
    (name === 'inbox' && (route.name === 'incident' || route.name === 'debrief'));

  const logout = async () => {
    await api.post(`${API}/auth/logout`).catch(() => undefined);
    setCsrfToken(null);
    location.hash = '#/login';
    location.reload();
  };

  return (
    <header class="app-header">
      <a class="brand" href="#/assist" aria-label={t('nav.home')}>
        <span class="brand-mark" aria-hidden="true">
          ≈
        </span>
        sangfroid
      </a>
      {links.length > 0 && (
        <nav aria-label={t('nav.main')}>
          <ul>
            {links.map((name) => (
              <li key={name}>
                <a
                  href={href({ name } as Route)}
                  aria-current={active(name) ? 'page' : undefined}
                  data-nav={name}
                >
                  {t(`nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div class="header-tools">
        <fieldset class="lang-switch">
          <legend class="visually-hidden">{t('nav.language')}</legend>
          {UI_LANGS.map((l) => (
            <button
              key={l}
              type="button"
              class="lang-btn"
              lang={l}
              aria-pressed={currentLang() === l}
              onClick={() => setLang(l)}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </fieldset>
        {user && state.status === 'signed_in' && (
          <div class="user-box">
            <span class="user-name" data-testid="user-name">
              {user.name}
              <span class="user-role">{t(`role.${user.role}`)}</span>
            </span>
            <button type="button" class="btn btn-ghost" onClick={logout}>
              {t('nav.logout')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
