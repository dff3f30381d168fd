/**
 * The access walk: every route of ROUTES, called by every role of organisation A, by the users of
 * organisation B with A's ids, and without credentials. Roles outside a route's `access` get 403;
 * roles inside get a success; B never gets anything of A (404 on ids, A's markers never appear in
 * any answer); no credentials → 401. A route added without a case here fails the suite.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { UserRole } from '../auth/actor.ts';
import { type CallResult, call, makeTestApp, type SeededUser, seedOrg } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';
import type { App } from './app.ts';

type Org = Awaited<ReturnType<typeof seedOrg>>;
interface Fixtures {
  a: Org;
  b: Org;
  clientId: string;
  conversationId: string;
  messageId: string;
  incidentId: string;
  escalationId: string;
  debriefId: string;
  commitmentId: string;
}
interface Prepared {
  path?: Record<string, string>;
  query?: string;
  body?: unknown;
}
type Prepare = (app: App, f: Fixtures, caller: SeededUser) => Promise<Prepared> | Prepared;

const MARK = 'ZZ-SECRET-A';
const future = '2099-01-01T00:00:00.000Z';

async function must(r: Promise<CallResult>): Promise<CallResult> {
  const res = await r;
  assert.ok(res.status < 300, `fixture call failed: ${res.status} ${res.text}`);
  return res;
}

const freshEscalation: Prepare = async (app, f) => ({
  path: { id: (await must(call(app, f.a.agent, 'POST', '/escalations', { reason: MARK }))).body.id },
});
const freshClient: Prepare = async (app, f) => ({
  path: { id: (await must(call(app, f.a.agent, 'POST', '/clients', { name: `${MARK} erase` }))).body.id },
  body: { reason: 'request' },
});

const CASES: Record<string, Prepare> = {
  'post /auth/login': (_app, f) => ({ body: { email: f.a.agent.email, password: 'wrong password here' } }),
  'post /auth/logout': () => ({}),
  'get /auth/me': () => ({}),
  'get /setup': () => ({}),
  'post /setup': () => ({
    body: { token: 'nope', organisation: 'x', name: 'x', email: 'x@y.zz', password: 'long enough password' },
  }),
  'get /tokens': () => ({}),
  'post /tokens': () => ({ body: { name: 'ci' } }),
  'delete /tokens/{id}': async (app, _f, caller) => ({
    path: { id: (await must(call(app, caller, 'POST', '/tokens', { name: 'to revoke' }))).body.id },
  }),
  'get /users': () => ({}),
  'post /users': () => ({
    body: {
      email: `${crypto.randomUUID().slice(0, 8)}@a.test`,
      name: MARK,
      role: 'agent',
      password: 'a long enough password',
    },
  }),
  'patch /users/{id}': (_app, f) => ({ path: { id: f.a.otherAgent.id }, body: { name: `${MARK} renamed` } }),
  'post /analyze': () => ({ body: { text: 'Bonjour, merci pour votre aide.', role: 'client' } }),
  'post /assist': (_app, f) => ({
    body: { conversationId: f.conversationId, draft: 'Je comprends, nous regardons cela ensemble.' },
  }),
  'get /conversations': () => ({}),
  'post /conversations': (_app, f) => ({ body: { channel: 'email', clientId: f.clientId, subject: MARK } }),
  'get /conversations/{id}': (_app, f) => ({ path: { id: f.conversationId } }),
  'patch /conversations/{id}': (_app, f) => ({
    path: { id: f.conversationId },
    body: { subject: `${MARK} subject` },
  }),
  'post /conversations/{id}/messages': (_app, f) => ({
    path: { id: f.conversationId },
    body: { direction: 'outbound', text: `${MARK} je regarde.` },
  }),
  'get /clients': () => ({}),
  'post /clients': () => ({ body: { name: `${MARK} new` } }),
  'get /clients/{id}': (_app, f) => ({ path: { id: f.clientId } }),
  'patch /clients/{id}': (_app, f) => ({ path: { id: f.clientId }, body: { notes: `${MARK} notes` } }),
  'get /clients/{id}/export': (_app, f) => ({ path: { id: f.clientId } }),
  'post /clients/{id}/erase': freshClient,
  'get /clients/{id}/restrictions': (_app, f) => ({ path: { id: f.clientId } }),
  'post /clients/{id}/restrictions': (_app, f) => ({
    path: { id: f.clientId },
    body: { kind: 'written_contact_only', reason: MARK, reviewOn: '2099-01-01' },
  }),
  'post /restrictions/{id}/lift': async (app, f) => ({
    path: {
      id: (
        await must(
          call(app, f.a.supervisor, 'POST', `/clients/${f.clientId}/restrictions`, {
            kind: 'other',
            reason: MARK,
            reviewOn: '2099-01-01',
          }),
        )
      ).body.id,
    },
    body: { reason: 'reviewed' },
  }),
  'get /incidents': () => ({}),
  'post /incidents': (_app, f) => ({
    body: {
      kind: 'abuse.insult',
      severity: 2,
      summary: MARK,
      conversationId: f.conversationId,
      evidence: [{ messageId: f.messageId, start: 0, end: 5 }],
    },
  }),
  'get /incidents/{id}': (_app, f) => ({ path: { id: f.incidentId } }),
  'patch /incidents/{id}': (_app, f) => ({ path: { id: f.incidentId }, body: { status: 'in_review' } }),
  'get /incidents/{id}/export.json': (_app, f) => ({ path: { id: f.incidentId } }),
  'get /incidents/{id}/export.html': (_app, f) => ({ path: { id: f.incidentId } }),
  'get /escalations': () => ({}),
  'post /escalations': (_app, f) => ({ body: { reason: MARK, conversationId: f.conversationId } }),
  'get /escalations/{id}': (_app, f) => ({ path: { id: f.escalationId } }),
  'post /escalations/{id}/acknowledge': async (app, f) => ({
    ...(await freshEscalation(app, f, f.a.agent)),
    body: {},
  }),
  'post /escalations/{id}/take-over': async (app, f) => ({
    ...(await freshEscalation(app, f, f.a.agent)),
    body: {},
  }),
  'post /escalations/{id}/resolve': async (app, f) => ({
    ...(await freshEscalation(app, f, f.a.agent)),
    body: { supportNote: 'ok' },
  }),
  'patch /escalations/{id}': (_app, f) => ({
    path: { id: f.escalationId },
    body: { supportNote: `${MARK} note` },
  }),
  'get /debriefs': () => ({}),
  'get /debriefs/{id}': (_app, f) => ({ path: { id: f.debriefId } }),
  'patch /debriefs/{id}': (_app, f) => ({ path: { id: f.debriefId }, body: { whatHappened: MARK } }),
  'get /commitments': () => ({}),
  'post /commitments': (_app, f) => ({
    body: { what: MARK, toWhom: 'client', dueAt: future, clientId: f.clientId },
  }),
  'patch /commitments/{id}': async (app, f, caller) => ({
    path: {
      id: (
        await must(
          call(app, caller.role === 'agent' ? caller : f.a.agent, 'POST', '/commitments', {
            what: MARK,
            toWhom: 'c',
            dueAt: future,
          }),
        )
      ).body.id,
    },
    body: { status: 'kept' },
  }),
  'get /wellbeing': () => ({}),
  'post /wellbeing': (_app, f) => ({ body: { mood: 3, note: MARK, incidentId: f.incidentId } }),
  'get /dashboard': () => ({}),
  'get /audit': () => ({}),
  'get /audit/verify': () => ({}),
  'get /events': () => ({}),
  'post /training/sessions': () => ({
    body: { persona: 'rude', lang: 'fr', scenario: 0, seed: 1, replies: [{ text: `${MARK} bonjour` }] },
  }),
  'get /training/sessions': () => ({}),
  'get /training/progress': () => ({}),
  'post /imports': () => ({
    body: { content: `${JSON.stringify({ id: 'walk-1', role: 'client', text: `${MARK} bonjour` })}\n` },
  }),
};

/** Public routes whose success is not the point (wrong password, wrong setup token). */
const PUBLIC_EXPECTED: Record<string, number> = {
  'post /auth/login': 401,
  'post /setup': 404,
  'get /setup': 200,
};

