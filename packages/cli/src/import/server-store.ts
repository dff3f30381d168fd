/**
 * `--into-server` and `sangfroid worker`: the bridge from the import pipeline to the team's
 * database. Natural keys come from the export — the source (format, or `--source`), the
 * conversation's id and each message's id, or a content hash when the export has none — so that
 * the server's storage (storeImportedConversations) adds nothing twice.
 *
 * Two ways in:
 * - in-process (embedded database, or `--no-queue`): analysed batches are stored as they come;
 *   conversations already stored whole are not even analysed again, so a stopped import resumes;
 * - with DATABASE_URL: the export is split into jobs on the pg-boss queue and any number of
 *   `sangfroid worker` processes analyse and store them; pg-boss gives each job to one worker and
 *   retries failures, the natural keys make a retried job harmless.
 */
import { createHash } from 'node:crypto';
import type { Analysis, Channel } from '@sangfroid/core';
import {
  type Database,
  findImportedMessageKeys,
  type ImportedConversationInput,
  type JobQueue,
  QUEUES,
  storeImportedConversations,
} from '@sangfroid/server';
import type { ConversationResult, WireConversation } from './analyse.ts';
import { type Engine, resolveEngine } from './engine.ts';
import type { ImportFormat } from './types.ts';
import { analyseBatch } from './worker-thread.ts';

const CHANNELS: Record<ImportFormat, Channel> = {
  zendesk: 'email',
  chatwoot: 'chat',
  csv: 'email',
  jsonl: 'chat',
};

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 40);

/** The conversation's natural key: its id in the export, or a hash of its first message. */
export function conversationKey(c: Pick<WireConversation, 'key' | 'messages'>): string {
  if (!/^line-\d+$/.test(c.key)) return c.key;
  const first = c.messages[0];
  return `hash:${sha(`${first?.role}\u0000${first?.at ?? ''}\u0000${first?.text ?? ''}`)}`;
}

/** A message's natural key: its id in the export, or a hash of what it says, when and by whom. */
export function messageKey(
  conversation: string,
  m: { externalId?: string; role: string; at?: string; text: string },
): string {
  if (m.externalId) return `${conversation}/${m.externalId}`;
  return `${conversation}/hash:${sha(`${m.role}\u0000${m.at ?? ''}\u0000${m.text}`)}`;
}

/** A worker's result (with its details) in the shape the server stores. */
export function toStored(result: ConversationResult, format: ImportFormat): ImportedConversationInput {
  const details = result.details ?? [];
  const key = conversationKey({
    key: result.key,
    messages: details.map((d) => ({
      role: d.role,
      text: d.text,
      line: d.line,
      ...(d.at ? { at: d.at } : {}),
    })),
  });
  const inc = result.incident;
  const carrier = inc ? details[inc.index] : undefined;
  return {
    key,
    channel: CHANNELS[format],
    messages: details.map((d) => ({
      key: messageKey(key, {
        role: d.role,
        text: d.text,
        ...(d.externalId ? { externalId: d.externalId } : {}),
        ...(d.at ? { at: d.at } : {}),
      }),
      role: d.role,
      text: d.text,
      analysis: d.analysis as Analysis,
      ...(d.at ? { at: d.at } : {}),
      ...(d.author ? { author: d.author } : {}),
    })),
    ...(inc && carrier
      ? {
          incident: {
            kind: inc.signal,
            severity: inc.severity,
            summary: `[import] ${inc.signal}: « ${inc.evidence.slice(0, 120)} »`,
            messageIndex: inc.index,
            evidence: carrier.analysis.findings
              .filter(
                (f) => f.id.startsWith('abuse.') || f.id === 'pressure.legal' || f.id === 'risk.aggression',
              )
              .map((f) => ({ start: f.start, end: f.end, signalId: f.id })),
          },
        }
      : {}),
    ...(result.action ? { recommendation: { action: result.action, source: 'import' } } : {}),
  };
}

export interface StoreTarget {
  readonly database: Database;
  readonly orgId: string;
  readonly source: string;
  readonly format: ImportFormat;
  readonly now?: () => Date;
}

/** Stores analysed results (in-process mode); returns how many messages were new. */
export async function storeResults(
  target: StoreTarget,
  results: readonly ConversationResult[],
  jobId?: string,
) {
  return storeImportedConversations({
    db: target.database.db,
    orgId: target.orgId,
    source: target.source,
    conversations: results.map((r) => toStored(r, target.format)),
    now: (target.now ?? (() => new Date()))(),
    jobId,
  });
}

/** Leaves out conversations whose every message is already stored (resuming a stopped import). */
export async function withoutStored(
  target: StoreTarget,
  batch: readonly WireConversation[],
): Promise<WireConversation[]> {
  const keys = new Map<WireConversation, string[]>();
  for (const c of batch) {
    const key = conversationKey(c);
    keys.set(
      c,
      c.messages.map((m) => messageKey(key, m)),
    );
  }
  const stored = await findImportedMessageKeys({
    db: target.database.db,
    orgId: target.orgId,
    source: target.source,
    keys: [...keys.values()].flat(),
  });
  return batch.filter((c) => !(keys.get(c) ?? []).every((k) => stored.has(k)));
}

/** The data of one import job on the queue. */
export interface ImportJob {
  readonly orgId: string;
  readonly source: string;
  readonly format: ImportFormat;
  readonly conversations: readonly WireConversation[];
}

export async function enqueueBatch(queue: JobQueue, job: ImportJob): Promise<void> {
  await queue.send(QUEUES.importBatch, job);
}

export interface ImportWorkerStats {
  jobs: number;
  messages: number;
  stored: number;
}

/**
 * Processes import jobs from the queue: analyse (in this thread: run one worker process per core),
 * then store. A job that throws is failed and retried by pg-boss.
 */
export async function startImportWorker(options: {
  database: Database;
  queue: JobQueue;
  engine?: Engine;
  slots?: number;
  pollingIntervalSeconds?: number;
  now?: () => Date;
  onJob?: (stats: ImportWorkerStats) => void;
}): Promise<ImportWorkerStats> {
  const engine = options.engine ?? resolveEngine();
  const stats: ImportWorkerStats = { jobs: 0, messages: 0, stored: 0 };
  await options.queue.work<ImportJob>(
    QUEUES.importBatch,
    async (job, info) => {
      const response = analyseBatch({ id: 0, conversations: job.conversations }, engine, true);
      const stored = await storeResults(
        {
          database: options.database,
          orgId: job.orgId,
          source: job.source,
          format: job.format,
          ...(options.now ? { now: options.now } : {}),
        },
        response.results,
        info.id,
      );
      stats.jobs++;
      stats.messages += response.results.reduce((n, r) => n + r.messages, 0);
      stats.stored += stored.messagesStored;
      options.onJob?.(stats);
    },
    {
      ...(options.slots ? { slots: options.slots } : {}),
      ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    },
  );
  return stats;
}
