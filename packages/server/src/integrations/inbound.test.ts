import assert from 'node:assert/strict';
import { it } from 'node:test';
import { defaultConfig } from '../config.ts';
import { createApp } from '../http/app.ts';
import { silentLogger } from '../logger.ts';
import { seedOrg, TestClock } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';
import { chatwootIntegration } from './chatwoot.ts';
import { createEndpoint } from './endpoints.ts';
import { genericWebhookIntegration } from './generic-webhook.ts';
import { signPayload } from './signature.ts';

/** A message_created delivery as Chatwoot sends it (shape from its webhook documentation). */
function chatwootDelivery(overrides: Record<string, unknown> = {}) {
  return {
    event: 'message_created',
    id: 4821,
    content: 'Bande d’incapables, ça fait trois jours que j’attends une réponse !',
    created_at: '2026-12-01 09:12:44 UTC',
    message_type: 'incoming',
    content_type: 'text',
    content_attributes: {},
    source_id: null,
    private: false,
    sender: { id: 77, name: 'Marc Rivière', email: 'marc.riviere@example.org', type: 'contact' },
    contact: { id: 77, name: 'Marc Rivière', email: 'marc.riviere@example.org' },
    conversation: { id: 312, display_id: 312, channel: 'Channel::WebWidget', status: 'open' },
    account: { id: 3, name: 'Boutique' },
    inbox: { id: 9, name: 'Site web' },
    ...overrides,
  };
}

