import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseConversation } from './assist.ts';

const BIN = fileURLToPath(new URL('../../bin/sangfroid.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sangfroid-assist-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function assist(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, 'assist', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ABUSIVE = {
  turns: [
    { role: 'client', text: 'Ma commande devait arriver lundi.' },
    { role: 'agent', text: 'Je suis désolée pour ce retard, je regarde.' },
    { role: 'client', text: "Vous êtes vraiment une bande d'incapables !" },
  ],
};
const CONFIRMED = {
  turns: [
    { role: 'client', text: 'The kettle I received leaks from the bottom.' },
    { role: 'agent', text: 'Sorry about that. Just to confirm, it leaks as soon as you fill it?' },
    { role: 'client', text: "Yes, that's right." },
  ],
};

test('assist: prints the state, the action with reasons, what to avoid and a draft', () => {
  const file = join(dir, 'abusive.json');
  writeFileSync(file, JSON.stringify(ABUSIVE));
  const r = assist([file, '--channel', 'email', '--agent', 'Camille', '--client', 'M. Leroy']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /État de l’échange/);
  assert.match(r.stdout, /Action recommandée\s+set_boundary/);
  assert.match(r.stdout, /abuse\.insult/);
  assert.match(r.stdout, /À éviter maintenant/);
  assert.match(r.stdout, /Bonjour M\. Leroy,/);
  assert.match(r.stdout, /Camille/);
});

test('assist --json from stdin, with offers', () => {
  const r = assist(
    ['--json', '--offer', 'a replacement kettle', '--offer', 'a full refund'],
    JSON.stringify(CONFIRMED),
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.action, 'propose_solution');
  assert.equal(out.lang, 'en');
  assert.match(out.draft.text, /a replacement kettle/);
  assert.match(out.draft.text, /a full refund/);
  assert.ok(Array.isArray(out.reasons) && out.reasons[0].rule === 'problem-confirmed');
  assert.equal(out.state.turns.length, 3);
});

test('assist reads JSON Lines, one turn per line', () => {
  const file = join(dir, 'turns.jsonl');
  writeFileSync(file, `${ABUSIVE.turns.map((t) => JSON.stringify(t)).join('\n')}\n`);
  const r = assist([file, '--json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).action, 'set_boundary');
});

test('assist --check scores a draft and gives a rewrite for each risk', () => {
  const file = join(dir, 'abusive2.json');
  writeFileSync(file, JSON.stringify(ABUSIVE));
  const draft = 'Calmez-vous, vous auriez dû commander plus tôt.';
  const r = assist([file, '--check', draft, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.action, 'set_boundary');
  assert.ok(out.qualities.missing.includes('reply.boundary'));
  const ids = out.risks.map((x: { id: string }) => x.id);
  assert.ok(ids.includes('risk.dismissive') && ids.includes('risk.blame'), ids.join());
  for (const risk of out.risks) {
    assert.equal(draft.slice(risk.start, risk.end), risk.evidence);
    assert.ok(risk.suggestion.length > 10);
  }
  assert.ok(out.score < 60);
  const human = assist([file, '--check', draft]);
  assert.match(human.stdout, /score \d+\/100/);
  assert.match(human.stdout, /→ /);
});

test('assist: a broken input is reported, with a non-zero status', () => {
  const r = assist([], 'not json at all');
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /line 1 is not valid JSON/);
});

test('parseConversation: object, list of turns, spec conversation line', () => {
  assert.equal(parseConversation(JSON.stringify(ABUSIVE)).turns.length, 3);
  assert.equal(parseConversation(JSON.stringify(ABUSIVE.turns)).turns.length, 3);
  const line = parseConversation(`${JSON.stringify({ id: 'c1', lang: 'en', ...CONFIRMED })}\n`);
  assert.equal(line.lang, 'en');
  assert.throws(() => parseConversation('{"turns":[{"role":"boss","text":"x"}]}'), /role/);
});
