import { test } from 'node:test';
import { type ClientCase, checkFamily } from './client-cases.test-helper.ts';

const CASES: readonly ClientCase[] = [
  {
    lang: 'fr',
    text: 'Mon numéro client ? Et vous, vous ne l’avez pas dans votre fichier ?',
    ids: ['tactic.question_deflection'],
    evidence: { 'tactic.question_deflection': 'Et vous' },
  },
  {
    lang: 'fr',
    text: "Pourquoi je n'ai pas payé ? Pourquoi vous ne m'avez pas envoyé la facture ?",
    ids: ['tactic.question_deflection'],
  },
  {
    lang: 'fr',
    text: "Tu me demandes l'adresse ? Tu ne l'as pas déjà notée ?",
    ids: ['tactic.question_deflection'],
    evidence: { 'tactic.question_deflection': 'Tu me demandes' },
  },
  { lang: 'fr', text: 'Vous me demandez le numéro de série : c’est le AB-123.', ids: [] },
  { lang: 'fr', text: 'La date ? C’était le 12 mai, vers midi.', ids: [] },
  {
    lang: 'fr',
    text: 'Je vous conseille de bien réfléchir avant de refuser.',
    ids: ['tactic.fear_appeal'],
    evidence: { 'tactic.fear_appeal': 'réfléchir avant' },
  },
  {
    lang: 'fr',
    text: 'Ça pourrait vous coûter très cher, cette histoire.',
    ids: ['tactic.fear_appeal'],
    evidence: { 'tactic.fear_appeal': 'coûter très cher' },
  },
  {
    lang: 'fr',
    text: 'Vous risquez de le regretter amèrement.',
    ids: ['tactic.fear_appeal'],
    evidence: { 'tactic.fear_appeal': 'regretter' },
  },
  { lang: 'fr', text: "Je regrette de ne pas avoir pris l'assurance annulation.", ids: [] },
  {
    lang: 'fr',
    text: 'Bien sûr, vous avez raison, le colis s’est sûrement livré tout seul chez le voisin.',
    ids: ['tactic.feigned_agreement'],
    evidence: { 'tactic.feigned_agreement': 'raison' },
  },
  {
    lang: 'fr',
    text: 'Je suis tout à fait d’accord : votre « service express » est d’une rapidité fulgurante.',
    ids: ['tactic.feigned_agreement'],
    evidence: { 'tactic.feigned_agreement': 'd’accord' },
  },
  { lang: 'fr', text: "Vous avez raison, j'ai mal lu le devis, désolé.", ids: [] },
  { lang: 'fr', text: "D'accord, je vous envoie les documents demain.", ids: [] },
  {
    lang: 'fr',
    text: 'Avec tout ce que je dépense chez vous, c’est comme ça que vous me traitez ?',
    ids: ['tactic.guilt_trip'],
    evidence: { 'tactic.guilt_trip': 'comme ça que vous me traitez' },
  },
  {
    lang: 'fr',
    text: "J'ai trois enfants à nourrir et vous me coupez l'eau, vous n'avez pas de cœur ?",
    ids: ['tactic.guilt_trip'],
    evidence: { 'tactic.guilt_trip': 'cœur' },
  },
  {
    lang: 'fr',
    text: "Tu n'as pas honte de faire payer une mère célibataire ?",
    ids: ['tactic.guilt_trip'],
    evidence: { 'tactic.guilt_trip': 'honte' },
  },
  { lang: 'fr', text: 'Merci pour tout ce que vous avez fait pour nous.', ids: [] },
  { lang: 'fr', text: 'Mon fils est malade, pouvez-vous décaler son rendez-vous ?', ids: [] },
  {
    lang: 'fr',
    text: "L'hébergement du site était forcément inclus, personne ne paie ça à part.",
    ids: ['tactic.scope_creep'],
    evidence: { 'tactic.scope_creep': 'forcément inclus' },
  },
  {
    lang: 'fr',
    text: 'La mise en service faisait évidemment partie de la prestation.',
    ids: ['tactic.scope_creep'],
    evidence: { 'tactic.scope_creep': 'partie' },
  },
  { lang: 'fr', text: 'La mise en service est-elle comprise dans le prix ?', ids: [] },
  { lang: 'fr', text: "Le devis précisait que la pose n'était pas comprise, c'est noté.", ids: [] },
  {
    lang: 'en',
    text: "My postcode? Don't you have it on file already?",
    ids: ['tactic.question_deflection'],
    evidence: { 'tactic.question_deflection': "Don't you" },
  },
  { lang: 'en', text: "My postcode? It's SW1A 1AA.", ids: [] },
  {
    lang: 'en',
    text: 'Think carefully before you refuse, this could cost your company dearly.',
    ids: ['tactic.fear_appeal'],
    evidence: { 'tactic.fear_appeal': 'cost your company' },
  },
  { lang: 'en', text: 'I regret not buying the insurance.', ids: [] },
  {
    lang: 'en',
    text: "Oh sure, you're right, the 'next day' delivery took a week.",
    ids: ['tactic.feigned_agreement'],
    evidence: { 'tactic.feigned_agreement': 'right' },
  },
  { lang: 'en', text: "You're right, I misread the invoice. Sorry!", ids: [] },
  {
    lang: 'en',
    text: "I've been with you for twelve years and this is how you treat me?",
    ids: ['tactic.guilt_trip'],
    evidence: { 'tactic.guilt_trip': 'how you treat' },
  },
  { lang: 'en', text: "After everything, I'm glad it worked out.", ids: [] },
  {
    lang: 'en',
    text: 'Hosting was obviously part of the package.',
    ids: ['tactic.scope_creep'],
    evidence: { 'tactic.scope_creep': 'obviously part of' },
  },
  { lang: 'en', text: 'Is hosting included in the package?', ids: [] },
];

for (const c of CASES) test(`tactic [${c.lang}] ${c.text}`, () => checkFamily('tactic.', c));
