/**
 * Rules for the `pressure.*` signals: legal leverage (lawsuit, lawyer with leverage, formal
 * complaint, consumer body), reputation (reviews, social networks, press) and power (importance,
 * connections, a threat to leave used to extract a concession). Matched on phrasing — a lawyer
 * merely mentioned (« mon avocat m'a conseillé de vous demander… ») is not leverage.
 */
import en from '../../../data/en/pressure.json' with { type: 'json' };
import fr from '../../../data/fr/pressure.json' with { type: 'json' };
import { isQuotedOrReported } from '../context.ts';
import type { NormalizedMatch } from '../patterns.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { phraseRule } from './phrase-rule.ts';

const FILES = { fr, en };
/** « un client m'a dit qu'il porterait plainte » reports someone else's leverage. */
const ownWords = { keep: (ctx: RuleContext, m: NormalizedMatch) => !isQuotedOrReported(ctx, m.start, m.end) };

export const pressureRules: readonly Rule[] = [
  phraseRule(
    {
      id: 'pressure.legal',
      severity: 2,
      message: {
        fr: 'Le client brandit une action juridique ou une autorité (avocat, plainte, médiateur, association).',
        en: 'The client brings up legal action or an authority (lawyer, lawsuit, ombudsman, consumer body).',
      },
      note: {
        fr: "Restez factuel, ne vous engagez sur rien sous la pression et ne commentez pas le fond juridique : informez votre responsable (ou le service juridique), documentez l'échange et donnez une suite datée.",
        en: 'Stay factual, commit to nothing under pressure and do not argue the legal point: inform your manager (or the legal team), document the exchange and give a dated follow-up.',
      },
    },
    FILES,
    ownWords,
  ),
  phraseRule(
    {
      id: 'pressure.reputation',
      severity: 2,
      message: {
        fr: "Le client menace la réputation de l'entreprise (avis, réseaux sociaux, presse).",
        en: "The client threatens the company's reputation (reviews, social networks, press).",
      },
      note: {
        fr: "Ne cédez pas à la menace et ne la contestez pas : ramenez l'échange sur le problème de fond et sur ce que vous pouvez faire, c'est la meilleure réponse à un futur avis.",
        en: 'Neither give in to the threat nor argue with it: bring the exchange back to the underlying problem and what you can do — the best answer to a future review.',
      },
    },
    FILES,
    ownWords,
  ),
  phraseRule(
    {
      id: 'pressure.power',
      severity: 2,
      message: {
        fr: 'Le client fait valoir son poids, ses relations ou une menace de départ pour obtenir quelque chose.',
        en: 'The client uses their weight, connections or a threat to leave to obtain something.',
      },
      note: {
        fr: "Ne concédez rien sous l'effet du rapport de force : remettez sur la table les conditions convenues au départ et traitez la demande comme celle de n'importe quel client.",
        en: 'Concede nothing because of the power play: put the terms agreed at the start back on the table and handle the request as you would any client’s.',
      },
    },
    FILES,
    ownWords,
  ),
];
