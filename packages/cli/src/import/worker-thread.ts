/**
 * A worker thread of `sangfroid import`: receives batches of conversations, analyses them with
 * the engines, posts the compact results back. Started by pool.ts through tsx, so it runs the
 * TypeScript sources like the rest of the CLI. A conversation that makes an engine throw is
 * reported as such and the batch goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyseConversation, type ConversationResult, type WireConversation } from './analyse.ts';
import { resolveEngine } from './engine.ts';

export interface BatchRequest {
  readonly id: number;
  readonly conversations: readonly WireConversation[];
}

export interface EngineFailure {
  readonly key: string;
  readonly line: number;
  readonly message: string;
}

export interface BatchResponse {
  readonly id: number;
  readonly results: readonly ConversationResult[];
  readonly failures: readonly EngineFailure[];
  readonly protocol: { readonly recommend: boolean; readonly checkDraft: boolean };
}

export function analyseBatch(
  request: BatchRequest,
  engine: ReturnType<typeof resolveEngine>,
  keepDetails: boolean,
): BatchResponse {
  const results: ConversationResult[] = [];
  const failures: EngineFailure[] = [];
  for (const conversation of request.conversations) {
    try {
      results.push(analyseConversation(conversation, engine, { keepDetails }));
    } catch (error) {
      failures.push({
        key: conversation.key,
        line: conversation.messages[0]?.line ?? 0,
        message: `the engine failed on this conversation: ${(error as Error).message}`,
      });
    }
  }
  return {
    id: request.id,
    results,
    failures,
    protocol: { recommend: engine.hasRecommend, checkDraft: engine.hasCheckDraft },
  };
}

if (parentPort) {
  const port = parentPort;
  const engine = resolveEngine();
  const keepDetails = Boolean((workerData as { keepDetails?: boolean } | null)?.keepDetails);
  port.on('message', (request: BatchRequest) => {
    port.postMessage(analyseBatch(request, engine, keepDetails));
  });
}
