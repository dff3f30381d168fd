/** The debrief's words in French and English: outcomes, moves, risks, skills, tips. */
import type { ActionId, AgentRiskId, Localized } from '../types.ts';
import type { ExpectedMove, OutcomeReason, SkillId } from './types.ts';

export const OUTCOME_TEXT: Readonly<Record<OutcomeReason, Localized>> = {
  agreed: {
    fr: 'Résolu : le client a accepté une solution et les prochaines étapes.',
    en: 'Resolved: the client agreed to a solution and next steps.',
  },
  abuse_persisted: {
    fr: 'Escalade appropriée : la limite a été posée, les propos ont continué, vous avez passé le relais.',
    en: 'Proper escalation: you set the limit, the abuse went on, and you handed over.',
  },
  pressure_persisted: {
    fr: 'Escalade appropriée : vous avez tenu le cadre plusieurs fois avant de passer le relais.',
    en: 'Proper escalation: you held the terms several times before handing over.',
  },
  too_angry: {
    fr: 'Échec : la colère du client a débordé, il a mis fin à l’échange.',
    en: "Failure: the client's anger boiled over and they ended the exchange.",
  },
  panicked: {
    fr: 'Échec : l’inquiétude du client a pris le dessus, il est parti.',
    en: "Failure: the client's worry took over and they left.",
  },
  abuse_tolerated: {
    fr: 'Échec : les propos abusifs ont continué sans que l’échange soit arrêté.',
    en: 'Failure: the abuse went on without the exchange being stopped.',
  },
  conceded: {
    fr: 'Échec : concession après concession, le client en a réclamé toujours plus.',
    en: 'Failure: concession after concession, the client kept asking for more.',
  },
  escalated_too_early: {
    fr: 'Échec : escalade prématurée — la situation pouvait encore être traitée par vous.',
    en: 'Failure: escalated too early — you could still have handled the situation.',
  },
  out_of_time: {
    fr: 'Échec : l’échange s’est enlisé et le client a abandonné.',
    en: 'Failure: the exchange dragged on and the client gave up.',
  },
  gave_up: { fr: 'Séance interrompue avant la fin.', en: 'Session stopped before the end.' },
};

export const MOVE_NAME: Readonly<Record<ExpectedMove, Localized>> = {
  listen: { fr: 'écouter, laisser vider son sac', en: 'listen, let them vent' },
  acknowledge: { fr: 'reconnaître l’émotion, remercier', en: 'acknowledge the feeling, thank' },
  reformulate: { fr: 'reformuler', en: 'reformulate' },
  clarify: { fr: 'revenir aux faits, poser des questions', en: 'back to facts, ask questions' },
  reassure: { fr: 'rassurer, passer au « nous »', en: 'reassure, move to "we"' },
  propose_solution: { fr: 'proposer une solution concrète', en: 'propose a concrete solution' },
  agree_next_steps: { fr: 'convenir des prochaines étapes', en: 'agree on next steps' },
  close_and_thank: { fr: 'conclure et remercier', en: 'close and thank' },
  set_boundary: { fr: 'poser calmement une limite', en: 'set a calm limit' },
  end_and_escalate: { fr: 'mettre fin et passer le relais', en: 'end and hand over' },
  escalate_legal: { fr: 'impliquer le juridique', en: 'involve legal' },
  hold_concessions: {
    fr: 'cesser les concessions, revenir au cadre convenu',
    en: 'stop conceding, restate the agreed terms',
  },
  pause_and_call_back: { fr: 'faire une pause, proposer de rappeler', en: 'pause, offer to call back' },
  own_up: { fr: 'revenir honnêtement sur une promesse', en: 'own up to an earlier promise' },
};

export const MOVE_WHY: Readonly<Record<ExpectedMove, Localized>> = {
  listen: {
    fr: 'Le client vidait son sac : il fallait le laisser finir, sans se défendre ni proposer trop tôt.',
    en: 'The client was venting: let them finish, without defending yourself or offering too soon.',
  },
  acknowledge: {
    fr: 'L’émotion n’avait pas encore été reconnue : un mot d’empathie ou un remerciement fait baisser la tension.',
    en: 'The feeling had not been acknowledged yet: a word of empathy or thanks lowers the tension.',
  },
  reformulate: {
    fr: 'Le client avait donné des faits : les reformuler montre qu’on a compris et évite les malentendus.',
    en: 'The client had given facts: restating them shows you understood and avoids misunderstandings.',
  },
  clarify: {
    fr: 'Il manquait des faits précis : une question de clarification ramène l’échange sur le terrain du concret.',
    en: 'Precise facts were missing: a clarifying question brings the exchange back to concrete ground.',
  },
  reassure: {
    fr: 'Le client était inquiet : le rassurer et parler de « nous » l’aide à sortir de la panique.',
    en: 'The client was worried: reassuring them and speaking of "we" helps them out of the panic.',
  },
  propose_solution: {
    fr: 'Le problème était compris : c’était le moment d’offrir une solution concrète.',
    en: 'The problem was understood: it was time to offer a concrete solution.',
  },
  agree_next_steps: {
    fr: 'Une solution était sur la table : il fallait fixer les étapes et une date, et demander l’accord du client.',
    en: 'A solution was on the table: agree steps and a date, and ask for the client’s agreement.',
  },
  close_and_thank: {
    fr: 'Tout était réglé : remercier le client pour son retour.',
    en: 'Everything was settled: thank the client for the feedback.',
  },
  set_boundary: {
    fr: 'Le client venait de dépasser les bornes : il fallait dire calmement que ces propos ne sont pas acceptables.',
    en: 'The client had just crossed the line: say calmly that such language is not acceptable.',
  },
  end_and_escalate: {
    fr: 'Les propos continuaient après la limite : il fallait mettre fin à l’échange et passer le relais à un responsable.',
    en: 'The abuse went on after the limit: end the exchange and hand over to a supervisor.',
  },
  escalate_legal: {
    fr: 'Une pression juridique appelait le juridique.',
    en: 'Legal pressure called for the legal team.',
  },
  hold_concessions: {
    fr: 'Le client revenait à la charge : plus de concession, on remet à plat ce qui avait été convenu.',
    en: 'The client was pushing again: no more concessions, put what was agreed back on the table.',
  },
  pause_and_call_back: {
    fr: 'Il fallait reprendre son souffle et proposer de rappeler.',
    en: 'Time to take a breath and offer to call back.',
  },
  own_up: {
    fr: 'Le client rappelait une promesse : mieux vaut dire honnêtement ce qu’on peut vraiment tenir.',
    en: 'The client recalled a promise: better to say honestly what you can really deliver.',
  },
};

