/**
 * Rule for `claim.generalization`: absolutes and exaggeration (« ça ne marche jamais », « personne
 * ne rappelle », « à chaque fois », « quinze fois », « the worst hotel I've ever… »). Factual
 * uses stay out (corpus convention): « jamais reçu », « toujours pas arrivé », « tous les soirs
 * vers 21 h », and the client's own history (« je n'ai jamais eu de souci »).
 */
import en from '../../../data/en/claim.json' with { type: 'json' };
import fr from '../../../data/fr/claim.json' with { type: 'json' };
import { isQuotedOrReported } from '../context.ts';
import type { Rule } from '../rule.ts';
import { phraseRule } from './phrase-rule.ts';

export const claimRules: readonly Rule[] = [
  phraseRule(
    {
      id: 'claim.generalization',
      severity: 1,
      message: {
        fr: 'Le client généralise ou exagère (« jamais », « toujours », « personne »…).',
        en: 'The client generalises or exaggerates (“never”, “always”, “nobody”…).',
      },
      note: {
        fr: "Ne contestez pas l'absolu : reconnaissez la frustration, puis ramenez aux faits avec une question précise (quand, combien de fois, quelle commande ?).",
        en: 'Do not dispute the absolute: acknowledge the frustration, then bring it back to facts with a precise question (when, how many times, which order?).',
      },
    },
    { fr, en },
    { keep: (ctx, m) => !isQuotedOrReported(ctx, m.start, m.end) },
  ),
];
