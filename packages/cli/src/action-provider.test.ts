import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionProvider } from './action-provider.ts';
import { processLine } from './jsonl-contract.ts';

test('analyze --jsonl: a conversation line comes back with the protocol’s action and reasons', () => {
  const line = JSON.stringify({
    id: 'c1',
    turns: [
      { role: 'client', text: 'Espèce de nul, rendez-moi mon argent.' },
      {
        role: 'agent',
        text: 'Je ne peux pas accepter ces propos. Je regarde votre commande si nous restons courtois.',
      },
      { role: 'client', text: 'Ferme-la, espèce de crétin.' },
    ],
  });
  const out = processLine(line, actionProvider) as {
    id: string;
    action?: string;
    reasons?: string[];
    signals: { id: string }[];
  };
  assert.equal(out.id, 'c1');
  assert.equal(out.action, 'end_and_escalate');
  assert.ok(out.reasons && out.reasons.length > 0);
  assert.ok(out.signals.some((s) => s.id === 'abuse.insult'));
});

test('analyze --jsonl: a message line has no action', () => {
  const out = processLine(
    JSON.stringify({ id: 'm1', role: 'client', text: 'Bonjour, où en est ma commande ?' }),
    actionProvider,
  );
  assert.ok(!('action' in out));
});
