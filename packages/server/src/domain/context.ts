/** What every domain function receives besides its input: the storage, the caller, the time. */

import type { Analysis, AnalyzeOptions } from '@sangfroid/core';
import type { EventBus } from '../alerts/event-bus.ts';
import type { Actor } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import type { HistoryCache } from './history-cache.ts';
import type { IngestEngine } from './ingest-engine.ts';
import type { MessageWriteGroup } from './message-writes.ts';

export interface DomainContext {
  readonly db: Db;
  readonly actor: Actor;
  readonly now: Date;
  readonly config: Config;
  readonly events: EventBus;
  readonly analyzer: (text: string, options: AnalyzeOptions) => Analysis;
  /** Recent turns of busy conversations (optional: without it, history is read from the database). */
  readonly history?: HistoryCache;
  /** Analysis and recommendation of an ingested message (optional: one in this thread with `analyzer`). */
  readonly engine?: IngestEngine;
  /** Group commit of calm messages (optional: without it, each is written by its own statement). */
  readonly messageWrites?: MessageWriteGroup;
}
