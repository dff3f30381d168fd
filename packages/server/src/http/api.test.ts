import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ACTION_IDS } from '@sangfroid/core';
import { call, makeTestApp, seedOrg } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';

describeStorage('API behaviour', (getDb) => {
  it('answers bad input with 400 and the field named, in the one error shape', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const cases: [string, string, unknown, RegExp][] = [
      ['POST', '/analyze', { text: '', role: 'client' }, /^text:/],
      ['POST', '/analyze', { text: 'x'.repeat(20_001) }, /^text:/],
      ['POST', '/conversations', { channel: 'pigeon' }, /^channel:/],
      ['POST', '/commitments', { what: 'w', toWhom: 't', dueAt: 'tomorrow' }, /^dueAt:/],
      ['GET', '/incidents?limit=1000', undefined, /^limit:/],
      ['GET', '/incidents/not-a-uuid', undefined, /^id:/],
      ['GET', '/clients?cursor=garbage', undefined, /^cursor:/],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await call(app, org.agent, method, path, body);
      assert.equal(res.status, 400, `${method} ${path}: ${res.text}`);
      assert.deepEqual(Object.keys(res.body.error).sort(), ['code', 'message']);
      assert.equal(res.body.error.code, 'invalid_input');
      assert.match(res.body.error.message, message);
    }
    const plain = await app.request('/api/v1/clients', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.agent.token}`, 'content-type': 'text/plain' },
      body: '{"name":"x"}',
    });
    assert.equal(plain.status, 415);
    assert.equal(((await plain.json()) as { error: { code: string } }).error.code, 'unsupported_media_type');
    const malformed = await app.request('/api/v1/clients', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.agent.token}`, 'content-type': 'application/json' },
      body: '{"name":',
    });
    assert.equal(malformed.status, 400);
    const huge = await app.request('/api/v1/analyze', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.agent.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'a'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as { error: { code: string } }).error.code, 'payload_too_large');
    const unknown = await call(app, org.agent, 'GET', '/nope');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'not_found');
  });

  it('stores a message whose text or analysis holds a lone surrogate (a cut emoji)', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const conv = await call(app, org.agent, 'POST', '/conversations', { channel: 'chat' });
    const res = await app.request(`/api/v1/conversations/${conv.body.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.agent.token}`, 'content-type': 'application/json' },
      body: '{"direction":"inbound","text":"Vous \\u00eates des incapables \\ud83d"}',
    });
    assert.equal(res.status, 201, await res.clone().text());
  });

  it('writes nothing when a request fails half-way (one transaction)', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const conv = await call(app, org.agent, 'POST', '/conversations', { channel: 'chat' });
    const msg = await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text: 'court',
    });
    const before = await call(app, org.supervisor, 'GET', '/incidents');
    // the second evidence span is outside the message: the whole incident must be refused
    const res = await call(app, org.agent, 'POST', '/incidents', {
      kind: 'abuse.insult',
      severity: 2,
      summary: 'half-way',
      evidence: [
        { messageId: msg.body.message.id, start: 0, end: 3 },
        { messageId: msg.body.message.id, start: 2, end: 99 },
      ],
    });
    assert.equal(res.status, 400, res.text);
    const after = await call(app, org.supervisor, 'GET', '/incidents');
    assert.equal(after.body.items.length, before.body.items.length);
    const debriefs = await call(app, org.supervisor, 'GET', '/debriefs');
    assert.equal(debriefs.body.items.length, 0);
    const audit = await call(app, org.admin, 'GET', '/audit');
    assert.equal(audit.body.items.length, 0);
  });

  it('refuses an incident that names a user or quotes a message of another organisation, writing nothing', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app, 'Mine');
    const other = await seedOrg(app, 'Other');
    const conv = await call(app, other.agent, 'POST', '/conversations', { channel: 'chat' });
    const foreign = await call(app, other.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text: 'un message ailleurs',
    });
    const attempts = [
      { exposedUserIds: [org.agent.id, other.agent.id] },
      { evidence: [{ messageId: foreign.body.message.id, start: 0, end: 3 }] },
    ];
    for (const extra of attempts) {
      const res = await call(app, org.supervisor, 'POST', '/incidents', {
        kind: 'abuse.insult',
        severity: 2,
        summary: 'cross-tenant',
        ...extra,
      });
      assert.equal(res.status, 404, res.text);
    }
    assert.equal((await call(app, org.supervisor, 'GET', '/incidents')).body.items.length, 0);
    assert.equal((await call(app, org.supervisor, 'GET', '/debriefs')).body.items.length, 0);
    assert.equal((await call(app, org.admin, 'GET', '/audit')).body.items.length, 0);
    // naming nobody is allowed: the incident exposes no one
    const none = await call(app, org.supervisor, 'POST', '/incidents', {
      kind: 'abuse.insult',
      severity: 1,
      summary: 'nobody exposed',
      exposedUserIds: [],
    });
    assert.equal(none.status, 201, none.text);
    assert.deepEqual((await call(app, org.supervisor, 'GET', `/incidents/${none.body.id}`)).body.exposed, []);
  });

  it('pages through lists with an opaque cursor, newest first, no duplicates', async () => {
    const { app, clock } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      made.push((await call(app, org.agent, 'POST', '/clients', { name: `client ${i}` })).body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await call(
        app,
        org.agent,
        'GET',
        `/clients?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...made].reverse());
  });

  it('exports an incident file as JSON and as HTML with every client text escaped', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const client = await call(app, org.agent, 'POST', '/clients', { name: '<img src=x onerror=alert(1)>' });
    const conv = await call(app, org.agent, 'POST', `/conversations`, {
      channel: 'email',
      clientId: client.body.id,
    });
    const text = 'Bande d’incapables <script>alert("x")</script> & co';
    const msg = await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text,
    });
    const id = msg.body.incident.id;
    const json = await call(app, org.supervisor, 'GET', `/incidents/${id}/export.json`);
    assert.equal(json.status, 200);
    assert.equal(json.body.messages[0].text, text);
    assert.equal(json.body.audit[0].action, 'created');
    const html = await call(app, org.supervisor, 'GET', `/incidents/${id}/export.html?lang=en`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.ok(!html.text.includes('<script>'), 'no raw script tag');
    assert.ok(!html.text.includes('<img src=x'), 'no raw img tag');
    assert.ok(html.text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
    assert.match(html.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(html.text, /Incident file/);
  });

  it("exports, then erases a client's personal data but keeps the incident evidence", async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const client = await call(app, org.agent, 'POST', '/clients', {
      name: 'Marie Curie',
      email: 'marie@example.test',
      notes: 'prefers mornings',
    });
    const conv = await call(app, org.agent, 'POST', '/conversations', {
      channel: 'email',
      clientId: client.body.id,
      subject: 'Commande 42',
    });
    const msg = await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text: 'Vous êtes des incapables.',
      authorName: 'Marie',
    });
    const before = await call(app, org.agent, 'GET', `/conversations/${conv.body.id}`);
    assert.match(
      JSON.stringify(before.body.recommendation),
      /incapables/,
      'the recommendation quotes the client',
    );
    const exported = await call(app, org.admin, 'GET', `/clients/${client.body.id}/export`);
    assert.equal(exported.body.client.email, 'marie@example.test');
    assert.equal(exported.body.messages.length, 1);
    assert.equal(
      (await call(app, org.supervisor, 'POST', `/clients/${client.body.id}/erase`, { reason: 'request' }))
        .status,
      403,
    );
    const erased = await call(app, org.admin, 'POST', `/clients/${client.body.id}/erase`, {
      reason: 'art. 17 request of 2 March',
    });
    assert.deepEqual(erased.body, { erased: true });
    const after = await call(app, org.admin, 'GET', `/clients/${client.body.id}/export`);
    assert.equal(after.body.client.name, '[erased]');
    assert.equal(after.body.client.email, null);
    assert.equal(after.body.client.notes, null);
    assert.deepEqual(
      after.body.messages.map((m: { text: string }) => m.text),
      ['[erased]'],
    );
    assert.ok(!JSON.stringify(after.body).includes('Marie'));
    const conversation = await call(app, org.agent, 'GET', `/conversations/${conv.body.id}`);
    assert.doesNotMatch(JSON.stringify(conversation.body), /incapables|Marie/);
    assert.equal(conversation.body.recommendation.action, before.body.recommendation.action);
    assert.deepEqual(
      conversation.body.recommendation.reasons.map((r: { rule: string }) => r.rule),
      before.body.recommendation.reasons.map((r: { rule: string }) => r.rule),
    );
    const incident = await call(app, org.supervisor, 'GET', `/incidents/${msg.body.incident.id}`);
    assert.ok(
      incident.body.evidence.some((e: { quote: string }) => /incapables/i.test(e.quote)),
      'evidence kept',
    );
  });

  it('pushes incident and escalation alerts to supervisors over SSE, within their organisation only', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const other = await seedOrg(app, 'Other');
    const res = await app.request('/api/v1/events', {
      headers: { authorization: `Bearer ${org.supervisor.token}` },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const readUntil = async (needle: string) => {
      while (!buffer.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value);
      }
    };
    await readUntil('event: ready');
    const otherConv = await call(app, other.agent, 'POST', '/conversations', { channel: 'chat' });
    await call(app, other.agent, 'POST', `/conversations/${otherConv.body.id}/messages`, {
      direction: 'inbound',
      text: 'incapables',
    });
    const conv = await call(app, org.agent, 'POST', '/conversations', { channel: 'chat' });
    const msg = await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text: 'Je vais vous casser la figure, incapables',
    });
    await readUntil('event: escalation.created');
    await reader.cancel();
    assert.match(buffer, new RegExp(`event: incident.created\\ndata: \\{"id":"${msg.body.incident.id}"`));
    assert.ok(buffer.includes('"reason":"threat"'));
    assert.ok(!buffer.includes(otherConv.body.id), 'no event of another organisation');
  });

  it('assists on a stored conversation: next action, a draft offering only what is allowed, and the check of a draft', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const conv = await call(app, org.agent, 'POST', '/conversations', { channel: 'email' });
    await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text: 'Je suis furieux : ma commande devait arriver il y a trois semaines et personne ne me répond.',
    });
    const res = await call(app, org.agent, 'POST', '/assist', {
      conversationId: conv.body.id,
      draft: 'Calmez-vous, ce n’est pas de notre faute.',
      channel: 'email',
      offers: ['un appel demain matin'],
    });
    assert.equal(res.status, 200, res.text);
    assert.ok(ACTION_IDS.includes(res.body.recommendation.action));
    assert.equal(typeof res.body.draft.text, 'string');
    assert.ok(res.body.draft.text.length > 20);
    assert.equal(res.body.draft.action, res.body.recommendation.action);
    assert.equal(typeof res.body.draftCheck.score, 'number');
    assert.ok(res.body.draftCheck.risks.length > 0, 'a dismissive, defensive draft carries risks');
    const other = await seedOrg(app, 'Other');
    assert.equal(
      (await call(app, other.agent, 'POST', '/assist', { conversationId: conv.body.id })).status,
      404,
    );
    assert.equal((await call(app, org.agent, 'POST', '/assist', {})).status, 400);
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const { app } = makeTestApp(getDb());
    const res = await app.request('/api/v1/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const r of app.routes) assert.ok(doc.paths[r.path]?.[r.method], `${r.method} ${r.path} documented`);
  });
});
