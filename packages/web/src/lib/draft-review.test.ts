import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '@sangfroid/core';
import { reviewDraft, rewriteOf } from './draft-review.ts';

function review(draft: string, clientText: string) {
  const client = analyze(clientText, { role: 'client' });
  const reply = analyze(draft, { role: 'agent', lang: client.lang });
  return reviewDraft(draft, [], clientText, client, reply);
}

test('the quoted rewrite is taken from the advice, never the risky words nor a blank to fill', () => {
  assert.equal(
    rewriteOf(
      'Remplacez « Calmez-vous » par une phrase : « Je comprends que la situation soit pénible. »',
      'Calmez-vous',
    ),
    'Je comprends que la situation soit pénible.',
  );
  assert.equal(
    rewriteOf('Don’t blame: replace “you should have” with “The contract says …”', 'you should have'),
    null,
  );
  assert.equal(rewriteOf('Reformulez sans reproche.', 'x'), null);
});

test('a dismissive draft to an abusive client shows the risk with a rewrite and asks for a boundary', () => {
  const r = review('Calmez-vous.', "Bande d'incapables, remboursez-moi !");
  assert.equal(r.action, 'set_boundary');
  const risk = r.risks.find((x) => x.id === 'risk.dismissive');
  assert.ok(risk);
  assert.equal(risk.evidence, 'Calmez-vous');
  assert.ok(risk.rewrite && risk.rewrite.length > 0);
  const boundary = r.items.find((i) => i.id === 'reply.boundary');
  assert.deepEqual(boundary && [boundary.done, boundary.isRequired], [false, true]);
  assert.ok(r.score !== null && r.score < 60, String(r.score));
});

test('a better draft ticks its qualities and scores higher', () => {
  const client = "Ma commande n'est toujours pas arrivée, je suis très déçu.";
  const weak = review('Ce n’est pas si grave.', client);
  const good = review(
    'Merci pour votre message, je comprends votre déception. Je vous propose de renvoyer le colis dès aujourd’hui.',
    client,
  );
  assert.equal(good.items.find((i) => i.id === 'reply.thanks')?.done, true);
  assert.ok((good.score ?? 0) > (weak.score ?? 0), `${weak.score} → ${good.score}`);
});

test('an empty draft has no score, and without a client message the local checklist is used', () => {
  assert.equal(review('', 'Bonjour, une question sur ma facture.').score, null);
  const alone = review('Merci pour votre retour.', '');
  assert.equal(alone.action, null);
  assert.equal(alone.items.find((i) => i.id === 'reply.thanks')?.done, true);
});
