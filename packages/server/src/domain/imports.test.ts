import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '@sangfroid/core';
import { sql } from 'kysely';
import { describeStorage } from '../testing/storage.ts';
import { newId } from './common.ts';
import {
  findImportedMessageKeys,
  type ImportedConversationInput,
  storeImportedConversations,
} from './imports.ts';

const NOW = new Date('2026-04-01T12:00:00Z');

function conversation(
  key: string,
  texts: readonly [string, 'client' | 'agent'][],
): ImportedConversationInput {
  return {
    key,
    channel: 'email',
    messages: texts.map(([text, role], i) => ({
      key: `${key}#${i}`,
      role,
      text,
      analysis: analyze(text, { role, lang: 'fr' }),
      at: `2026-03-0${i + 1}T10:00:00Z`,
    })),
    incident: {
      kind: 'abuse.insult',
      severity: 3,
      summary: 'abuse.insult: « abrutis »',
      messageIndex: 0,
      evidence: [{ start: 14, end: 21, signalId: 'abuse.insult' }],
    },
  };
}

describeStorage('imports', (getDb) => {
  const seedOrg = async () => {
    const orgId = newId();
    await getDb()
      .db.insertInto('organisations')
      .values({ id: orgId, name: 'Import', created_at: NOW })
      .execute();
    return orgId;
  };
  const count = async (
    orgId: string,
    table: 'messages' | 'conversations' | 'incidents' | 'incident_evidence',
  ) =>
    Number(
      (
        await getDb()
          .db.selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('storing the same conversations twice stores them once', async () => {
    const orgId = await seedOrg();
    const convs = [
      conversation('T-1', [
        ['Vous êtes des abrutis.', 'client'],
        ['Je ne peux pas accepter ces propos.', 'agent'],
      ]),
      conversation('T-2', [['Bonjour, où est ma commande ?', 'client']]),
    ];
    const first = await storeImportedConversations({
      db: getDb().db,
      orgId,
      source: 'zendesk',
      conversations: convs,
      now: NOW,
    });
    assert.deepEqual(first, {
      conversationsCreated: 2,
      messagesStored: 3,
      messagesAlreadyStored: 0,
      incidentsCreated: 2,
    });
    const again = await storeImportedConversations({
      db: getDb().db,
      orgId,
      source: 'zendesk',
      conversations: convs,
      now: NOW,
    });
    assert.deepEqual(again, {
      conversationsCreated: 0,
      messagesStored: 0,
      messagesAlreadyStored: 3,
      incidentsCreated: 0,
    });
    assert.deepEqual(
      [await count(orgId, 'conversations'), await count(orgId, 'messages'), await count(orgId, 'incidents')],
      [2, 3, 2],
    );
    const evidence = await getDb()
      .db.selectFrom('incident_evidence')
      .select(['quote', 'signal_id'])
      .where('org_id', '=', orgId)
      .execute();
    assert.ok(evidence.some((e) => e.quote === 'abrutis' && e.signal_id === 'abuse.insult'));
    const stored = await getDb()
      .db.selectFrom('conversations')
      .select(['status', 'message_count', 'external_ref'])
      .where('org_id', '=', orgId)
      .orderBy('external_ref')
      .execute();
    assert.deepEqual(stored, [
      { status: 'closed', message_count: 2, external_ref: 'zendesk:T-1' },
      { status: 'closed', message_count: 1, external_ref: 'zendesk:T-2' },
    ]);
  });

  it('a resumed import adds only the messages not yet stored, in order', async () => {
    const orgId = await seedOrg();
    const whole = conversation('T-9', [
      ['Bonjour.', 'client'],
      ['Bonjour, je regarde.', 'agent'],
      ['Merci.', 'client'],
    ]);
    const half = { ...whole, messages: whole.messages.slice(0, 1), incident: undefined };
    await storeImportedConversations({
      db: getDb().db,
      orgId,
      source: 'csv',
      conversations: [half],
      now: NOW,
    });
    const keys = await findImportedMessageKeys({
      db: getDb().db,
      orgId,
      source: 'csv',
      keys: whole.messages.map((m) => m.key),
    });
    assert.deepEqual([...keys], ['T-9#0']);
    const r = await storeImportedConversations({
      db: getDb().db,
      orgId,
      source: 'csv',
      conversations: [{ ...whole, incident: undefined }],
      now: NOW,
    });
    assert.deepEqual([r.messagesStored, r.messagesAlreadyStored], [2, 1]);
    const rows = await getDb()
      .db.selectFrom('messages')
      .select(['seq', 'text', 'direction'])
      .where('org_id', '=', orgId)
      .orderBy('seq')
      .execute();
    assert.deepEqual(rows, [
      { seq: 1, text: 'Bonjour.', direction: 'inbound' },
      { seq: 2, text: 'Bonjour, je regarde.', direction: 'outbound' },
      { seq: 3, text: 'Merci.', direction: 'inbound' },
    ]);
  });

  it('two writers storing the same batch at once store it once', async () => {
    const orgId = await seedOrg();
    const convs = Array.from({ length: 8 }, (_, i) =>
      conversation(`C-${i}`, [
        ['Bonjour.', 'client'],
        ['Bonjour !', 'agent'],
      ]),
    );
    const [a, b] = await Promise.all([
      storeImportedConversations({
        db: getDb().db,
        orgId,
        source: 'chatwoot',
        conversations: convs,
        now: NOW,
      }),
      storeImportedConversations({
        db: getDb().db,
        orgId,
        source: 'chatwoot',
        conversations: convs,
        now: NOW,
      }),
    ]);
    assert.equal((a?.messagesStored ?? 0) + (b?.messagesStored ?? 0), 16);
    assert.deepEqual([await count(orgId, 'conversations'), await count(orgId, 'messages')], [8, 16]);
  });
});
