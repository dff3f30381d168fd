import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTION_IDS } from '@sangfroid/core';
import { analyzeDraft, draftChannel, draftFor, nextAction } from './engine.ts';

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

test('one click sets a boundary: the drafted reply for that move states the limit', () => {
  const client = "Bande d'incapables, vous êtes des escrocs !";
  const draft = draftFor([], client, 'email', 'set_boundary');
  assert.ok(draft);
  assert.ok(
    analyzeDraft(draft, 'fr').findings.some((f) => f.id === 'reply.boundary'),
    draft,
  );
  assert.equal(draftFor([], '  ', 'email'), null);
});

test('conversation channels map to the three drafting channels', () => {
  assert.deepEqual(['email', 'chat', 'sms', 'social', 'phone', 'in_person', undefined].map(draftChannel), [
    'email',
    'chat',
    'chat',
    'chat',
    'phone',
    'phone',
    'email',
  ]);
});
