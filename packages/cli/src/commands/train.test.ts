import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseReplyLine } from './train.ts';

const BIN = fileURLToPath(new URL('../../bin/sangfroid.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sangfroid-train-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function train(args: readonly string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, 'train', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    ...(input !== undefined ? { input } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ROUDE_EN = file('rude-en.txt', [
  '# a rude client who persists: a calm limit, then end and hand over',
  "I understand how annoying it is to wait this long, and I want to help. But I can't accept insults: let's keep this respectful, please.",
  '',
  "/escalate I asked you to keep this respectful. I'm ending this conversation here.",
]);
const DEFENSIVE_FR = file('defensive-fr.txt', [
  'Ce n’est pas de notre faute, nous avons fait exactement ce qui était demandé.',
  'Calmez-vous, ce n’est pas si grave.',
  'Vous auriez dû lire les conditions avant de vous plaindre.',
]);

test('reply lines: comments and blanks skipped, /escalate is a hand-over', () => {
  assert.equal(parseReplyLine('   '), null);
  assert.equal(parseReplyLine('# note'), null);
  assert.deepEqual(parseReplyLine('/escalate Je passe le relais.'), {
    text: 'Je passe le relais.',
    escalate: true,
  });
  assert.deepEqual(parseReplyLine(' Bonjour '), { text: 'Bonjour' });
});

test('train --replies --json: a scripted session ends with its debrief, reproducibly', () => {
  const args = [
    '--persona',
    'rude',
    '--lang',
    'en',
    '--scenario',
    '1',
    '--seed',
    '42',
    '--replies',
    ROUDE_EN,
    '--json',
  ];
  const a = train(args);
  assert.equal(a.status, 0, a.stderr);
  const out = JSON.parse(a.stdout) as {
    transcript: { role: string; text: string }[];
    debrief: { outcome: { kind: string; reason: string }; overall: number; skills: { skill: string }[] };
  };
  assert.deepEqual(out.debrief.outcome, { kind: 'escalated', reason: 'abuse_persisted' });
  assert.equal(out.transcript.length, 5);
  assert.deepEqual(
    out.debrief.skills.map((k) => k.skill),
    ['listening', 'empathy', 'reformulation', 'facts', 'solutions', 'boundaries', 'honesty'],
  );
  assert.equal(train(args).stdout, a.stdout, 'same seed, same transcript and scores');
});

test('train --replies: a defensive trainee fails, and the debrief says what to do instead', () => {
  const r = train(['--persona', 'furious-quality', '--seed', '9', '--replies', DEFENSIVE_FR]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Client › /);
  assert.match(r.stdout, /Échec/);
  assert.match(r.stdout, /Moments manqués/);
  assert.match(r.stdout, /Réponse proposée :/);
  assert.match(r.stdout, /risk\.dismissive « Calmez-vous »/);
  assert.match(r.stdout, /Note globale : \d+\/100/);
});

test('train reads replies interactively from standard input, and stops at its end', () => {
  const r = train(
    ['--persona', 'anxious-deadline', '--lang', 'en', '--seed', '3'],
    '/hint\nI understand how worrying this is.\n/quit\n',
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Anxious client/);
  assert.match(r.stdout, /→ acknowledge the feeling, thank/);
  assert.match(r.stdout, /Debrief/);
  assert.match(r.stdout, /Overall: \d+\/100/);
});

test('train --list names every persona; an unknown persona is refused', () => {
  const r = train(['--list', '--lang', 'en']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout.trim().split('\n').length, 7);
  const bad = train(['--persona', 'nobody']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /nobody/);
});
