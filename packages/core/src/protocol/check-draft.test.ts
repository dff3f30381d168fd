import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActionId, AgentRiskId, Conversation } from '../types.ts';
import { checkDraft, EXPECTED, unshout } from './check-draft.ts';
import { CASES } from './fixtures/conversations.ts';

function conversationFor(action: ActionId, lang: 'fr' | 'en'): Conversation {
  const k = CASES.find((x) => x.action === action && x.lang === lang);
  assert.ok(k, `${action} ${lang}`);
  return { turns: k.turns, lang };
}

interface RiskCase {
  readonly name: string;
  readonly lang: 'fr' | 'en';
  readonly draft: string;
  readonly risk: AgentRiskId;
  readonly evidence: RegExp;
  readonly rewrite: RegExp;
}

const RISKS: readonly RiskCase[] = [
  {
    name: 'calm down',
    lang: 'fr',
    draft: 'Calmez-vous, je regarde votre dossier.',
    risk: 'risk.dismissive',
    evidence: /Calmez-vous/,
    rewrite: /Je comprends/,
  },
  {
    name: 'not so serious',
    lang: 'fr',
    draft: "Ce n'est pas si grave, le colis arrivera.",
    risk: 'risk.dismissive',
    evidence: /pas si grave/,
    rewrite: /Je comprends|reconnaissez/,
  },
  {
    name: 'guarantee',
    lang: 'fr',
    draft: 'Je vous garantis que cela ne se reproduira plus jamais.',
    risk: 'risk.overpromise',
    evidence: /garantis/,
    rewrite: /Retirez la garantie/,
  },
  {
    name: 'you should have',
    lang: 'fr',
    draft: 'Vous auriez dû lire les conditions générales.',
    risk: 'risk.blame',
    evidence: /auriez dû/,
    rewrite: /constat neutre/,
  },
  {
    name: 'not our fault',
    lang: 'fr',
    draft: "Ce n'est pas de notre faute, le transporteur est en cause.",
    risk: 'risk.defensive',
    evidence: /pas de notre faute/,
    rewrite: /explication honnête|Voici ce qui s’est passé|faits/,
  },
  {
    name: 'shouting',
    lang: 'fr',
    draft: 'JE VOUS AI DÉJÀ RÉPONDU !!!',
    risk: 'risk.shouting',
    evidence: /[A-Z]/,
    rewrite: /Je vous ai déjà répondu !/,
  },
  {
    name: 'calm down, en',
    lang: 'en',
    draft: 'Calm down, I am looking at it.',
    risk: 'risk.dismissive',
    evidence: /Calm down/,
    rewrite: /frustrating|understand/,
  },
  {
    name: 'guarantee, en',
    lang: 'en',
    draft: 'I guarantee this will never happen again.',
    risk: 'risk.overpromise',
    evidence: /guarantee|never/,
    rewrite: /Remove the guarantee|Only commit|Instead|Say/i,
  },
  {
    name: 'you should have, en',
    lang: 'en',
    draft: 'You should have read the terms before ordering.',
    risk: 'risk.blame',
    evidence: /should have/,
    rewrite: /neutral statement|facts/,
  },
];

for (const k of RISKS) {
  test(`checkDraft: ${k.name} → ${k.risk} with its span and a rewrite`, () => {
    const c = checkDraft(k.draft, conversationFor('acknowledge', k.lang));
    const found = c.risks.find((r) => r.id === k.risk);
    assert.ok(found, `${k.risk} not found in ${JSON.stringify(c.risks.map((r) => r.id))}`);
    assert.equal(k.draft.slice(found.start, found.end), found.evidence);
    assert.match(found.evidence, k.evidence);
    assert.match(found.suggestion, k.rewrite);
    assert.ok(c.breakdown.safety.score < 40);
    assert.equal(c.score, c.breakdown.qualities.score + c.breakdown.safety.score + c.breakdown.timing.score);
  });
}

test('checkDraft: a good acknowledging reply scores high, with nothing missing that is required', () => {
  const c = checkDraft(
    'Merci de nous avoir écrit. Je comprends votre déception, et je suis désolée pour ces photos manquantes. Voyons ensemble ce que nous pouvons faire.',
    conversationFor('acknowledge', 'fr'),
  );
  assert.equal(c.action, 'acknowledge');
  assert.deepEqual(c.risks, []);
  for (const id of EXPECTED.acknowledge.required) assert.ok(c.qualities.present.includes(id), id);
  assert.ok(c.score >= 90, String(c.score));
});

test('checkDraft: the missing moves depend on the moment', () => {
  const draft = 'Merci pour votre message.';
  const boundary = checkDraft(draft, conversationFor('set_boundary', 'fr'));
  assert.equal(boundary.action, 'set_boundary');
  assert.ok(boundary.qualities.missing.includes('reply.boundary'));
  const solution = checkDraft(draft, conversationFor('propose_solution', 'fr'));
  assert.ok(solution.qualities.missing.includes('reply.solution'));
  assert.ok(!solution.qualities.missing.includes('reply.boundary'));
});

test('checkDraft: a fix offered while the client is still venting is premature', () => {
  const c = checkDraft(
    'I understand. I can offer you a refund of the flight and a voucher.',
    conversationFor('listen', 'en'),
  );
  assert.equal(c.action, 'listen');
  assert.ok(c.qualities.premature.includes('reply.solution'), JSON.stringify(c.qualities));
  assert.equal(c.breakdown.timing.score, 5);
});

test('checkDraft: several risks cost more than one, down to zero safety', () => {
  const one = checkDraft('Calmez-vous.', conversationFor('clarify', 'fr'));
  const many = checkDraft(
    "Calmez-vous. Vous auriez dû lire le contrat. Ce n'est pas de notre faute. JE NE PEUX RIEN FAIRE !!!",
    conversationFor('clarify', 'fr'),
  );
  assert.ok(many.breakdown.safety.score < one.breakdown.safety.score);
  assert.equal(many.breakdown.safety.score, 0);
  assert.ok(many.risks.length >= 4);
});

test('checkDraft: can check against a chosen moment', () => {
  const c = checkDraft('Je ne peux pas accepter ces propos.', conversationFor('acknowledge', 'fr'), {
    action: 'set_boundary',
  });
  assert.equal(c.action, 'set_boundary');
  assert.ok(c.qualities.present.includes('reply.boundary'));
});

test('unshout: sentence case and single marks', () => {
  assert.equal(unshout('JE VOUS AI DÉJÀ RÉPONDU !!! VRAIMENT ???'), 'Je vous ai déjà répondu ! Vraiment ?');
});

test('checkDraft: no move is both required and helpful at any moment (a required move weighs 2, a helpful one 1)', () => {
  for (const [action, expected] of Object.entries(EXPECTED)) {
    assert.deepEqual(
      expected.required.filter((id) => expected.helpful.includes(id)),
      [],
      action,
    );
  }
});
