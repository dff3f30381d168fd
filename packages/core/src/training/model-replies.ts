/**
 * The better reply for a missed moment, when no protocol drafter is plugged in: one model reply
 * per move of the method and language, filled with the scenario's own words. Deliberately plain;
 * the protocol's draftReply (issue #3) replaces it once injected (see DraftReplyFn).
 */
import type { Lang } from '../types.ts';
import { personaText } from './personas/index.ts';
import type { DraftReplyFn, ExpectedMove } from './types.ts';
import { fillSlots } from './voice.ts';

const MODEL: Readonly<Record<Lang, Readonly<Record<ExpectedMove, readonly string[]>>>> = {
  fr: {
    listen: [
      'Je vous écoute. Prenez le temps de tout me dire : je veux comprendre exactement ce qui ne va pas avec {item}.',
    ],
    acknowledge: [
      'Merci de me le dire franchement. Je comprends votre contrariété : ce n’est pas ce que vous attendiez, et c’est normal d’être déçu.',
      'Je suis sincèrement désolé de cette situation, et je comprends qu’elle vous mette en colère.',
    ],
    reassure: [
      'Je comprends votre inquiétude, et je suis là pour vous aider. Voyons ensemble ce que nous pouvons faire d’ici {deadline}.',
    ],
    reformulate: [
      'Si je comprends bien, le problème porte sur {item} : c’est bien cela ? Je veux être sûr de ne rien oublier.',
    ],
    clarify: [
      'Pour partir de faits précis : pouvez-vous me dire exactement ce qui pose problème, et depuis quand ?',
    ],
    propose_solution: [
      'Voici ce que je vous propose : je reprends {item} en priorité et je vous envoie un premier point demain. Est-ce que cela vous conviendrait ?',
    ],
    agree_next_steps: [
      'Je vous propose de faire le point ensemble demain à 10 h, et je vous confirme tout cela par écrit aujourd’hui. Cela vous convient-il ?',
    ],
    close_and_thank: ['Merci pour votre retour : il nous aide à nous améliorer.'],
    set_boundary: [
      'Je veux vous aider, et je vais le faire. En revanche, je ne peux pas accepter ces propos. Restons respectueux, et reprenons votre demande.',
    ],
    end_and_escalate: [
      'Je vous ai demandé de rester courtois et les propos continuent : je mets fin à cet échange. Je transmets votre dossier à ma responsable, qui vous recontactera.',
    ],
    escalate_legal: [
      'J’en prends note. Je transmets votre dossier à notre service juridique et je reste disponible sur les faits.',
    ],
    hold_concessions: [
      'J’entends votre demande. Reprenons ensemble ce que prévoit notre devis : c’est dans ce cadre que je peux vous proposer une solution.',
    ],
    pause_and_call_back: [
      'J’ai besoin de vérifier quelques points pour bien vous répondre. Puis-je vous rappeler dans une heure ?',
    ],
    own_up: [
      'Je préfère être honnête avec vous : je me suis avancé tout à l’heure. Voici ce que je peux réellement m’engager à faire, et je vous le confirme par écrit.',
    ],
  },
  en: {
    listen: [
      "I'm listening. Take your time and tell me everything: I want to understand exactly what is wrong with {item}.",
    ],
    acknowledge: [
      "Thank you for telling me plainly. I understand why you're upset: this isn't what you expected, and it's normal to be disappointed.",
      "I'm really sorry about this, and I understand why it makes you angry.",
    ],
    reassure: [
      "I understand your worry, and I'm here to help. Let's see together what we can do before {deadline}.",
    ],
    reformulate: [
      "If I understand correctly, the problem is with {item}: is that right? I want to be sure I haven't missed anything.",
    ],
    clarify: [
      'So that we work from precise facts: could you tell me exactly what the problem is, and since when?',
    ],
    propose_solution: [
      "Here is what I suggest: I'll rework {item} as a priority and send you a first update tomorrow. Would that work for you?",
    ],
    agree_next_steps: [
      "I suggest we review it together tomorrow at 10 am, and I'll confirm all of this in writing today. Does that work for you?",
    ],
    close_and_thank: ['Thank you for your feedback: it helps us improve.'],
    set_boundary: [
      "I want to help you, and I will. But I can't accept that kind of language. Let's keep this respectful and get back to your request.",
    ],
    end_and_escalate: [
      "I asked you to keep this courteous and the remarks continue, so I'm ending this conversation. I'm handing your file over to my supervisor, who will contact you.",
    ],
    escalate_legal: [
      "I've noted that. I'm passing your file to our legal team and I remain available on the facts.",
    ],
    hold_concessions: [
      "I hear your request. Let's go back over what our quote covers together: that is the frame within which I can offer you a solution.",
    ],
    pause_and_call_back: [
      'I need to check a few points to answer you properly. May I call you back in an hour?',
    ],
    own_up: [
      "I'd rather be honest with you: I spoke too fast earlier. Here is what I can actually commit to, and I'll confirm it in writing.",
    ],
  },
};

const DEFAULT_SLOTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  fr: { item: 'votre demande', deadline: 'l’échéance' },
  en: { item: 'your request', deadline: 'the deadline' },
};

/** The built-in drafter: a model reply for the move, with the scenario's words. */
export const modelReply: DraftReplyFn = ({ action, lang, persona, scenario, conversation }) => {
  const lines = MODEL[lang][action];
  const line = lines[conversation.turns.length % lines.length] ?? lines[0] ?? '';
  const slots = { ...DEFAULT_SLOTS[lang], ...(personaText(persona, lang).scenarios[scenario]?.slots ?? {}) };
  return fillSlots(line, slots);
};
