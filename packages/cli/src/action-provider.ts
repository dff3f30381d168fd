/**
 * Bridges the protocol engine to the JSONL contract: the recommended action for a conversation
 * line, with the reasons as one line each (spec: `{"id", "action", "signals", …}`).
 */
import { recommend } from '@sangfroid/core';
import type { ActionFor } from './jsonl-contract.ts';

export const actionProvider: ActionFor | undefined = (turns, lang) => {
  const r = recommend({ turns, ...(lang ? { lang } : {}) });
  return { action: r.action, reasons: r.reasons.map((reason) => reason.text) };
};
