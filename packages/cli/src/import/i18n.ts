/** The words of the import's report and summary line, in French (default) and English. */
export type ReportLang = 'fr' | 'en';

export const REPORT_LANGS = ['fr', 'en'] as const;

const FR = {
  title: 'Votre historique au crible de sangfroid',
  generated: 'Rapport généré le',
  source: 'Source',
  format: 'Format',
  conversations: 'Conversations',
  messages: 'Messages analysés',
  clientMessages: 'Messages de clients',
  agentMessages: 'Réponses d’agents',
  abusive: 'Messages abusifs',
  incidents: 'Incidents',
  rejected: 'Lignes rejetées',
  skipped: 'Éléments ignorés (notes internes, activité)',
  signalsTitle: 'Ce que disent les clients',
  signalsHelp: 'Nombre de messages de clients où chaque signal apparaît.',
  actionsTitle: 'Ce que le protocole aurait recommandé',
  actionsHelp: 'Action recommandée à la fin de chaque conversation.',
  actionsMissing: 'Le moteur de protocole n’est pas encore disponible : pas d’action calculée.',
  timelineTitle: 'Au fil des jours',
  timelineMessages: 'messages',
  timelineAbusive: 'messages abusifs',
  skillsTitle: 'Qualité des réponses de l’équipe',
  skillsHelp: 'Part des réponses d’agents qui montrent chaque savoir-faire de la méthode, et chaque risque.',
  incidentsTitle: 'Incidents relevés',
  clientsTitle: 'Clients à suivre',
  clientsHelp: 'Classés par risque : escalade la plus probable dans chaque conversation, et incidents.',
  agentsTitle: 'Par agent',
  worstClientTitle: 'Messages de clients les plus durs',
  worstAgentTitle: 'Réponses à retravailler',
  errorsTitle: 'Problèmes dans le fichier',
  line: 'Ligne',
  conversation: 'Conversation',
  client: 'Client',
  agent: 'Agent',
  kind: 'Nature',
  severity: 'Gravité',
  signal: 'Signal',
  evidence: 'Extrait',
  date: 'Date',
  replies: 'Réponses',
  score: 'Score de risque',
  topSignals: 'Signaux principaux',
  boundaryAfterAbuse: 'Limite posée après un message abusif',
  draftScore: 'Réponse adaptée au moment (vérificateur)',
  none: 'Rien à signaler.',
  code: 'Code',
  detail: 'Détail',
  skillsLabel: 'savoir-faire',
  risksLabel: 'risques',
  threat: 'menace',
  abuse: 'propos abusifs',
  legal: 'pression juridique',
  agent_aggression: 'agressivité d’un agent',
  summaryLine: (s: SummaryLineFacts) =>
    `sangfroid import : ${n(s.messages, 'fr')} messages dans ${n(s.conversations, 'fr')} conversations, ` +
    `${n(s.incidents, 'fr')} incidents, ${n(s.rejected, 'fr')} rejetés — ${n(s.rate, 'fr')} msg/s en ${s.seconds.toFixed(1)} s`,
};

type Words = typeof FR;

const EN: Words = {
  title: 'Your history through sangfroid',
  generated: 'Report generated on',
  source: 'Source',
  format: 'Format',
  conversations: 'Conversations',
  messages: 'Messages analysed',
  clientMessages: 'Client messages',
  agentMessages: 'Agent replies',
  abusive: 'Abusive messages',
  incidents: 'Incidents',
  rejected: 'Rejected records',
  skipped: 'Skipped items (internal notes, activity)',
  signalsTitle: 'What clients say',
  signalsHelp: 'Number of client messages showing each signal.',
  actionsTitle: 'What the protocol would have recommended',
  actionsHelp: 'Action recommended at the end of each conversation.',
  actionsMissing: 'The protocol engine is not available yet: no action computed.',
  timelineTitle: 'Day by day',
  timelineMessages: 'messages',
  timelineAbusive: 'abusive messages',
  skillsTitle: 'Quality of the team’s replies',
  skillsHelp: 'Share of agent replies showing each skill of the method, and each risk.',
  incidentsTitle: 'Incidents found',
  clientsTitle: 'Clients to watch',
  clientsHelp: 'Ranked by risk: the likeliest escalation in each conversation, and incidents.',
  agentsTitle: 'Per agent',
  worstClientTitle: 'Hardest client messages',
  worstAgentTitle: 'Replies to rework',
  errorsTitle: 'Problems in the file',
  line: 'Line',
  conversation: 'Conversation',
  client: 'Client',
  agent: 'Agent',
  kind: 'Kind',
  severity: 'Severity',
  signal: 'Signal',
  evidence: 'Excerpt',
  date: 'Date',
  replies: 'Replies',
  score: 'Risk score',
  topSignals: 'Main signals',
  boundaryAfterAbuse: 'Boundary set after an abusive message',
  draftScore: 'Reply fit for the moment (draft checker)',
  none: 'Nothing to report.',
  code: 'Code',
  detail: 'Detail',
  skillsLabel: 'skills',
  risksLabel: 'risks',
  threat: 'threat',
  abuse: 'abuse',
  legal: 'legal pressure',
  agent_aggression: 'agent aggression',
  summaryLine: (s: SummaryLineFacts) =>
    `sangfroid import: ${n(s.messages, 'en')} messages in ${n(s.conversations, 'en')} conversations, ` +
    `${n(s.incidents, 'en')} incidents, ${n(s.rejected, 'en')} rejected — ${n(s.rate, 'en')} msg/s in ${s.seconds.toFixed(1)} s`,
};

