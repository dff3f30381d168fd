import assert from 'node:assert/strict';
import { it } from 'node:test';
import { makeTestApp, seedOrg, TEST_PASSWORD } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';
import type { App } from './app.ts';

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [k, v] = (pair ?? '').split('=');
    if (k) out[k] = v ?? '';
  }
  return out;
}

async function login(app: App, email: string, password = TEST_PASSWORD) {
  return app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describeStorage('authentication', (getDb) => {
  it('signs in with a password: HttpOnly SameSite=Strict session cookie plus a CSRF token', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const res = await login(app, org.agent.email.toUpperCase());
    assert.equal(res.status, 200);
    const body = (await res.json()) as { user: { id: string; role: string }; csrfToken: string };
    assert.equal(body.user.id, org.agent.id);
    const raw = res.headers.getSetCookie().find((c) => c.startsWith('sf_session=')) ?? '';
    assert.match(raw, /HttpOnly/);
    assert.match(raw, /SameSite=Strict/);
    const cookies = cookiesOf(res);
    assert.equal(cookies.sf_csrf, body.csrfToken);
    const cookie = `sf_session=${cookies.sf_session}`;
    const me = await app.request('/api/v1/auth/me', { headers: { cookie } });
    assert.equal(((await me.json()) as { user: { id: string } }).user.id, org.agent.id);

    const post = (headers: Record<string, string>) =>
      app.request('/api/v1/clients', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'X' }),
      });
    const noHeader = await post({});
    assert.equal(noHeader.status, 403);
    assert.equal(((await noHeader.json()) as { error: { code: string } }).error.code, 'csrf_failed');
    assert.equal((await post({ 'x-csrf-token': 'wrong' })).status, 403);
    assert.equal(
      (await post({ 'x-csrf-token': body.csrfToken, origin: 'https://evil.example' })).status,
      403,
    );
    assert.equal((await post({ 'x-csrf-token': body.csrfToken, origin: 'http://localhost' })).status, 201);

    const out = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    });
    assert.equal(out.status, 204);
    assert.equal((await app.request('/api/v1/auth/me', { headers: { cookie } })).status, 401);
  });

  it('rejects a wrong password and an unknown e-mail alike, then rate-limits', async () => {
    const { app } = makeTestApp(getDb(), { config: { loginMaxAttempts: 3 } });
    const org = await seedOrg(app);
    const unknown = await login(app, 'nobody@nowhere.test');
    assert.equal(unknown.status, 401);
    for (let i = 0; i < 3; i++)
      assert.equal((await login(app, org.admin.email, 'wrong password!!')).status, 401);
    const limited = await login(app, org.admin.email);
    assert.equal(limited.status, 429, 'even the right password waits once over budget');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });

  it('revokes API tokens and refuses deactivated users', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const h = { authorization: `Bearer ${org.agent.token}`, 'content-type': 'application/json' };
    const created = (await (
      await app.request('/api/v1/tokens', { method: 'POST', headers: h, body: '{"name":"zap"}' })
    ).json()) as { id: string; token: string };
    assert.match(created.token, /^sf_/);
    const withNew = { authorization: `Bearer ${created.token}` };
    assert.equal((await app.request('/api/v1/auth/me', { headers: withNew })).status, 200);
    assert.equal(
      (await app.request(`/api/v1/tokens/${created.id}`, { method: 'DELETE', headers: h })).status,
      204,
    );
    assert.equal((await app.request('/api/v1/auth/me', { headers: withNew })).status, 401);
    await app.request(`/api/v1/users/${org.agent.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${org.admin.token}`, 'content-type': 'application/json' },
      body: '{"active":false}',
    });
    assert.equal((await app.request('/api/v1/auth/me', { headers: h })).status, 401);
  });

  it('opens the one-time setup only with the printed token and only while no user exists', async () => {
    // a database of its own: setup needs zero users
    const { openTestDatabase } = await import('../testing/storage.ts');
    const db = await openTestDatabase(getDb().kind === 'pglite' ? 'pglite' : 'postgres');
    try {
      const { app } = makeTestApp(db, { setupToken: 'the-printed-token' });
      const body = (token: string) =>
        JSON.stringify({
          token,
          organisation: 'Acme',
          name: 'Ada',
          email: 'ada@acme.test',
          password: 'a long enough password',
        });
      const post = (token: string) =>
        app.request('/api/v1/setup', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: body(token),
        });
      assert.deepEqual(await (await app.request('/api/v1/setup')).json(), { needed: true });
      assert.equal((await post('guess')).status, 403);
      const ok = await post('the-printed-token');
      assert.equal(ok.status, 201);
      assert.equal(((await ok.json()) as { user: { role: string } }).user.role, 'admin');
      assert.equal((await post('the-printed-token')).status, 404, 'closed once an account exists');
      assert.deepEqual(await (await app.request('/api/v1/setup')).json(), { needed: false });
    } finally {
      await db.close();
    }
  });

  it('enforces the password policy (no short passwords)', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const res = await app.request('/api/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'new@x.test', name: 'N', role: 'agent', password: 'short' }),
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: { message: string } }).error.message, /at least 12/);
  });
});
