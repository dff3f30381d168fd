/**
 * A fixed analyser for the protocol's unit tests: each turn's signals are given by the test, so
 * the decision rules are tested on their own, whatever the detection rules find on a given day.
 * (The draft-safety and generalisation tests use the real `analyze`.) Also the conversations the
 * property tests generate.
 */
import fc from 'fast-check';
import type { Analysis, AnalyzeOptions, Conversation, Finding, Lang, SignalId, Turn } from '../types.ts';
import type { Analyzer } from './state.ts';

/** Signals per exact turn text; unknown texts get none. */
export function annotatedAnalyzer(signals: Readonly<Record<string, readonly SignalId[]>>): Analyzer {
  return (text: string, options: AnalyzeOptions): Analysis => {
    const ids = signals[text] ?? [];
    const findings: Finding[] = ids.map((id) => ({
      id,
      severity: id.startsWith('abuse.') ? 3 : 2,
      start: 0,
      end: text.length,
      evidence: text,
      message: id,
    }));
    const count = (p: string) => ids.filter((id) => id.startsWith(p)).length;
    return {
      role: options.role,
      lang: options.lang ?? 'fr',
      findings,
      scores: {
        anger: Math.min(1, 0.5 * count('emotion.anger') + 0.25 * count('abuse.')),
        anxiety: Math.min(1, 0.6 * count('emotion.anxiety')),
        disappointment: Math.min(1, 0.6 * count('emotion.disappointment')),
        escalationRisk: 0,
      },
      truncated: false,
    };
  };
}

/** Sentences written for the protocol's tests, each calling for a different reading. */
export const CLIENT_LINES: Readonly<Record<Lang, readonly string[]>> = {
  fr: [
    'Mon abonnement a été débité deux fois ce mois-ci.',
    'Je suis furieux, ça ne marche JAMAIS chez vous !!!',
    'Espèce d’incapable, vous ne servez à rien.',
    'Mon avocat recevra une copie de ce courrier.',
    'Je suis très inquiète, je dois partir lundi.',
    'D’accord, ça me va.',
    'Merci beaucoup, tout fonctionne maintenant.',
    'Voilà, c’est tout ce que j’avais à dire.',
    'Je veux être remboursée.',
    'Trois choses : la facture, le compteur et le contrat.',
    'Oui, c’est exactement ça.',
    'Je suis votre plus gros client, faites un geste ou je pars.',
  ],
  en: [
    'My plan was charged twice this month.',
    'I am furious, it NEVER works with you!!!',
    'You are a bunch of useless idiots.',
    'My solicitor will hear about this.',
    'I am really worried, I fly out on Monday.',
    'Okay, that works for me.',
    'Thanks so much, it is working again.',
    'That is all I wanted to say.',
    'I want my money back.',
    'Three things: the invoice, the meter and the contract.',
    'Yes, that is right.',
    'I am your biggest customer, give me a discount or I leave.',
  ],
};
export const AGENT_LINES: Readonly<Record<Lang, readonly string[]>> = {
  fr: [
    'Je comprends votre agacement, merci de nous avoir prévenus.',
    'Pouvez-vous me donner le numéro de la commande ?',
    'Je vous propose un remboursement intégral, cela vous convient-il ?',
    'Je ne peux pas accepter ces propos, mais je reste là pour vous aider.',
    'Je vous rappelle jeudi à 10 h pour faire le point.',
    'Calmez-vous, ce n’est pas si grave.',
    'Je vous écoute, prenez votre temps.',
    'Je suis un peu perdu, laissez-moi un instant.',
  ],
  en: [
    'I understand how frustrating this is, thank you for telling us.',
    'Could you give me the order number?',
    'I can offer you a full refund, does that work for you?',
    'I cannot accept that language, but I am here to help.',
    'I will call you on Thursday at 10 to follow up.',
    'Calm down, it is not a big deal.',
    'I am listening, take your time.',
    'I am a bit lost, give me a moment.',
  ],
};

/** Conversations of those sentences in any order (client bubbles included), with or without a language. */
export const generatedConversations = fc.constantFrom<Lang>('fr', 'en').chain((lang) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...CLIENT_LINES[lang]).map((text): Turn => ({ role: 'client', text })),
        fc.constantFrom(...AGENT_LINES[lang]).map((text): Turn => ({ role: 'agent', text })),
      ),
      { minLength: 1, maxLength: 9 },
    )
    .map((turns): Conversation => (turns.length % 3 === 0 ? { turns } : { turns, lang })),
);

const SIGNALS: readonly SignalId[] = [
  'abuse.insult',
  'abuse.threat',
  'pressure.legal',
  'pressure.power',
  'tactic.question_deflection',
  'tactic.guilt_trip',
  'emotion.anger',
  'emotion.anxiety',
  'request.refund',
  'request.cancel',
  'claim.generalization',
  'reply.boundary',
  'reply.solution',
  'reply.empathy',
  'reply.clarifying_question',
  'risk.aggression',
  'risk.dismissive',
];

/** Conversations whose turns carry arbitrary signals: every rule of the method gets its turn. */
export const annotatedConversations = fc
  .array(
    fc.record({
      role: fc.constantFrom<Turn['role']>('client', 'agent'),
      id: fc.nat(40),
      signals: fc.subarray([...SIGNALS], { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .map((rows) => {
    const texts: Record<string, SignalId[]> = {};
    const turns = rows.map((r, i): Turn => {
      const text = `${r.role === 'client' ? 'Client' : 'Agent'} ${r.id} ${i}, merci ? d’accord.`;
      texts[text] = r.signals;
      return { role: r.role, text };
    });
    return { conversation: { turns, lang: 'fr' } as Conversation, texts };
  });
