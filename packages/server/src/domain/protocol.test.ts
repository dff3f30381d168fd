import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze, languageScore, normalize, type Role, recommend } from '@sangfroid/core';
import {
  PROTOCOL_WINDOW,
  type ProtocolMemo,
  recommendFor,
  recommendWithMemo,
  type StoredTurn,
  slimRecommendation,
} from './protocol.ts';

const turn = (role: Role, text: string): StoredTurn => ({ role, text, analysis: analyze(text, { role }) });

it('keeps the analyses made beyond the stored ones, and gives the recommendation recommendFor gives', () => {
  // the last turn is detected as English on its own; the protocol reads it as French, the
  // conversation's language, so it analyses it again: that analysis is the memo
  const turns = [
    turn('client', 'Bonjour, ma commande 1234 n’est jamais arrivée, je suis très déçu.'),
    turn('agent', 'Je suis désolée, je regarde tout de suite.'),
    turn('client', 'Thanks, ok'),
  ];
  assert.equal(turns[2]?.analysis?.lang, 'en');
  const first = recommendWithMemo(turns);
  assert.deepEqual([...first.memo.analyses.keys()], ['client\u0000fr\u0000Thanks, ok']);
  assert.equal(first.memo.analyses.get('client\u0000fr\u0000Thanks, ok')?.lang, 'fr');
  assert.deepEqual(first.recommendation, recommendFor(turns));
  const again = recommendWithMemo(turns, undefined, first.memo);
  assert.deepEqual(again.recommendation, first.recommendation);
  assert.deepEqual([...again.memo.analyses.keys()], [...first.memo.analyses.keys()]);
});

it('reads a turn from the memo instead of analysing it again, and drops what it no longer needs', () => {
  const turns = [
    turn('client', 'Bonjour, ma commande 1234 n’est jamais arrivée, je suis très déçu.'),
    turn('agent', 'Je suis désolée, je regarde tout de suite.'),
    turn('client', 'Thanks, ok'),
  ];
  // a memo entry is used as is: give the turn an abusive reading to see it in the recommendation
  const abusive = analyze('Bande d’incapables !', { role: 'client', lang: 'fr' });
  assert.ok(abusive.findings.some((f) => f.id.startsWith('abuse.')));
  const memo = new Map([
    ['client\u0000fr\u0000Thanks, ok', abusive],
    ['client\u0000fr\u0000a turn gone from the window', abusive],
  ]);
  const fresh = recommendWithMemo(turns);
  const withMemo = recommendWithMemo(turns, undefined, { analyses: memo });
  assert.notDeepEqual(withMemo.recommendation, fresh.recommendation);
  assert.equal(withMemo.recommendation?.action, 'set_boundary');
  assert.deepEqual([...withMemo.memo.analyses.keys()], ['client\u0000fr\u0000Thanks, ok']);
});

/** Client and agent texts of both languages, written for these tests. */
const CLIENT = [
  'Bonjour, ma commande 1234 n’est toujours pas arrivée.',
  'Ça fait trois semaines que j’attends, c’est inadmissible !',
  'Hello, my parcel never arrived and nobody answers.',
  'Je veux être remboursé, sinon je vais voir un avocat.',
  'OK',
  'Thanks, ok',
  'Vous êtes des incapables.',
  'D’accord, ça me va. Merci.',
  'Can you at least tell me when?',
  'Et la facture, vous la renvoyez quand ?',
];
const AGENT = [
  'Je suis désolée, je regarde tout de suite.',
  'Si je comprends bien, le colis n’est pas arrivé depuis trois semaines ?',
  'I understand, let me check the tracking for you.',
  'Je vous propose un renvoi gratuit ou un remboursement, que préférez-vous ?',
  'Je vous demande de rester courtois, sinon je devrai mettre fin à l’échange.',
  'Je vous rappelle demain avant midi avec la date.',
];

it('gives, message after message, the recommendation buildState gives on the window (the fold is extended, then slides)', () => {
  // a deterministic walk: runs of client bubbles, language switches, past the window's size
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 48271) % 2147483647;
    return seed % n;
  };
  let history: StoredTurn[] = [];
  let memo: ProtocolMemo | undefined;
  let extended = 0;
  let slid = 0;
  for (let step = 0; step < PROTOCOL_WINDOW + 15; step++) {
    const role = next(3) === 0 ? 'agent' : 'client';
    const text =
      (role === 'client' ? CLIENT : AGENT)[next(role === 'client' ? CLIENT.length : AGENT.length)] ?? '';
    history = [...history, { role, text, analysis: analyze(text, { role }) }];
    const turns = history.slice(-PROTOCOL_WINDOW);
    const previousFold = memo?.fold;
    const out = recommendWithMemo(turns, undefined, memo);
    assert.deepEqual(out.recommendation, recommendFor(turns), `step ${step}`);
    // the core's own reading of the window (language from the joined text, every turn analysed)
    assert.deepEqual(
      out.recommendation,
      slimRecommendation(recommend({ turns: turns.map((t) => ({ role: t.role, text: t.text })) })),
      `step ${step}`,
    );
    // the normalisations kept are the window's, those of turns already there not made again
    assert.deepEqual(
      [...(out.memo.normalized?.keys() ?? [])].sort(),
      [...new Set(turns.map((t) => t.text))].sort(),
    );
    for (const [text, normalized] of memo?.normalized ?? [])
      if (out.memo.normalized?.has(text)) assert.equal(out.memo.normalized.get(text), normalized);
    // so are the language evidence of the window's texts, which the conversation's language sums
    assert.deepEqual(
      [...(out.memo.scores?.keys() ?? [])].sort(),
      [...new Set(turns.map((t) => t.text))].sort(),
    );
    for (const [text, score] of out.memo.scores ?? [])
      assert.equal(score, languageScore(normalize(text).text), `score of ${JSON.stringify(text)}`);
    // extended: the turn before is the previous fold's last, as it was (in the window) or renumbered
    // with its reading kept (once the window slides)
    const before = out.memo.fold?.last?.previous?.view;
    const previousLast = previousFold?.last?.view;
    if (before && previousLast && before === previousLast) extended++;
    else if (before && previousLast && before.analysis === previousLast.analysis) slid++;
    assert.equal(out.memo.fold?.length, turns.length);
    memo = out.memo;
  }
  assert.ok(extended >= 10, `the fold was extended ${extended} times`);
  assert.ok(slid >= 5, `the fold slid ${slid} times`);
});
