/**
 * Bridges the protocol engine to the JSONL contract: the recommended action for a conversation
 * line (undefined until the protocol engine of issue #3 lands).
 */
import type { ActionFor } from './jsonl-contract.ts';

export const actionProvider: ActionFor | undefined = undefined;
