import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as protocol from './index.ts';

test('protocol entry: the public API is pinned', () => {
  assert.deepEqual(Object.keys(protocol).sort(), [
    'AVOID',
    'CUE_KINDS',
    'EXPECTED',
    'MOVE_KEYS',
    'PHASES',
    'PROTOCOL_RULES',
    'buildState',
    'checkDraft',
    'checkDraftFromState',
    'clientPoints',
    'detectCues',
    'draftReply',
    'dropOldest',
    'foldTurn',
    'foldTurns',
    'hashString',
    'judgeDraft',
    'languageOf',
    'nextAction',
    'recommend',
    'recommendFromState',
    'redactRecommendation',
    'renderPhrase',
    'startFold',
    'stateOfFold',
    'toAgentSide',
    'unshout',
  ]);
});

test('protocol entry: reachable from the core package entry', async () => {
  const core = await import('../index.ts');
  for (const name of ['recommend', 'draftReply', 'checkDraft', 'buildState'])
    assert.equal(typeof (core as Record<string, unknown>)[name], 'function', name);
});
