// The TypeScript scorer must report the same figures as the reference score.py on the same
// predictions. Runs python3 when the machine has it (this machine kind does).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { score } from './eval.ts';

const gold = [
  { id: 'a', expect: { signals: ['abuse.insult', 'emotion.anger'] } },
  { id: 'b', expect: { signals: [] } },
  { id: 'c', expect: { signals: ['request.refund'], action: 'listen' } },
  { id: 'd', expect: { signals: [], action: 'set_boundary' } },
  { id: 'e', expect: { signals: ['tone.shouting'] } },
];
const preds = [
  { id: 'a', signals: [{ id: 'abuse.insult' }, { id: 'abuse.profanity' }] },
  { id: 'b', signals: [] },
  { id: 'c', signals: ['request.refund'], action: 'listen' },
  { id: 'd', signals: [{ id: 'emotion.anger' }], action: 'clarify' },
  { id: 'zzz', error: 'bad line' },
];

it('reports the same summary as score.py on the same predictions', (t) => {
  const py = spawnSync('python3', ['--version']);
  if (py.status !== 0) return t.skip('python3 is not available');
  const dir = mkdtempSync(join(tmpdir(), 'sangfroid-eval-'));
  const toJsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');
  writeFileSync(join(dir, 'gold.jsonl'), toJsonl(gold));
  writeFileSync(join(dir, 'pred.jsonl'), toJsonl(preds));
  const scorer = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'dev', 'score.py');
  const run = spawnSync('python3', [scorer, join(dir, 'gold.jsonl'), join(dir, 'pred.jsonl')], {
    encoding: 'utf8',
  });
  if (run.status !== 0) return t.skip(`score.py could not run: ${run.stderr}`);
  const reference = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
  const ours = score(gold, new Map(preds.map((p) => [p.id, p as Record<string, unknown>])));
  assert.deepEqual(ours.summary, reference);
  assert.equal(ours.summary.missing, 1);
  assert.equal(ours.summary.action_acc, 0.5);
});
