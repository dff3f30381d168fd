import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding, SignalId } from '@sangfroid/core';
import fc from 'fast-check';
import { dominantFinding, familyOf, segmentText } from './segments.ts';

function finding(id: SignalId, start: number, end: number, severity: 1 | 2 | 3 = 2): Finding {
  return { id, start, end, severity, evidence: '', message: id };
}

test('plain text without findings is one unhighlighted segment', () => {
  const segs = segmentText('Bonjour', []);
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.findings.length]),
    [[0, 7, 0]],
  );
});

test('overlapping findings are cut at every boundary and each piece lists its covering findings', () => {
  const text = 'vous êtes des incapables notoires';
  const a = finding('abuse.insult', 14, 24);
  const b = finding('claim.generalization', 10, 33);
  const segs = segmentText(text, [a, b]);
  assert.deepEqual(
    segs.map((s) => [s.text, s.findings.map((f) => f.id)]),
    [
      ['vous êtes ', []],
      ['des ', ['claim.generalization']],
      ['incapables', ['abuse.insult', 'claim.generalization']],
      [' notoires', ['claim.generalization']],
    ],
  );
});

test('empty, reversed and out-of-range findings are ignored or clamped, never thrown on', () => {
  const segs = segmentText('abc', [
    finding('abuse.insult', 2, 2),
    finding('tone.shouting', 5, 1),
    finding('tone.shouting', 1, 99),
  ]);
  assert.deepEqual(
    segs.map((s) => [s.text, s.findings.length]),
    [
      ['a', 0],
      ['bc', 1],
    ],
  );
});

test('a span ending inside a surrogate pair does not split the emoji', () => {
  const text = 'ok 😡 !';
  const segs = segmentText(text, [finding('emotion.anger', 0, 4)]);
  assert.ok(segs.every((s) => !/[\ud800-\udbff]$/.test(s.text)));
  assert.equal(segs.map((s) => s.text).join(''), text);
});

test('segments always cover the text exactly, in order, without overlap (property)', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 40 }),
      fc.array(fc.tuple(fc.integer({ min: -3, max: 45 }), fc.integer({ min: -3, max: 45 })), {
        maxLength: 6,
      }),
      (text, pairs) => {
        const findings = pairs.map(([s, e]) => finding('abuse.insult', s, e));
        const segs = segmentText(text, findings);
        assert.equal(segs.map((s) => s.text).join(''), text);
        let at = 0;
        for (const s of segs) {
          assert.equal(s.start, at);
          assert.ok(s.end > s.start);
          assert.equal(text.slice(s.start, s.end), s.text);
          at = s.end;
        }
        assert.equal(at, text.length);
      },
    ),
  );
});

test('the dominant finding is the most severe, then the most important family', () => {
  const shout = finding('tone.shouting', 0, 3, 2);
  const insult = finding('abuse.insult', 0, 3, 2);
  const threat = finding('abuse.threat', 0, 3, 3);
  assert.equal(dominantFinding([shout, insult])?.id, 'abuse.insult');
  assert.equal(dominantFinding([insult, threat, shout])?.id, 'abuse.threat');
  assert.equal(dominantFinding([]), undefined);
  assert.equal(familyOf('risk.blame'), 'risk');
});
