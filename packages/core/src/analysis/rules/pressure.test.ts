import { test } from 'node:test';
import { type ClientCase, checkFamily } from './client-cases.test-helper.ts';

// Fresh sentences (not from the dev corpus): paraphrases, other sectors, tu/vous, hard negatives.
const CASES: readonly ClientCase[] = [
  {
    lang: 'fr',
    text: "Si le dossier n'est pas réglé d'ici lundi, je saisirai le tribunal de proximité.",
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'saisirai le tribunal' },
  },
  {
    lang: 'fr',
    text: 'Je compte déposer plainte contre votre agence pour abus de confiance.',
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'déposer plainte' },
  },
  {
    lang: 'fr',
    text: 'Mon avocate vous adressera une mise en demeure dès demain.',
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'mise en demeure' },
  },
  {
    lang: 'fr',
    text: "J'ai contacté l'UFC et je vais aussi alerter la DGCCRF.",
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'UFC' },
  },
  { lang: 'fr', text: "Mon avocat m'a demandé de vous réclamer l'attestation d'assurance.", ids: [] },
  { lang: 'fr', text: "Ma fille est avocate, elle m'a aidé à remplir le formulaire.", ids: [] },
  { lang: 'fr', text: "Un client m'a dit qu'il allait porter plainte contre vous, c'est sérieux ?", ids: [] },
  {
    lang: 'fr',
    text: "Je vais raconter toute l'histoire sur Facebook, vos futurs clients sauront à quoi s'attendre.",
    ids: ['pressure.reputation'],
    evidence: { 'pressure.reputation': 'Facebook' },
  },
  {
    lang: 'fr',
    text: 'Attendez-vous à un avis bien salé sur Google.',
    ids: ['pressure.reputation'],
    evidence: { 'pressure.reputation': 'avis' },
  },
  { lang: 'fr', text: "J'ai trouvé votre restaurant grâce aux avis Google, ils sont très bons !", ids: [] },
  { lang: 'fr', text: 'Je laisserai un avis 5 étoiles, merci encore.', ids: [] },
  {
    lang: 'fr',
    text: 'Je connais bien le directeur de votre agence, on joue au tennis ensemble.',
    ids: ['pressure.power'],
    evidence: { 'pressure.power': 'connais bien le directeur' },
  },
  {
    lang: 'fr',
    text: 'Nous représentons 30 % de votre activité, je vous le rappelle.',
    ids: ['pressure.power'],
    evidence: { 'pressure.power': '30 %' },
  },
  {
    lang: 'fr',
    text: 'Si tu ne baisses pas ton prix, je passe chez ton concurrent dès ce soir.',
    ids: ['pressure.power'],
  },
  { lang: 'fr', text: 'Je suis client chez vous depuis 10 ans et toujours satisfait.', ids: [] },
  { lang: 'fr', text: "Le directeur de l'école m'a conseillé votre centre de formation.", ids: [] },
  {
    lang: 'en',
    text: "If this isn't sorted by Friday, I'll be taking you to small claims court.",
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'small claims' },
  },
  {
    lang: 'en',
    text: "I'm going to report you to the ombudsman.",
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'ombudsman' },
  },
  {
    lang: 'en',
    text: 'Expect a letter from my solicitor.',
    ids: ['pressure.legal'],
    evidence: { 'pressure.legal': 'solicitor' },
  },
  { lang: 'en', text: 'My solicitor asked me to request a copy of the lease.', ids: [] },
  { lang: 'en', text: 'I work as a lawyer, so I appreciate clear terms.', ids: [] },
  {
    lang: 'en',
    text: 'Everyone on Tripadvisor is going to hear about this.',
    ids: ['pressure.reputation'],
    evidence: { 'pressure.reputation': 'Tripadvisor' },
  },
  {
    lang: 'en',
    text: 'I will make sure my 10k followers know how you treat customers.',
    ids: ['pressure.reputation'],
    evidence: { 'pressure.reputation': 'followers' },
  },
  { lang: 'en', text: 'I read great reviews about your spa on Google.', ids: [] },
  {
    lang: 'en',
    text: 'I play golf with your managing director every Sunday.',
    ids: ['pressure.power'],
    evidence: { 'pressure.power': 'managing director' },
  },
  {
    lang: 'en',
    text: "We're one of your largest accounts, so I expect better.",
    ids: ['pressure.power'],
    evidence: { 'pressure.power': 'largest accounts' },
  },
  { lang: 'en', text: "I'm a loyal customer and I'd like to renew.", ids: [] },
];

for (const c of CASES) test(`pressure [${c.lang}] ${c.text}`, () => checkFamily('pressure.', c));
