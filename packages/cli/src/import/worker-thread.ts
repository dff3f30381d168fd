/**
 * A worker thread of `sangfroid import`: receives batches of conversations, analyses them with
 * the engines and answers each batch with little — the count, the conversations an engine failed
 * on and, only when the reader stores every result (server mode), the results themselves.
 * Otherwise the worker folds its results into its own summary and hands it over once, when
 * asked to finish: a million messages cross between threads as batches in, one summary out.
 * Started by pool.ts through tsx, so it runs the TypeScript sources like the rest of the CLI. A
 * conversation that makes an engine throw is reported as such and the batch goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Analysis, ROLES } from '@sangfroid/core';
import { analyseConversation, type ConversationResult, type WireConversation } from './analyse.ts';
import { type Engine, resolveEngine } from './engine.ts';
import { SummaryBuilder, type SummarySnapshot } from './summary.ts';
import { threadCpuSeconds } from './thread-cpu.ts';

export interface BatchRequest {
  readonly type: 'batch';
  readonly id: number;
  readonly conversations: readonly WireConversation[];
}

/** Asks a worker, once its batches are done, for its last word (a SummaryResponse). */
export interface FinishRequest {
  readonly type: 'finish';
}

export type WorkerRequest = BatchRequest | FinishRequest;

export interface EngineFailure {
  readonly key: string;
  readonly line: number;
  readonly message: string;
}

export interface BatchResponse {
  readonly type: 'batch';
  readonly id: number;
  /** Messages analysed in this batch. */
  readonly messages: number;
  /** The results, when the reader wants them (else folded into the worker's summary). */
  readonly results: readonly ConversationResult[];
  readonly failures: readonly EngineFailure[];
  readonly protocol: { readonly recommend: boolean; readonly checkDraft: boolean };
}

/** A worker's last word: its summary (when it keeps one) and the CPU time its thread used. */
export interface SummaryResponse {
  readonly type: 'summary';
  readonly snapshot?: SummarySnapshot;
  readonly cpuSeconds?: number;
}

export type WorkerResponse = BatchResponse | SummaryResponse;

/** Options a worker is started with. */
export interface WorkerOptions {
  /** Keep every message's analysis in the results (server storage). */
  readonly keepDetails: boolean;
  /** Fold results into the worker's own summary instead of sending them back. */
  readonly summarise: boolean;
}

function engineFailure(conversation: WireConversation, error: unknown): EngineFailure {
  return {
    key: conversation.key,
    line: conversation.messages[0]?.line ?? 0,
    message: `the engine failed on this conversation: ${(error as Error).message}`,
  };
}

export function analyseBatch(
  request: Pick<BatchRequest, 'id' | 'conversations'>,
  engine: Engine,
  keepDetails: boolean,
  into?: SummaryBuilder,
): BatchResponse {
  const results: ConversationResult[] = [];
  // one failure at most per conversation, reported in the batch's order
  const failed: (EngineFailure | undefined)[] = [];
  let messages = 0;
  const conversations = request.conversations;
  // Every message of the batch is analysed first, the clients' then the agents' (each role has
  // its own rules), then the protocol and the tallies run: each engine keeps its code and tables
  // in the caches for a whole batch instead of taking turns message by message (measured: the
  // pipeline a quarter cheaper in CPU for the same work, and the split by role ~6 % more). Plain
  // loops: arrows made per batch would be compiled again after every collection.
  const analysed: (Analysis[] | undefined)[] = new Array(conversations.length);
  for (let i = 0; i < conversations.length; i++) analysed[i] = [];
  for (const role of ROLES) {
    for (let i = 0; i < conversations.length; i++) {
      const analyses = analysed[i];
      if (!analyses) continue;
      const conversation = conversations[i] as WireConversation;
      try {
        const list = conversation.messages;
        for (let k = 0; k < list.length; k++) {
          const m = list[k] as WireConversation['messages'][number];
          if (m.role === role) analyses[k] = engine.analyze(m.text, m.role, m.lang);
        }
      } catch (error) {
        failed[i] = engineFailure(conversation, error);
        analysed[i] = undefined;
      }
    }
  }
  for (let i = 0; i < conversations.length; i++) {
    const analyses = analysed[i];
    if (!analyses) continue;
    const conversation = conversations[i] as WireConversation;
    try {
      const result = analyseConversation(conversation, engine, { keepDetails, analyses });
      messages += result.messages;
      if (into) into.add(result);
      else results.push(result);
    } catch (error) {
      failed[i] = engineFailure(conversation, error);
    }
  }
  const failures = failed.filter((f): f is EngineFailure => f !== undefined);
  return {
    type: 'batch',
    id: request.id,
    messages,
    results,
    failures,
    protocol: { recommend: engine.hasRecommend, checkDraft: engine.hasCheckDraft },
  };
}

if (parentPort) {
  const port = parentPort;
  const engine = resolveEngine();
  const options = (workerData ?? {}) as Partial<WorkerOptions>;
  const summary = options.summarise ? new SummaryBuilder() : undefined;
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'finish') {
      const cpuSeconds = threadCpuSeconds();
      const response: SummaryResponse = {
        type: 'summary',
        ...(summary ? { snapshot: summary.snapshot() } : {}),
        ...(cpuSeconds !== undefined ? { cpuSeconds } : {}),
      };
      port.postMessage(response);
      return;
    }
    port.postMessage(analyseBatch(request, engine, Boolean(options.keepDetails), summary));
  });
}
