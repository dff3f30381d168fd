import { test } from 'node:test';
import { type ClientCase, checkFamily } from './client-cases.test-helper.ts';

const CASES: readonly ClientCase[] = [
  {
    lang: 'fr',
    text: "Ça fait DEUX MOIS que j'attends ma carte grise.",
    ids: ['tone.shouting'],
    evidence: { 'tone.shouting': 'DEUX MOIS' },
  },
  {
    lang: 'fr',
    text: 'Vous vous moquez de moi ?!',
    ids: ['tone.shouting'],
    evidence: { 'tone.shouting': '?!' },
  },
  {
    lang: 'fr',
    text: "C'est INACCEPTABLE.",
    ids: ['tone.shouting'],
    evidence: { 'tone.shouting': 'INACCEPTABLE' },
  },
  { lang: 'fr', text: 'NON et NON.', ids: ['tone.shouting'], evidence: { 'tone.shouting': 'NON' } },
  { lang: 'fr', text: "J'ai reçu un SMS d'EDF pour la TVA et le RIB.", ids: [] },
  { lang: 'fr', text: 'Mon dossier CAF et ma carte SNCF sont à jour, merci.', ids: [] },
  { lang: 'fr', text: 'Cordialement, Jean DUPONT', ids: [] },
  { lang: 'fr', text: 'La référence est AB12CD, modèle V2.', ids: [] },
  { lang: 'fr', text: 'Vous ouvrez à quelle heure ? Merci !', ids: [] },
  {
    lang: 'en',
    text: 'I said NO WAY, not next week.',
    ids: ['tone.shouting'],
    evidence: { 'tone.shouting': 'NO WAY' },
  },
  { lang: 'en', text: 'Where is my refund??', ids: ['tone.shouting'], evidence: { 'tone.shouting': '??' } },
  {
    lang: 'en',
    text: 'I have been waiting FOREVER.',
    ids: ['tone.shouting'],
    evidence: { 'tone.shouting': 'FOREVER' },
  },
  { lang: 'en', text: 'My VAT number and the PDF from HMRC are attached.', ids: [] },
  { lang: 'en', text: 'Louis XIV furniture, order #A1234.', ids: [] },
];

for (const c of CASES) test(`tone [${c.lang}] ${c.text}`, () => checkFamily('tone.', c));
