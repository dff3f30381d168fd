import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCues } from './cues.ts';

const CASES = [
  [
    'fr',
    'Je peux vous faire une remise de 20 % sur la facture.',
    { concession: true, terms: false, escalation: false },
  ],
  [
    'fr',
    'Reprenons le devis que vous avez signé le 3 mai.',
    { concession: false, terms: true, escalation: false },
  ],
  [
    'fr',
    'Je vais transmettre votre dossier à ma responsable, qui vous rappellera.',
    { concession: false, terms: false, escalation: true },
  ],
  [
    'fr',
    'Je mets fin à cet échange : je vais passer le relais à mon supérieur.',
    { concession: false, terms: false, escalation: true },
  ],
  [
    'fr',
    'Le surclassement gratuit n’est pas prévu dans votre réservation.',
    { concession: false, terms: false, escalation: false },
  ],
  ['fr', 'Votre chambre reste au tarif convenu.', { concession: false, terms: true, escalation: false }],
  [
    'en',
    "I can't offer a discount on this order. I can offer you free delivery.",
    { concession: true, terms: false, escalation: false },
  ],
  [
    'en',
    'A refund is not possible here, the agreed price stands.',
    { concession: false, terms: true, escalation: false },
  ],
  [
    'fr',
    'Je comprends votre inquiétude, voyons ensemble.',
    { concession: false, terms: false, escalation: false },
  ],
  ['en', 'I can offer you a 15% discount.', { concession: true, terms: false, escalation: false }],
  ['en', "Let's look at the quote we both signed.", { concession: false, terms: true, escalation: false }],
  [
    'en',
    "I'm going to hand this over to my supervisor, who will call you today.",
    { concession: false, terms: false, escalation: true },
  ],
  ['en', 'I understand how stressful this is.', { concession: false, terms: false, escalation: false }],
] as const;

test('training cues: concession, agreed terms and hand-over, per language', () => {
  for (const [lang, text, expected] of CASES) assert.deepEqual(readCues(text, lang), expected, text);
});
