/**
 * Storage of imported history (issue #8), idempotent by natural keys: a conversation is known by
 * (organisation, source, the export's conversation key), a message by (organisation, source, the
 * export's message id or a content hash). Storing the same export twice, or again after an import
 * was stopped half-way, or the same batch from two workers, inserts nothing twice: a batch is
 * stored in one transaction that locks each conversation's row, skips the keys already there and
 * adds the rest.
 *
 * Imported incidents are history: they are stored closed, with their evidence spans, without a
 * debrief to schedule or an alert to send (the method's debrief is for what happens now).
 */
import type { Analysis, Channel, Role } from '@sangfroid/core';
import { sql } from 'kysely';
import type { Db } from '../db/schema.ts';
import { newId } from './common.ts';

export interface ImportedMessageInput {
  /** Natural key of the message within the source (its id in the export, or a content hash). */
  readonly key: string;
  readonly role: Role;
  readonly text: string;
  readonly analysis: Analysis;
  readonly at?: string | undefined;
  readonly author?: string | undefined;
}

export interface ImportedIncidentInput {
  readonly kind: string;
  readonly severity: number;
  readonly summary: string;
  /** Index in `messages` of the message that carries it, and its spans. */
  readonly messageIndex: number;
  readonly evidence: readonly { readonly start: number; readonly end: number; readonly signalId: string }[];
}

export interface ImportedConversationInput {
  /** Natural key of the conversation within the source. */
  readonly key: string;
  readonly channel: Channel;
  readonly messages: readonly ImportedMessageInput[];
  readonly incident?: ImportedIncidentInput | undefined;
  readonly recommendation?: unknown;
}

export interface StoreImportResult {
  readonly conversationsCreated: number;
  readonly messagesStored: number;
  readonly messagesAlreadyStored: number;
  readonly incidentsCreated: number;
}