describeStorage('inbound webhooks', (getDb) => {
  async function setup() {
    const clock = new TestClock();
    const app = createApp(
      {
        db: getDb().db,
        config: defaultConfig(),
        logger: silentLogger,
        clock,
        integrations: [chatwootIntegration, genericWebhookIntegration],
      },
      { web: false },
    );
    const org = await seedOrg(app);
    const seconds = () => String(Math.floor(clock.now().getTime() / 1000));
    const post = async (
      path: string,
      payload: unknown,
      secret: string,
      headers: 'chatwoot' | 'sangfroid',
    ) => {
      const body = JSON.stringify(payload);
      const ts = seconds();
      const prefix = headers === 'chatwoot' ? 'X-Chatwoot' : 'X-Sangfroid';
      const res = await app.request(path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [`${prefix}-Timestamp`]: ts,
          [`${prefix}-Signature`]: signPayload(secret, ts, body),
        },
        body,
      });
      return { status: res.status, body: await res.json() };
    };
    const endpoint = (kind: 'chatwoot' | 'generic') =>
      createEndpoint({
        db: app.deps.db,
        now: clock.now(),
        kind,
        name: kind,
        actingUserEmail: org.agent.email,
      });
    return { app, org, clock, post, endpoint };
  }

  const countMessages = async () =>
    Number(
      (
        await getDb()
          .db.selectFrom('messages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('records a signed Chatwoot message as the client’s, opens the incident, and ignores a redelivery', async () => {
    const { app, org, post, endpoint: makeEndpoint } = await setup();
    const endpoint = await makeEndpoint('chatwoot');
    const before = await countMessages();
    const first = await post(endpoint.path, chatwootDelivery(), endpoint.secret, 'chatwoot');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'recorded');
    assert.ok(first.body.incidentId, 'the insult opens an incident');
    const again = await post(endpoint.path, chatwootDelivery(), endpoint.secret, 'chatwoot');
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'duplicate');
    assert.equal((await countMessages()) - before, 1);

    const stored = await app.deps.db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .innerJoin('clients as k', 'k.id', 'c.client_id')
      .select(['m.direction', 'm.channel', 'm.sent_at', 'c.external_ref', 'k.email', 'c.org_id'])
      .where('m.id', '=', first.body.messageId)
      .executeTakeFirstOrThrow();
    assert.equal(stored.direction, 'inbound');
    assert.equal(stored.channel, 'chat');
    assert.equal(stored.external_ref, 'chatwoot:3:312');
    assert.equal(stored.email, 'marc.riviere@example.org');
    assert.equal(stored.org_id, org.orgId);
    assert.equal(new Date(stored.sent_at as Date).toISOString(), '2026-12-01T09:12:44.000Z');

    const reply = await post(
      endpoint.path,
      chatwootDelivery({
        id: 4822,
        message_type: 'outgoing',
        content: 'Je comprends, je regarde tout de suite.',
        sender: { id: 5, name: 'Léa', type: 'user' },
      }),
      endpoint.secret,
      'chatwoot',
    );
    assert.equal(reply.status, 201);
    const conv = await app.deps.db
      .selectFrom('messages')
      .select(['direction', 'author_name'])
      .where('id', '=', reply.body.messageId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(conv, { direction: 'outbound', author_name: 'Léa' });
  });

  it('refuses a bad signature, a stale timestamp and an unknown endpoint, writing nothing', async () => {
    const { app, clock, endpoint: makeEndpoint } = await setup();
    const endpoint = await makeEndpoint('chatwoot');
    const before = await countMessages();
    const body = JSON.stringify(chatwootDelivery({ id: 9001 }));
    const ts = String(Math.floor(clock.now().getTime() / 1000));
    const send = (path: string, headers: Record<string, string>) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const forged = await send(endpoint.path, {
      'X-Chatwoot-Timestamp': ts,
      'X-Chatwoot-Signature': signPayload('not-the-secret', ts, body),
    });
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    const old = String(Number(ts) - 3600);
    const stale = await send(endpoint.path, {
      'X-Chatwoot-Timestamp': old,
      'X-Chatwoot-Signature': signPayload(endpoint.secret, old, body),
    });
    assert.equal(stale.status, 401);
    const unknown = await send('/api/v1/integrations/chatwoot/00000000-0000-4000-8000-000000000000', {
      'X-Chatwoot-Timestamp': ts,
      'X-Chatwoot-Signature': signPayload(endpoint.secret, ts, body),
    });
    assert.equal(unknown.status, 404);
    assert.equal(await countMessages(), before);
  });

  it('acknowledges and ignores private notes, activity messages and other events', async () => {
    const { post, endpoint: makeEndpoint } = await setup();
    const endpoint = await makeEndpoint('chatwoot');
    const before = await countMessages();
    for (const payload of [
      chatwootDelivery({ id: 1, private: true }),
      chatwootDelivery({ id: 2, message_type: 'activity', content: 'Conversation was resolved' }),
      chatwootDelivery({ id: 3, message_type: 2 }),
      chatwootDelivery({ id: 4, event: 'conversation_status_changed' }),
      chatwootDelivery({ id: 5, content: '   ' }),
    ]) {
      const res = await post(endpoint.path, payload, endpoint.secret, 'chatwoot');
      assert.equal(res.status, 202, JSON.stringify(res.body));
      assert.equal(res.body.status, 'ignored');
    }
    assert.equal(await countMessages(), before);
  });

  it('answers a malformed signed payload with 400 and the field it dislikes', async () => {
    const { post, endpoint: makeEndpoint } = await setup();
    const endpoint = await makeEndpoint('generic');
    const res = await post(
      endpoint.path,
      { id: 'x', conversation: { ref: 'T-1' }, direction: 'sideways', text: 'hi' },
      endpoint.secret,
      'sangfroid',
    );
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /direction/);
  });

  it('records a generic signed JSON message into the conversation named by its ref', async () => {
    const { app, post, endpoint: makeEndpoint } = await setup();
    const endpoint = await makeEndpoint('generic');
    const base = {
      conversation: { ref: 'T-77', channel: 'email', client: { name: 'Ada', email: 'ada@example.org' } },
    };
    const a = await post(
      endpoint.path,
      { ...base, id: 'm1', direction: 'inbound', text: 'Bonjour, où en est mon dossier ?' },
      endpoint.secret,
      'sangfroid',
    );
    const b = await post(
      endpoint.path,
      { ...base, id: 'm2', direction: 'inbound', text: 'Merci de me répondre vite.' },
      endpoint.secret,
      'sangfroid',
    );
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(a.body.incidentId, null);
    const rows = await app.deps.db
      .selectFrom('messages')
      .select('conversation_id')
      .where('id', 'in', [a.body.messageId, b.body.messageId])
      .execute();
    assert.equal(new Set(rows.map((r) => r.conversation_id)).size, 1);
  });
});
