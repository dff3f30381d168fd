import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_IDS } from '@sangfroid/core';
import { analyzeDraft, nextAction } from './engine.ts';

test('no recommendation before the client has said anything', () => {
  assert.equal(nextAction([], '   '), null);
});

test('the recommendation is one of the spec actions, with its reason and what to avoid', () => {
  const next = nextAction([], 'Bonjour, ma commande n° 4521 n’est pas arrivée, pouvez-vous vérifier ?');
  assert.ok(next);
  assert.ok((ACTION_IDS as readonly string[]).includes(next.action), next.action);
  assert.equal(typeof next.why, 'string');
  assert.ok(Array.isArray(next.avoid));
});

test('the draft is analysed as an agent reply in the language given', () => {
  const a = analyzeDraft('Merci pour votre message.', 'fr');
  assert.equal(a.role, 'agent');
  assert.equal(a.lang, 'fr');
});
