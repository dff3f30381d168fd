/** The training page's words in French and English (kept beside the page, not in the app catalogues). */
import type { Lang } from '@sangfroid/core';

const FR = {
  title: 'Entraînement',
  intro:
    'Face à un client simulé, appliquez la méthode : écouter, reconnaître l’émotion, reformuler, revenir aux faits, proposer et convenir des étapes — et poser une limite quand il le faut. Rien de ce que vous écrivez ne quitte le navigateur avant la fin de la séance.',
  choose: 'Choisissez un client',
  seed: 'Graine (facultatif, pour rejouer une séance)',
  start: 'Commencer',
  scenario: 'La situation',
  client: 'Client',
  you: 'Vous',
  reply: 'Votre réponse',
  send: 'Envoyer',
  escalate: 'Mettre fin et passer le relais',
  escalateHint: 'Le texte de votre réponse accompagne le passage de relais.',
  stop: 'Arrêter la séance',
  hint: 'Indice',
  hintLead: 'La méthode demande maintenant :',
  debrief: 'Débrief',
  outcome: 'Issue',
  truth: 'Ce qu’il y avait derrière',
  found: 'découvert au tour {n}',
  notFound: 'pas découvert',
  steps: 'Étapes de la méthode appliquées',
  step: 'Étape',
  turns: 'Tours',
  missed: 'Moments manqués',
  youWrote: 'Vous avez écrit',
  better: 'Réponse proposée',
  risks: 'Risques pris',
  skills: 'Compétences',
  overall: 'Note globale',
  tips: 'À travailler',
  none: 'Aucun.',
  again: 'Nouvelle séance',
  replay: 'Rejouer la même séance',
  history: 'Mes séances',
  historyNone: 'Pas encore de séance enregistrée.',
  historyOff: 'Historique indisponible : la séance n’a pas été enregistrée.',
  saved: 'Séance enregistrée.',
  date: 'Date',
  persona: 'Client',
  score: 'Score',
  turn: 'tour',
  seedLabel: 'Graine',
  resolved: 'Résolu',
  escalated: 'Relais passé',
  failed: 'Échec',
  abandoned: 'Interrompu',
  progress: 'Moyenne sur vos dernières séances ({n}) : {avg}/100.',
  progressChart: 'Note moyenne par semaine',
} as const;

export type TrainingStrings = { readonly [K in keyof typeof FR]: string };

const EN: TrainingStrings = {
  title: 'Training',
  intro:
    'Facing a simulated client, apply the method: listen, acknowledge the feeling, reformulate, get back to facts, propose and agree next steps — and set a limit when needed. Nothing you type leaves the browser before the session ends.',
  choose: 'Choose a client',
  seed: 'Seed (optional, to replay a session)',
  start: 'Start',
  scenario: 'The situation',
  client: 'Client',
  you: 'You',
  reply: 'Your reply',
  send: 'Send',
  escalate: 'End and hand over',
  escalateHint: 'The text of your reply goes with the hand-over.',
  stop: 'Stop the session',
  hint: 'Hint',
  hintLead: 'The method now asks you to:',
  debrief: 'Debrief',
  outcome: 'Outcome',
  truth: 'What was really behind it',
  found: 'found at turn {n}',
  notFound: 'not found',
  steps: 'Steps of the method applied',
  step: 'Step',
  turns: 'Turns',
  missed: 'Missed moments',
  youWrote: 'You wrote',
  better: 'Suggested reply',
  risks: 'Risks taken',
  skills: 'Skills',
  overall: 'Overall',
  tips: 'To work on',
  none: 'None.',
  again: 'New session',
  replay: 'Replay the same session',
  history: 'My sessions',
  historyNone: 'No session recorded yet.',
  historyOff: 'History unavailable: the session was not recorded.',
  saved: 'Session recorded.',
  date: 'Date',
  persona: 'Client',
  score: 'Score',
  turn: 'turn',
  seedLabel: 'Seed',
  resolved: 'Resolved',
  escalated: 'Handed over',
  failed: 'Failed',
  abandoned: 'Stopped',
  progress: 'Average over your latest sessions ({n}): {avg}/100.',
  progressChart: 'Average score per week',
};

export function outcomeName(s: TrainingStrings, kind: string): string {
  return kind === 'resolved'
    ? s.resolved
    : kind === 'escalated'
      ? s.escalated
      : kind === 'failed'
        ? s.failed
        : s.abandoned;
}

export function trainingStrings(lang: Lang): TrainingStrings {
  return lang === 'en' ? EN : FR;
}
