/**
 * What to avoid right now, per recommended action: the traps the method names for each moment.
 * Product text, addressed to the agent.
 */
import type { ActionId, Localized } from '../../types.ts';

export const AVOID: Readonly<Record<ActionId, readonly Localized[]>> = {
  listen: [
    {
      fr: 'Ne vous justifiez pas encore : laissez-le terminer.',
      en: 'Don’t justify yourself yet: let them finish.',
    },
    {
      fr: 'Ne lui coupez pas la parole, même pour corriger un détail.',
      en: 'Don’t interrupt, not even to correct a detail.',
    },
    {
      fr: 'Ne proposez pas de solution avant d’avoir tout entendu.',
      en: 'Don’t offer a fix before you have heard everything.',
    },
  ],
  acknowledge: [
    {
      fr: 'N’enchaînez pas sur une explication technique : nommez d’abord ce qu’il ressent.',
      en: 'Don’t jump to a technical explanation: name what they feel first.',
    },
    {
      fr: 'Évitez « je comprends, mais… » : le « mais » efface l’empathie.',
      en: 'Avoid “I understand, but…”: the “but” cancels the empathy.',
    },
  ],
  reformulate: [
    {
      fr: 'Ne répondez pas point par point avant d’avoir vérifié que vous avez bien compris.',
      en: 'Don’t answer point by point before checking you understood.',
    },
    {
      fr: 'N’ajoutez pas votre interprétation : reprenez ses propres éléments.',
      en: 'Don’t add your own reading: restate the client’s own points.',
    },
  ],
  clarify: [
    {
      fr: 'Ne contredisez pas l’exagération de front : demandez un exemple précis.',
      en: 'Don’t contradict the exaggeration head-on: ask for a specific example.',
    },
    {
      fr: 'Ne répondez pas à une question piège par une autre : restez sur les faits.',
      en: 'Don’t answer a loaded question with another: stay on the facts.',
    },
    {
      fr: 'N’entrez pas dans le jeu « qui a tort, qui a raison ».',
      en: 'Don’t play “who is right, who is wrong”.',
    },
  ],
  reassure: [
    {
      fr: 'Ne minimisez pas son inquiétude (« ce n’est rien »).',
      en: 'Don’t play down the worry (“it’s nothing”).',
    },
    {
      fr: 'Ne promettez pas un résultat que vous ne maîtrisez pas.',
      en: 'Don’t promise an outcome you don’t control.',
    },
  ],
  propose_solution: [
    {
      fr: 'Ne proposez que ce que vous pouvez réellement tenir.',
      en: 'Only offer what you can actually deliver.',
    },
    {
      fr: 'N’imposez pas une seule option : laissez-le choisir quand c’est possible.',
      en: 'Don’t impose a single option: let them choose where you can.',
    },
  ],
  agree_next_steps: [
    {
      fr: 'Ne laissez pas la suite dans le flou : une étape, un responsable, une date.',
      en: 'Don’t leave what happens next vague: one step, one owner, one date.',
    },
    { fr: 'N’ajoutez pas de nouvelle promesse au passage.', en: 'Don’t slip in a new promise on the way.' },
  ],
  close_and_thank: [
    { fr: 'Ne rouvrez pas le débat sur les causes.', en: 'Don’t reopen the debate about causes.' },
    {
      fr: 'N’oubliez pas de le remercier pour son retour.',
      en: 'Don’t forget to thank them for the feedback.',
    },
  ],
  set_boundary: [
    {
      fr: 'Ne répondez pas sur le même ton et ne rendez pas l’insulte.',
      en: 'Don’t answer in kind or return the insult.',
    },
    {
      fr: 'Ne faites pas comme si de rien n’était : laisser passer encourage la suite.',
      en: 'Don’t act as if nothing happened: silence invites more.',
    },
    {
      fr: 'Ne coupez pas encore l’échange : posez la limite et proposez de continuer.',
      en: 'Don’t hang up yet: set the limit and offer to go on.',
    },
  ],
  end_and_escalate: [
    {
      fr: 'Ne négociez plus et ne vous justifiez pas : closez l’échange poliment.',
      en: 'Don’t negotiate or justify yourself any more: close politely.',
    },
    {
      fr: 'Ne restez pas seul avec ça : prévenez votre responsable et consignez l’incident.',
      en: 'Don’t carry it alone: tell your supervisor and log the incident.',
    },
  ],
  escalate_legal: [
    {
      fr: 'Ne reconnaissez aucune faute juridique et ne commentez pas ses chances.',
      en: 'Don’t admit legal fault or comment on their chances.',
    },
    {
      fr: 'Ne promettez ni remboursement ni délai avant l’avis du responsable.',
      en: 'Don’t promise a refund or a deadline before the manager’s view.',
    },
  ],
  hold_concessions: [
    {
      fr: 'Ne cédez pas de nouvelle concession sous la pression.',
      en: 'Don’t give a new concession under pressure.',
    },
    {
      fr: 'Ne vous laissez pas entraîner sur le terrain de son importance : revenez aux termes convenus.',
      en: 'Don’t get drawn onto how important they are: go back to the agreed terms.',
    },
  ],
  pause_and_call_back: [
    {
      fr: 'Ne répondez pas dans la précipitation pour faire bonne figure.',
      en: 'Don’t rush an answer to save face.',
    },
    {
      fr: 'Ne disparaissez pas sans fixer le moment où vous revenez vers lui.',
      en: 'Don’t vanish without fixing when you will be back.',
    },
  ],
};

/** Traps that depend on what was just said, added after the action's own list. */
export const CONTEXT_AVOID = {
  angry: {
    fr: 'N’écrivez pas « calmez-vous » : nommez plutôt ce qu’il ressent.',
    en: 'Don’t write “calm down”: name what they feel instead.',
  },
  generalization: {
    fr: 'Ne répondez pas à « jamais » ou « toujours » par des statistiques : partez d’un cas précis.',
    en: 'Don’t answer “never” or “always” with statistics: start from one specific case.',
  },
  anxious: {
    fr: 'Ne promettez pas que « tout va s’arranger » : dites ce que vous faites maintenant.',
    en: 'Don’t promise “it will all be fine”: say what you are doing now.',
  },
  conceded: {
    fr: 'Ne rouvrez pas la négociation sur ce qui a déjà été accordé.',
    en: 'Don’t reopen the negotiation on what was already granted.',
  },
  ownSlip: {
    fr: 'Ne reprenez pas le passage de votre réponse précédente qui posait problème : « {evidence} ».',
    en: 'Don’t repeat the part of your last reply that was a problem: “{evidence}”.',
  },
} as const satisfies Readonly<Record<string, Localized>>;
