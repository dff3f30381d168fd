/**
 * Rules for the bad-faith `tactic.*` signals, after the method: answering a question with a
 * question (or evading it), playing on fear, feigning agreement to discredit (taking the other's
 * words — often in quotes — and turning them), playing the ultra-sensitive chord (guilt trip),
 * and claiming that work outside the agreement was obviously included (scope creep).
 * Every pattern is a construction (« vous me demandez X ? … ? », « vous avez raison » followed
 * by irony, « était évidemment compris dans »), never a lone word.
 */
import en from '../../../data/en/tactic.json' with { type: 'json' };
import fr from '../../../data/fr/tactic.json' with { type: 'json' };
import { isQuotedOrReported } from '../context.ts';
import type { NormalizedMatch } from '../patterns.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { phraseRule } from './phrase-rule.ts';

const FILES = { fr, en };
const ownWords = (ctx: RuleContext, m: NormalizedMatch) => !isQuotedOrReported(ctx, m.start, m.end);

export const tacticRules: readonly Rule[] = [
  phraseRule(
    {
      id: 'tactic.question_deflection',
      severity: 1,
      message: {
        fr: 'Le client répond à la question par une question, ou l’esquive.',
        en: 'The client answers the question with a question, or dodges it.',
      },
      note: {
        fr: "Ne vous laissez pas entraîner dans le jeu du « qui a tort » : reconnaissez l'agacement, expliquez en une phrase pourquoi vous avez besoin de l'information, puis reposez calmement la question.",
        en: 'Do not get drawn into who is right: acknowledge the irritation, say in one sentence why you need the information, then calmly ask again.',
      },
    },
    FILES,
  ),
  phraseRule(
    {
      id: 'tactic.fear_appeal',
      severity: 2,
      message: {
        fr: 'Le client agite une menace vague de conséquences pour faire pression.',
        en: 'The client waves a vague threat of consequences to apply pressure.',
      },
      note: {
        fr: 'Jouer sur la peur est une tactique : ne réagissez pas à la menace, restez sur les faits et sur ce qui a été convenu, et informez votre responsable si elle se répète.',
        en: 'Playing on fear is a tactic: do not react to the threat, stay on the facts and what was agreed, and tell your manager if it is repeated.',
      },
    },
    FILES,
    { keep: ownWords },
  ),
  phraseRule(
    {
      id: 'tactic.feigned_agreement',
      severity: 1,
      message: {
        fr: 'Le client feint d’être d’accord pour mieux discréditer (ironie).',
        en: 'The client feigns agreement in order to discredit (irony).',
      },
      note: {
        fr: "Ne relevez pas l'ironie et ne vous justifiez pas : reformulez le reproche réel qu'elle contient, puis revenez aux faits et à une solution.",
        en: 'Do not rise to the irony or justify yourself: restate the real complaint behind it, then return to the facts and a solution.',
      },
    },
    FILES,
  ),
  phraseRule(
    {
      id: 'tactic.guilt_trip',
      severity: 1,
      message: {
        fr: 'Le client joue la corde sensible pour culpabiliser (chantage affectif).',
        en: 'The client plays on feelings to make you feel guilty (emotional blackmail).',
      },
      note: {
        fr: "Reconnaissez sincèrement la situation de la personne sans vous laisser culpabiliser : l'empathie n'oblige pas à concéder. Revenez à ce que vous pouvez réellement faire.",
        en: 'Acknowledge the person’s situation sincerely without taking on the guilt: empathy does not oblige you to concede. Return to what you can really do.',
      },
    },
    FILES,
    { keep: ownWords },
  ),
  phraseRule(
    {
      id: 'tactic.scope_creep',
      severity: 2,
      message: {
        fr: 'Le client affirme qu’un travail hors du périmètre convenu était évidemment inclus.',
        en: 'The client claims that work outside the agreed scope was obviously included.',
      },
      note: {
        fr: "Revenez au cahier des charges ou au devis signé, point par point, sans concéder d'emblée ; proposez un chiffrage séparé pour ce qui n'y figure pas.",
        en: 'Go back to the agreed specification or signed quote, point by point, without conceding up front; offer a separate quote for what is not in it.',
      },
    },
    FILES,
    { keep: ownWords },
  ),
];
