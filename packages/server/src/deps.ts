/** What createApp needs from the outside world, injected (never imported as globals). */

import type { Analysis, AnalyzeOptions } from '@sangfroid/core';
import type { EventBus } from './alerts/event-bus.ts';
import type { ActorCache } from './auth/actor-cache.ts';
import type { RateLimiter } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import type { Db } from './db/schema.ts';
import type { HistoryCache } from './domain/history-cache.ts';
import type { IngestEngine } from './domain/ingest-engine.ts';
import type { MessageWriteGroup } from './domain/message-writes.ts';
import type { Integration } from './integrations/types.ts';
import type { Logger } from './logger.ts';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  readonly db: Db;
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Real-time events (SSE); one is created when absent. */
  readonly events?: EventBus;
  /** One-time setup token, printed by main.ts while no user exists; setup is closed without it. */
  readonly setupToken?: string | undefined;
  /** The message analyser (default: `analyze` from @sangfroid/core). */
  readonly analyzer?: (text: string, options: AnalyzeOptions) => Analysis;
  /** Inbound/outbound integrations (webhooks, notifications); see src/integrations/. */
  readonly integrations?: readonly Integration[];
  /**
   * Group commit of calm messages (domain/message-writes.ts; default true). main.ts turns it off
   * on PostgreSQL, where a statement sent at once overlaps with other requests' work: grouped,
   * ingest measured the same total CPU (server + backends) with a higher median latency.
   */
  readonly groupCommit?: boolean;
}

/** Deps once createApp has filled the defaults. */
export interface Deps extends AppDeps {
  readonly events: EventBus;
  readonly loginLimiter: RateLimiter;
  readonly actorCache: ActorCache;
  readonly history: HistoryCache;
  readonly messageWrites: MessageWriteGroup | undefined;
  readonly engine: IngestEngine;
  readonly analyzer: (text: string, options: AnalyzeOptions) => Analysis;
}