export const RISK_ADVICE: Readonly<Record<AgentRiskId, Localized>> = {
  'risk.defensive': {
    fr: 'Se justifier ferme l’écoute : reconnaissez d’abord le problème, expliquez ensuite.',
    en: 'Justifying yourself shuts listening down: acknowledge the problem first, explain later.',
  },
  'risk.blame': {
    fr: 'Reprocher au client l’attaque : énoncez les faits sans lui en attribuer la faute.',
    en: 'Blaming the client attacks them: state the facts without assigning fault.',
  },
  'risk.dismissive': {
    fr: '« Calmez-vous » ou « ce n’est pas grave » minimisent l’émotion et la font monter.',
    en: '"Calm down" or "it\'s not a big deal" belittle the feeling and make it rise.',
  },
  'risk.aggression': {
    fr: 'Sarcasme, mépris ou menace : même provoqué, restez professionnel.',
    en: 'Sarcasm, contempt or threats: even when provoked, stay professional.',
  },
  'risk.shouting': {
    fr: 'Les majuscules et les points d’exclamation se lisent comme des cris.',
    en: 'Capitals and exclamation marks read as shouting.',
  },
  'risk.overpromise': {
    fr: 'Une garantie qu’on ne peut pas tenir soulage sur le moment, puis se retourne contre vous.',
    en: 'A guarantee you cannot keep relieves for a moment, then turns against you.',
  },
};

export const SKILL_NAME: Readonly<Record<SkillId, Localized>> = {
  listening: { fr: 'Écoute', en: 'Listening' },
  empathy: { fr: 'Empathie', en: 'Empathy' },
  reformulation: { fr: 'Reformulation', en: 'Reformulation' },
  facts: { fr: 'Faits', en: 'Facts' },
  solutions: { fr: 'Solutions', en: 'Solutions' },
  boundaries: { fr: 'Limites', en: 'Boundaries' },
  honesty: { fr: 'Honnêteté', en: 'Honesty' },
};

export const SKILL_TIP: Readonly<Record<SkillId, Localized>> = {
  listening: {
    fr: 'Laissez le client terminer et posez une question avant toute explication.',
    en: 'Let the client finish and ask a question before any explanation.',
  },
  empathy: {
    fr: 'Nommez ce que le client ressent (« je comprends que ce soit stressant ») avant de parler solution.',
    en: 'Name what the client feels ("I understand how stressful this is") before talking solutions.',
  },
  reformulation: {
    fr: 'Avant de proposer, résumez : « si je comprends bien, … c’est bien cela ? ».',
    en: 'Before proposing, sum up: "if I understand correctly, … is that right?".',
  },
  facts: {
    fr: 'Ramenez l’échange aux faits : dates, documents, ce qui avait été convenu par écrit.',
    en: 'Bring the exchange back to facts: dates, documents, what was agreed in writing.',
  },
  solutions: {
    fr: 'Terminez par une solution concrète, une date et une question qui demande l’accord.',
    en: 'End with a concrete solution, a date and a question asking for agreement.',
  },
  boundaries: {
    fr: 'Face aux abus, une limite calme d’abord ; s’ils continuent, mettez fin et passez le relais. Face à la pression, ne cédez plus.',
    en: 'Faced with abuse, a calm limit first; if it goes on, end and hand over. Faced with pressure, stop conceding.',
  },
  honesty: {
    fr: 'Expliquez honnêtement ce qui s’est passé et ne promettez que ce que vous pouvez tenir.',
    en: 'Explain honestly what happened and only promise what you can keep.',
  },
};

export const STEP_ORDER: readonly ActionId[] = [
  'listen',
  'acknowledge',
  'reformulate',
  'clarify',
  'reassure',
  'propose_solution',
  'agree_next_steps',
  'close_and_thank',
  'set_boundary',
  'hold_concessions',
  'end_and_escalate',
  'escalate_legal',
  'pause_and_call_back',
];
