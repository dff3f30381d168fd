/**
 * Rules for the `request.*` signals: what the client asks for (money back, a price cut or
 * compensation, the work redone, the contract ended, someone else). Found from request
 * constructions (imperatives, « je veux / je souhaite + verb », « could you + verb »), never from a
 * lone noun, so that « j'ai bien reçu le remboursement » or « the flight was cancelled » stay clean.
 */
import en from '../../../data/en/request.json' with { type: 'json' };
import fr from '../../../data/fr/request.json' with { type: 'json' };
import { isNegated, isQuotedOrReported } from '../context.ts';
import type { NormalizedMatch } from '../patterns.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { phraseRule } from './phrase-rule.ts';

/** A match starting with a first-person subject: a finite clause of its own. */
const OWN_SUBJECT = /^(?:i'm|i am|i'll|i will|we're|we'll|we are|je |j'|nous |on )/u;
const FILES = { fr, en };
/** « le vendeur m'a dit « on ne rembourse jamais » » reports someone else's words. */
const own = (ctx: RuleContext, m: NormalizedMatch) => !isQuotedOrReported(ctx, m.start, m.end);
const ownWords = { keep: own };

export const requestRules: readonly Rule[] = [
  phraseRule(
    {
      id: 'request.refund',
      severity: 1,
      message: { fr: 'Le client demande un remboursement.', en: 'The client asks for a refund.' },
      note: {
        fr: 'Reformulez la demande, vérifiez les faits, puis dites honnêtement ce qui est possible et dans quel délai : ne promettez pas un remboursement que vous ne pouvez pas garantir.',
        en: 'Restate the request, check the facts, then say honestly what is possible and by when: do not promise a refund you cannot guarantee.',
      },
    },
    FILES,
    ownWords,
  ),
  phraseRule(
    {
      id: 'request.discount',
      severity: 1,
      message: {
        fr: 'Le client demande une réduction, un geste ou une compensation.',
        en: 'The client asks for a price cut, a gesture or compensation.',
      },
      note: {
        fr: "Séparez le problème de la contrepartie : reconnaissez ce qui n'a pas été à la hauteur, puis proposez ce que vous pouvez réellement accorder, sans céder sous la pression.",
        en: 'Keep the problem apart from the concession: acknowledge what fell short, then offer what you can really grant, without giving in to pressure.',
      },
    },
    FILES,
    ownWords,
  ),
  phraseRule(
    {
      id: 'request.redo',
      severity: 1,
      message: {
        fr: 'Le client demande de corriger, réparer, refaire ou remplacer ce qui a été livré.',
        en: 'The client asks for the delivered work to be corrected, repaired, redone or replaced.',
      },
      note: {
        fr: "Faites préciser ce qui ne va pas (exemples, version annotée), comparez au cahier des charges, puis convenez d'une reprise datée.",
        en: 'Ask for specifics (examples, an annotated version), compare with the agreed specification, then agree on a dated fix.',
      },
    },
    FILES,
    ownWords,
  ),
  phraseRule(
    {
      id: 'request.cancel',
      severity: 1,
      message: {
        fr: 'Le client résilie, annule ou menace de partir.',
        en: 'The client cancels, or threatens to leave.',
      },
      note: {
        fr: "Une résiliation annoncée n'est pas toujours une décision : écoutez la raison, traitez le problème de fond, et si c'est un moyen de pression, remettez les conditions convenues sur la table.",
        en: 'A cancellation announced is not always a decision: hear the reason, deal with the underlying problem, and if it is leverage, put the agreed terms back on the table.',
      },
    },
    FILES,
    // « je ne veux pas résilier, juste changer d'offre » is not a cancellation; a match that opens
    // with its own subject (« if it isn't fixed I'm cancelling ») is a new clause the negation before it cannot reach
    { keep: (ctx, m) => own(ctx, m) && (OWN_SUBJECT.test(m.text) || !isNegated(ctx, m.start)) },
  ),
  phraseRule(
    {
      id: 'request.manager',
      severity: 1,
      message: {
        fr: 'Le client demande un responsable ou un autre interlocuteur.',
        en: 'The client asks for a manager or someone else.',
      },
      note: {
        fr: "Ce n'est pas un échec : proposez de faire le point vous-même d'abord, et si le client insiste ou si la situation dérape, passez le relais à votre responsable, qui vous soutient devant le client.",
        en: 'It is not a failure: offer to take stock yourself first, and if the client insists or things escalate, hand over to your supervisor, who backs you in front of the client.',
      },
    },
    FILES,
    ownWords,
  ),
];