function dateOrNull(value: string | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Stores analysed conversations; safe to call again with the same input (nothing is added twice). */
export async function storeImportedConversations(opts: {
  db: Db;
  orgId: string;
  source: string;
  conversations: readonly ImportedConversationInput[];
  now: Date;
  jobId?: string | undefined;
}): Promise<StoreImportResult> {
  const { db, orgId, source, now } = opts;
  let conversationsCreated = 0;
  let messagesStored = 0;
  let messagesAlreadyStored = 0;
  let incidentsCreated = 0;
  // One transaction per call (a batch of a few hundred messages): all of it is stored, or none.
  await db.transaction().execute(async (trx) => {
    for (const conv of opts.conversations) {
      if (conv.messages.length === 0) continue;
      const outcome = await (async () => {
        let created = false;
        let known = await trx
          .selectFrom('imported_conversations')
          .select('conversation_id')
          .where('org_id', '=', orgId)
          .where('source', '=', source)
          .where('external_id', '=', conv.key)
          .executeTakeFirst();
        if (!known) {
          const id = newId();
          const first = dateOrNull(conv.messages[0]?.at) ?? now;
          await trx
            .insertInto('conversations')
            .values({
              id,
              org_id: orgId,
              client_id: null,
              channel: conv.channel,
              subject: null,
              external_ref: `${source}:${conv.key}`.slice(0, 500),
              status: 'closed',
              assigned_user_id: null,
              created_by: null,
              recommendation: conv.recommendation === undefined ? null : JSON.stringify(conv.recommendation),
              created_at: first,
              updated_at: now,
            })
            .execute();
          const won = await trx
            .insertInto('imported_conversations')
            .values({ org_id: orgId, source, external_id: conv.key, conversation_id: id, created_at: now })
            .onConflict((oc) => oc.doNothing())
            .returning('conversation_id')
            .executeTakeFirst();
          if (won) {
            created = true;
            known = won;
          } else {
            // Another worker stored this conversation meanwhile: drop ours, use theirs.
            await trx.deleteFrom('conversations').where('id', '=', id).execute();
            known = await trx
              .selectFrom('imported_conversations')
              .select('conversation_id')
              .where('org_id', '=', orgId)
              .where('source', '=', source)
              .where('external_id', '=', conv.key)
              .executeTakeFirstOrThrow();
          }
        }
        const conversationId = known.conversation_id;
        // Serialises writers of the same conversation (two workers, or a resumed import).
        const locked = await trx
          .selectFrom('conversations')
          .select('message_count')
          .where('id', '=', conversationId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const keys = conv.messages.map((m) => m.key);
        const stored = new Set(
          (
            await trx
              .selectFrom('imported_messages')
              .select('external_id')
              .where('org_id', '=', orgId)
              .where('source', '=', source)
              .where('external_id', 'in', keys)
              .execute()
          ).map((r) => r.external_id),
        );
        const ids: (string | undefined)[] = [];
        const messageRows = [];
        const keyRows = [];
        let seq = locked.message_count;
        for (const m of conv.messages) {
          if (stored.has(m.key)) {
            ids.push(undefined);
            continue;
          }
          stored.add(m.key); // the same key twice in one batch is stored once
          const id = newId();
          const hasAbuse = m.role === 'client' && m.analysis.findings.some((f) => f.id.startsWith('abuse.'));
          messageRows.push({
            id,
            org_id: orgId,
            conversation_id: conversationId,
            seq: ++seq,
            direction: m.role === 'client' ? ('inbound' as const) : ('outbound' as const),
            channel: conv.channel,
            author_name: m.author?.slice(0, 200) ?? null,
            author_user_id: null,
            text: m.text,
            lang: m.analysis.lang,
            analysis: JSON.stringify(m.analysis),
            max_severity: m.analysis.findings.reduce((s, f) => Math.max(s, f.severity), 0),
            has_abuse: hasAbuse,
            sent_at: dateOrNull(m.at),
            created_at: now,
          });
          keyRows.push({
            org_id: orgId,
            source,
            external_id: m.key,
            message_id: id,
            job_id: opts.jobId ?? null,
            created_at: now,
          });
          ids.push(id);
        }
        const added = messageRows.length;
        // Multi-row inserts, in slices that stay far below PostgreSQL's 65,535 parameters.
        for (let i = 0; i < messageRows.length; i += 200) {
          await trx
            .insertInto('messages')
            .values(messageRows.slice(i, i + 200))
            .execute();
          await trx
            .insertInto('imported_messages')
            .values(keyRows.slice(i, i + 200))
            .execute();
        }
        if (added > 0) {
          await trx
            .updateTable('conversations')
            .set({ message_count: sql`message_count + ${added}`, updated_at: now })
            .where('id', '=', conversationId)
            .execute();
        }
        let incident = 0;
        const inc = conv.incident;
        const incidentMessage = inc ? ids[inc.messageIndex] : undefined;
        if (inc && incidentMessage) {
          const incidentId = newId();
          await trx
            .insertInto('incidents')
            .values({
              id: incidentId,
              org_id: orgId,
              conversation_id: conversationId,
              message_id: incidentMessage,
              client_id: null,
              kind: inc.kind,
              severity: Math.min(3, Math.max(1, inc.severity)),
              status: 'closed',
              summary: inc.summary.slice(0, 5000),
              source: 'auto',
              reported_by: null,
              created_at: dateOrNull(conv.messages[inc.messageIndex]?.at) ?? now,
              updated_at: now,
              closed_at: now,
            })
            .execute();
          const text = conv.messages[inc.messageIndex]?.text ?? '';
          const evidence = inc.evidence
            .filter((span) => span.start >= 0 && span.end >= span.start && span.end <= text.length)
            .map((span) => ({
              id: newId(),
              org_id: orgId,
              incident_id: incidentId,
              message_id: incidentMessage,
              signal_id: span.signalId,
              start_offset: span.start,
              end_offset: span.end,
              quote: text.slice(span.start, span.end),
              created_at: now,
            }));
          if (evidence.length > 0) await trx.insertInto('incident_evidence').values(evidence).execute();
          incident = 1;
        }
        return { created, added, already: conv.messages.length - added, incident };
      })();
      if (outcome.created) conversationsCreated++;
      messagesStored += outcome.added;
      messagesAlreadyStored += outcome.already;
      incidentsCreated += outcome.incident;
    }
  });
  return { conversationsCreated, messagesStored, messagesAlreadyStored, incidentsCreated };
}

/** The natural keys among `keys` already stored for this source (to skip them when resuming). */
export async function findImportedMessageKeys(opts: {
  db: Db;
  orgId: string;
  source: string;
  keys: readonly string[];
}): Promise<Set<string>> {
  if (opts.keys.length === 0) return new Set();
  const rows = await opts.db
    .selectFrom('imported_messages')
    .select('external_id')
    .where('org_id', '=', opts.orgId)
    .where('source', '=', opts.source)
    .where('external_id', 'in', [...opts.keys])
    .execute();
  return new Set(rows.map((r) => r.external_id));
}
