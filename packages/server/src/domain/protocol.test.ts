import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze, type Role } from '@sangfroid/core';
import { recommendFor, recommendWithMemo, type StoredTurn } from './protocol.ts';

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
  assert.deepEqual([...first.analyses.keys()], ['client\u0000fr\u0000Thanks, ok']);
  assert.equal(first.analyses.get('client\u0000fr\u0000Thanks, ok')?.lang, 'fr');
  assert.deepEqual(first.recommendation, recommendFor(turns));
  const again = recommendWithMemo(turns, undefined, first.analyses);
  assert.deepEqual(again.recommendation, first.recommendation);
  assert.deepEqual([...again.analyses.keys()], [...first.analyses.keys()]);
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
  const withMemo = recommendWithMemo(turns, undefined, memo);
  assert.notDeepEqual(withMemo.recommendation, fresh.recommendation);
  assert.equal(withMemo.recommendation?.action, 'set_boundary');
  assert.deepEqual([...withMemo.analyses.keys()], ['client\u0000fr\u0000Thanks, ok']);
});