function fill(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (!v) throw new Error(`no value for {${k}} in ${path}`);
    return v;
  });
}

async function send(
  app: App,
  user: SeededUser | null,
  method: string,
  path: string,
  body: unknown,
): Promise<CallResult> {
  if (path === '/events') {
    const res = await app.request('/api/v1/events', {
      headers: user ? { authorization: `Bearer ${user.token}` } : {},
    });
    let text = '';
    if (res.status === 200) await res.body?.cancel();
    else text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, text, headers: res.headers };
  }
  return call(app, user, method.toUpperCase(), path, body);
}

describeStorage('access walk', (getDb) => {
  let app: App;
  let f: Fixtures;

  before(async () => {
    app = makeTestApp(getDb()).app;
    const a = await seedOrg(app, 'A');
    const b = await seedOrg(app, 'B');
    const clientId = (
      await must(
        call(app, a.agent, 'POST', '/clients', { name: `${MARK} client`, email: 'zz-secret@a.test' }),
      )
    ).body.id;
    const conversationId = (
      await must(call(app, a.agent, 'POST', '/conversations', { channel: 'email', clientId, subject: MARK }))
    ).body.id;
    const msg = await must(
      call(app, a.agent, 'POST', `/conversations/${conversationId}/messages`, {
        direction: 'inbound',
        text: `${MARK} bande d'incapables`,
      }),
    );
    const incidentId = msg.body.incident.id;
    const escalationId = (
      await must(call(app, a.agent, 'POST', '/escalations', { reason: MARK, incidentId }))
    ).body.id;
    const debriefId = (await must(call(app, a.supervisor, 'GET', `/incidents/${incidentId}`))).body.debrief
      .id;
    const commitmentId = (
      await must(call(app, a.agent, 'POST', '/commitments', { what: MARK, toWhom: 'client', dueAt: future }))
    ).body.id;
    await must(call(app, a.agent, 'POST', '/wellbeing', { mood: 2, note: MARK }));
    await must(
      call(app, a.supervisor, 'POST', `/clients/${clientId}/restrictions`, {
        kind: 'two_staff_present',
        reason: MARK,
        reviewOn: '2099-01-01',
      }),
    );
    f = {
      a,
      b,
      clientId,
      conversationId,
      messageId: msg.body.message.id,
      incidentId,
      escalationId,
      debriefId,
      commitmentId,
    };
  });

  it('has a case for every route, and no case for a route that does not exist', () => {
    const keys = app.routes.map((r) => `${r.method} ${r.path}`).sort();
    assert.deepEqual(keys, Object.keys(CASES).sort());
  });

  it('refuses every non-public route without credentials (401)', async () => {
    for (const route of app.routes) {
      if (route.access === 'public') continue;
      const prepared = await CASES[`${route.method} ${route.path}`]?.(app, f, f.a.admin);
      const res = await send(app, null, route.method, fill(route.path, prepared?.path), prepared?.body);
      assert.equal(res.status, 401, `${route.method} ${route.path} → ${res.status}`);
      assert.equal(res.body?.error?.code, 'unauthenticated');
    }
  });

  for (const role of ['agent', 'supervisor', 'admin'] as const satisfies readonly UserRole[]) {
    it(`gives the ${role} exactly what the route's access allows`, async () => {
      const caller = f.a[role];
      for (const route of app.routes) {
        const key = `${route.method} ${route.path}`;
        const prepared = await (CASES[key] as Prepare)(app, f, caller);
        const url = fill(route.path, prepared.path) + (prepared.query ?? '');
        const res = await send(app, caller, route.method, url, prepared.body);
        if (route.access === 'public') {
          assert.equal(res.status, PUBLIC_EXPECTED[key] ?? 200, `${key} → ${res.status} ${res.text}`);
        } else if (route.access.includes(role)) {
          assert.ok(res.status >= 200 && res.status < 300, `${role} ${key} → ${res.status} ${res.text}`);
        } else {
          assert.equal(res.status, 403, `${role} ${key} should be forbidden, got ${res.status} ${res.text}`);
          assert.equal(res.body?.error?.code, 'forbidden');
        }
      }
    });
  }

  it("never shows organisation A's data to any user of organisation B", async () => {
    for (const outsider of [f.b.admin, f.b.supervisor, f.b.agent]) {
      for (const route of app.routes) {
        const key = `${route.method} ${route.path}`;
        const prepared = await (CASES[key] as Prepare)(app, f, f.a.admin);
        // B's own writes must not carry A's marker, or B's later reads would show it legitimately
        const body =
          prepared.body === undefined
            ? undefined
            : JSON.parse(JSON.stringify(prepared.body).replaceAll(MARK, 'B-OWN'));
        const res = await send(app, outsider, route.method, fill(route.path, prepared.path), body);
        const where = `${outsider.role} of B: ${key} → ${res.status}`;
        if (route.path.includes('{id}') && route.access !== 'public') {
          assert.ok(res.status === 404 || res.status === 403, `${where} ${res.text}`);
        }
        const refersToA = JSON.stringify(body ?? {}).match(
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
        );
        if (refersToA && route.method !== 'get')
          assert.ok(res.status === 404 || res.status === 403, `${where}: referenced an id of A ${res.text}`);
        // what B sends may echo back; what A stored must never appear
        const echo = JSON.stringify(body ?? '');
        assert.ok(!res.text.includes(MARK), `${where} leaked A's data: ${res.text.slice(0, 300)}`);
        for (const id of [
          f.clientId,
          f.conversationId,
          f.incidentId,
          f.escalationId,
          f.debriefId,
          f.commitmentId,
          f.a.agent.id,
        ])
          if (!echo.includes(id)) assert.ok(!res.text.includes(id), `${where} leaked id ${id}`);
      }
    }
  });

  it('keeps record-level scopes: agents see their incidents only; check-ins only by self and own supervisor', async () => {
    const inc = await must(
      call(app, f.a.supervisor, 'POST', '/incidents', {
        kind: 'abuse.insult',
        severity: 1,
        summary: 'exposed: other agent',
        exposedUserIds: [f.a.otherAgent.id],
      }),
    );
    assert.equal((await call(app, f.a.agent, 'GET', `/incidents/${inc.body.id}`)).status, 404);
    assert.equal((await call(app, f.a.otherAgent, 'GET', `/incidents/${inc.body.id}`)).status, 200);
    const listed = await call(app, f.a.agent, 'GET', '/incidents');
    assert.ok(!listed.text.includes(inc.body.id));
    const mine = await call(app, f.a.agent, 'GET', '/wellbeing');
    assert.ok(mine.body.items.length >= 1);
    assert.equal(
      (await call(app, f.a.supervisor, 'GET', '/wellbeing')).body.items.some(
        (w: { userId: string }) => w.userId === f.a.agent.id,
      ),
      true,
    );
    assert.equal(
      (await call(app, f.a.admin, 'GET', '/wellbeing')).body.items.some(
        (w: { userId: string }) => w.userId === f.a.agent.id,
      ),
      false,
    );
    assert.equal(
      (await call(app, f.a.otherAgent, 'GET', '/wellbeing')).body.items.some(
        (w: { userId: string }) => w.userId === f.a.agent.id,
      ),
      false,
    );
  });
});