export interface SummaryLineFacts {
  readonly messages: number;
  readonly conversations: number;
  readonly incidents: number;
  readonly rejected: number;
  readonly rate: number;
  readonly seconds: number;
}

function n(value: number, lang: ReportLang): string {
  return Math.round(value).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
}

export function words(lang: ReportLang): Words {
  return lang === 'en' ? EN : FR;
}

/** Short names of the spec's ids for charts and tables. */
const LABELS: Record<string, { fr: string; en: string }> = {
  'abuse.insult': { fr: 'insulte', en: 'insult' },
  'abuse.profanity': { fr: 'grossièreté', en: 'profanity' },
  'abuse.identity': { fr: 'propos identitaire', en: 'identity remark' },
  'abuse.threat': { fr: 'menace', en: 'threat' },
  'abuse.sexual': { fr: 'propos sexuel', en: 'sexual remark' },
  'pressure.legal': { fr: 'pression juridique', en: 'legal pressure' },
  'pressure.reputation': { fr: 'pression sur la réputation', en: 'reputation pressure' },
  'pressure.power': { fr: 'rapport de force', en: 'power pressure' },
  'emotion.anger': { fr: 'colère', en: 'anger' },
  'emotion.anxiety': { fr: 'anxiété', en: 'anxiety' },
  'emotion.disappointment': { fr: 'déception', en: 'disappointment' },
  'tone.shouting': { fr: 'cris (majuscules, !!!)', en: 'shouting (capitals, !!!)' },
  'claim.generalization': { fr: 'généralisation', en: 'generalisation' },
  'tactic.question_deflection': { fr: 'question esquivée', en: 'question deflection' },
  'tactic.fear_appeal': { fr: 'intimidation', en: 'fear appeal' },
  'tactic.feigned_agreement': { fr: 'faux accord', en: 'feigned agreement' },
  'tactic.guilt_trip': { fr: 'culpabilisation', en: 'guilt trip' },
  'tactic.scope_creep': { fr: 'dépassement du périmètre', en: 'scope creep' },
  'request.refund': { fr: 'demande de remboursement', en: 'refund request' },
  'request.discount': { fr: 'demande de geste commercial', en: 'discount request' },
  'request.redo': { fr: 'demande de reprise', en: 'redo request' },
  'request.cancel': { fr: 'résiliation', en: 'cancellation' },
  'request.manager': { fr: 'demande un responsable', en: 'asks for a manager' },
  'reply.thanks': { fr: 'remerciement', en: 'thanks' },
  'reply.empathy': { fr: 'empathie', en: 'empathy' },
  'reply.apology': { fr: 'excuses', en: 'apology' },
  'reply.reformulation': { fr: 'reformulation', en: 'reformulation' },
  'reply.clarifying_question': { fr: 'question de clarification', en: 'clarifying question' },
  'reply.we_language': { fr: '« nous »', en: '“we”' },
  'reply.explanation': { fr: 'explication', en: 'explanation' },
  'reply.solution': { fr: 'solution concrète', en: 'concrete solution' },
  'reply.next_steps': { fr: 'prochaines étapes', en: 'next steps' },
  'reply.boundary': { fr: 'limite posée', en: 'boundary set' },
  'risk.defensive': { fr: 'défensif', en: 'defensive' },
  'risk.blame': { fr: 'reproche au client', en: 'blames the client' },
  'risk.overpromise': { fr: 'promesse intenable', en: 'overpromise' },
  'risk.dismissive': { fr: 'minimise', en: 'dismissive' },
  'risk.aggression': { fr: 'agressivité', en: 'aggression' },
  'risk.shouting': { fr: 'cris', en: 'shouting' },
  listen: { fr: 'écouter', en: 'listen' },
  acknowledge: { fr: 'reconnaître l’émotion', en: 'acknowledge' },
  reformulate: { fr: 'reformuler', en: 'reformulate' },
  clarify: { fr: 'clarifier les faits', en: 'clarify' },
  reassure: { fr: 'rassurer', en: 'reassure' },
  propose_solution: { fr: 'proposer une solution', en: 'propose a solution' },
  agree_next_steps: { fr: 'convenir des étapes', en: 'agree next steps' },
  close_and_thank: { fr: 'clore et remercier', en: 'close and thank' },
  set_boundary: { fr: 'poser une limite', en: 'set a boundary' },
  end_and_escalate: { fr: 'clore et passer la main', en: 'end and escalate' },
  escalate_legal: { fr: 'remonter au juridique', en: 'escalate to legal' },
  hold_concessions: { fr: 'tenir les concessions', en: 'hold concessions' },
  pause_and_call_back: { fr: 'faire une pause, rappeler', en: 'pause and call back' },
};

export function label(id: string, lang: ReportLang): string {
  return LABELS[id]?.[lang] ?? id;
}
