import { test } from 'node:test';
import { type ClientCase, checkFamily } from './client-cases.test-helper.ts';

const CASES: readonly ClientCase[] = [
  {
    lang: 'fr',
    text: 'Vos livreurs ne sonnent jamais, ils laissent un avis de passage.',
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'jamais' },
  },
  {
    lang: 'fr',
    text: 'Personne ne décroche chez vous.',
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'Personne ne' },
  },
  {
    lang: 'fr',
    text: "À chaque fois que j'appelle, on me balade.",
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'chaque fois' },
  },
  {
    lang: 'fr',
    text: "C'est toujours la même excuse avec votre agence.",
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'toujours la même excuse' },
  },
  {
    lang: 'fr',
    text: 'Je vous ai relancé cent fois pour ce devis.',
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'cent fois' },
  },
  { lang: 'fr', text: "Je n'ai jamais eu de problème avec vous jusqu'ici.", ids: [] },
  { lang: 'fr', text: 'Toujours pas de nouvelles de ma commande du 3 mars.', ids: [] },
  { lang: 'fr', text: 'Une personne est venue hier relever le compteur.', ids: [] },
  { lang: 'fr', text: "Je ne l'ai jamais reçu, ce colis.", ids: [] },
  { lang: 'fr', text: 'Le prix a augmenté de trois fois rien, ce n’est pas grave.', ids: [] },
  {
    lang: 'en',
    text: 'Your app crashes every single time I open it.',
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'every single time' },
  },
  {
    lang: 'en',
    text: 'Nobody ever answers the phone at your branch.',
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'Nobody ever' },
  },
  {
    lang: 'en',
    text: 'You always have an excuse.',
    ids: ['claim.generalization'],
    evidence: { 'claim.generalization': 'You always' },
  },
  { lang: 'en', text: "I've never had a problem before.", ids: [] },
  { lang: 'en', text: 'My parcel never arrived.', ids: [] },
  { lang: 'en', text: 'The whole team was lovely during our stay.', ids: [] },
];

for (const c of CASES) test(`claim [${c.lang}] ${c.text}`, () => checkFamily('claim.', c));
