import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toAgentSide } from './perspective.ts';

const CASES: readonly (readonly ['fr' | 'en', 'vous' | 'tu', string, string | null])[] = [
  ['fr', 'vous', "J'ai payé 1 240 € en avril", 'vous avez payé 1 240 € en avril'],
  ['fr', 'vous', "Je n'arrive pas à valider mon panier", "vous n'arrivez pas à valider votre panier"],
  ['fr', 'vous', "on m'a raccroché au nez", 'on vous a raccroché au nez'],
  ['fr', 'vous', 'je reçois des factures estimées', 'vous recevez des factures estimées'],
  ['fr', 'vous', 'votre technicien est parti', 'notre technicien est parti'],
  ['fr', 'vous', "Vous m'avez facturé deux fois", null],
  ['fr', 'tu', "J'ai payé 1 240 € en avril", 'tu as payé 1 240 € en avril'],
  ['fr', 'tu', "Je n'arrive pas à valider mon panier", "tu n'arrives pas à valider ton panier"],
  ['fr', 'tu', 'je paie depuis trois mois', 'tu paies depuis trois mois'],
  ['en', 'vous', "I've been charged twice for March", "you've been charged twice for March"],
  ['en', 'vous', 'Your porter dropped my suitcase', 'our porter dropped your suitcase'],
  ['en', 'vous', 'You charged me twice', null],
];

for (const [lang, formality, input, expected] of CASES) {
  test(`perspective ${lang}/${formality}: « ${input} »`, () => {
    const out = toAgentSide(input, lang, formality);
    assert.equal(out === null ? null : out.charAt(0).toLowerCase() + out.slice(1), expected);
  });
}
