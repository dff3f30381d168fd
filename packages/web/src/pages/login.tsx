/** Sign-in, and the one-time setup of the first organisation and administrator. */
import { useState } from 'preact/hooks';
import { ApiError, api, setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { API, useSession } from '../session.tsx';

function errorKey(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401) return 'login.wrong';
    if (err.status === 429) return 'login.tooMany';
    if (err.status === 400) return 'error.invalid';
  }
  return 'error.generic';
}

export function LoginPage() {
  const t = useT();
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>(`${API}/auth/login`, { email, password });
      setCsrfToken(session.csrfToken);
      setSession(session);
      if (location.hash === '#/login') location.hash = '#/assist';
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auth-page">
      <form class="card auth-card" onSubmit={submit} aria-labelledby="login-h">
        <h1 id="login-h">{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        <label class="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {t(error)}
          </p>
        )}
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </div>
  );
}

export function SetupPage() {
  const t = useT();
  const { setSession } = useSession();
  const [form, setForm] = useState({ token: '', organisation: '', name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (
    key: keyof typeof form,
    type: 'text' | 'email' | 'password',
    autoComplete: string,
    minLength = 0,
  ) => (
    <label class="field">
      <span>{t(`setup.${key}`)}</span>
      <input
        type={type as 'text'}
        name={key}
        autoComplete={autoComplete}
        required
        value={form[key]}
        onInput={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
        minLength={minLength}
      />
    </label>
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.post<Session>(`${API}/setup`, form);
      setCsrfToken(session.csrfToken);
      setSession(session);
      location.hash = '#/assist';
    } catch (err) {
      setError(errorKey(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auth-page">
      <form class="card auth-card" onSubmit={submit} aria-labelledby="setup-h">
        <h1 id="setup-h">{t('setup.title')}</h1>
        <p class="muted">{t('setup.intro')}</p>
        {field('token', 'text', 'one-time-code')}
        {field('organisation', 'text', 'organization')}
        {field('name', 'text', 'name')}
        {field('email', 'email', 'username')}
        {field('password', 'password', 'new-password', 12)}
        <p class="hint">{t('setup.passwordHint')}</p>
        {error && (
          <p class="error" role="alert">
            {t(error)}
          </p>
        )}
        <button class="btn btn-primary" type="submit" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </div>
  );
}
