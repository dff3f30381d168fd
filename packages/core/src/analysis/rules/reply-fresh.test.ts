/**
 * reply.* and risk.* on a second set of fresh agent replies (written for these tests, not from the
 * dev corpus or any evaluation set): chat, e-mails with greeting and signature, phone notes,
 * « vous » and « tu », good, mediocre and bad, some with no signal. Each row lists the COMPLETE
 * set of agent ids, so a row fails on a miss as well as on a false alarm.
 * Conventions: a restatement asked as a question is also a clarifying question; a remedy after a
 * promise in its sentence is only the overpromise; a request for information is a question.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';

type Row = readonly [text: string, ids: readonly string[]];

const ids = (text: string, lang: Lang) =>
  [...new Set(analyze(text, { role: 'agent', lang }).findings.map((f) => f.id))].sort();

const FR: readonly Row[] = [
  [
    "Bonjour Monsieur Garnier, merci pour votre message. Je suis navrée pour ce colis abîmé. Je vous fais renvoyer un article neuf aujourd'hui, il arrivera d'ici vendredi. Bien cordialement, Léa – Service client",
    ['reply.thanks', 'reply.apology', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'Je comprends que ce soit pénible. Pouvez-vous me donner le numéro de votre commande ?',
    ['reply.empathy', 'reply.clarifying_question'],
  ],
  ['Si je comprends bien, la facture de mars a été payée deux fois ?', ['reply.reformulation']],
  ["Le retard vient d'une panne sur notre ligne de production.", ['reply.explanation']],
  [
    "C'est la révision annuelle des tarifs qui explique cette hausse sur votre facture.",
    ['reply.explanation'],
  ],
  ['Je ne peux pas continuer cette conversation si vous me parlez sur ce ton.', ['reply.boundary']],
  ["Je n'accepte pas les remarques sur ma couleur de peau.", ['reply.boundary']],
  ["Désolé, mais c'est la procédure, je n'y peux rien.", ['risk.defensive']],
  ["C'est de votre faute, vous n'aviez qu'à lire les conditions.", ['risk.blame']],
  ["Je vous promets que ce sera réglé dans l'heure, c'est garanti.", ['risk.overpromise']],
  ["Calmez-vous, ce n'est quand même pas si grave.", ['risk.dismissive']],
  ['VOUS NE COMPRENEZ RIEN À RIEN !', ['risk.aggression', 'risk.shouting']],
  ['Bonjour, je reviens vers vous au sujet de votre dossier.', []],
  [
    'Je te propose un remboursement complet, tu le recevras sous 5 jours ouvrés.',
    ['reply.solution', 'reply.next_steps'],
  ],
  [
    'Nous allons trouver une solution ensemble : je peux vous proposer un avoir de 30 €.',
    ['reply.we_language', 'reply.solution'],
  ],
  ['Est-ce que cela vous convient si je vous rappelle demain à 10 h ?', ['reply.next_steps']],
  ["J'imagine combien cette attente a dû être stressante pour vous.", ['reply.empathy']],
  ['Toutes mes excuses pour ce contretemps.', ['reply.apology']],
  ['Merci beaucoup pour votre patience.', ['reply.thanks']],
  ['Cette coupure est due à des travaux sur le réseau de votre quartier.', ['reply.explanation']],
  [
    'Le prélèvement a échoué parce que votre carte avait expiré ; je vous envoie un nouveau lien de paiement.',
    ['reply.explanation', 'reply.solution'],
  ],
  ['Je peux vous envoyer un bon de retour prépayé.', ['reply.solution']],
  ['Je vais demander à un technicien de repasser chez vous.', ['reply.solution']],
  [
    "Je m'occupe de relancer le transporteur et je reviens vers vous avant 17 h.",
    ['reply.solution', 'reply.next_steps'],
  ],
  [
    'Si je résume, votre box ne fonctionne plus depuis lundi et personne ne vous a rappelé.',
    ['reply.reformulation'],
  ],
  ["Vous me dites donc que le livreur n'a jamais sonné.", ['reply.reformulation']],
  ['Pourriez-vous me préciser la date de votre dernier paiement ?', ['reply.clarifying_question']],
  ['À quelle adresse souhaitez-vous recevoir le remplacement ?', ['reply.clarifying_question']],
  ["Je vous demande de rester courtois, sinon je devrai mettre fin à l'appel.", ['reply.boundary']],
  ['Si les insultes continuent, je passerai le relais à ma responsable.', ['reply.boundary']],
  ["Ce n'est pas mon service, je ne peux rien faire pour vous.", ['risk.defensive']],
  ["Je ne fais qu'appliquer les règles.", ['risk.defensive']],
  ['Vous auriez dû vérifier votre adresse avant de valider.', ['risk.blame']],
  ["Ne vous inquiétez pas, ça n'arrivera plus jamais.", ['risk.overpromise']],
  ["Ce n'est qu'un petit retard, pas de quoi en faire un drame.", ['risk.dismissive']],
  ['Vous êtes vraiment pénible, vous savez.', ['risk.aggression']],
  ["JE VOUS AI DÉJÀ DIT QUE C'ÉTAIT IMPOSSIBLE.", ['risk.shouting']],
  ['Je suis vraiment désolé, je comprends votre agacement.', ['reply.empathy', 'reply.apology']],
  ["Regardons ensemble ce qui s'est passé sur votre compte.", ['reply.we_language']],
  [
    'Un technicien passera jeudi entre 14 h et 16 h pour remplacer le compteur.',
    ['reply.solution', 'reply.next_steps'],
  ],
  ["Merci de m'avoir prévenu aussi vite.", ['reply.thanks']],
  ["Merci de m'indiquer votre numéro client.", ['reply.clarifying_question']],
  ['Bonne journée.', []],
  ['Je vois bien que la situation vous inquiète.', ['reply.empathy']],
  ["Qu'est-ce qui vous aiderait le plus aujourd'hui ?", ['reply.clarifying_question']],
  [
    'Travaillons ensemble là-dessus : quelle serait la meilleure issue pour vous ?',
    ['reply.we_language', 'reply.clarifying_question'],
  ],
  ["Je vous tiens informée d'ici mercredi midi.", ['reply.next_steps']],
  ['Je vous rembourse les frais de livraison.', ['reply.solution']],
  ['On peut vous proposer un échange contre le modèle supérieur.', ['reply.solution']],
  ["Votre commande a été bloquée car l'adresse de facturation ne correspondait pas.", ['reply.explanation']],
  ["Je ne tolérerai pas d'être insultée.", ['reply.boundary']],
  ["Je ne suis pas responsable de ce qui s'est passé.", ['risk.defensive']],
  ['Bon, on ne va pas y passer la journée.', ['risk.dismissive']],
  [
    "Bonjour Camille, merci de ton message. Je comprends que tu sois déçue. Je t'envoie un nouveau code d'accès ce soir. Belle soirée, Hugo",
    ['reply.thanks', 'reply.empathy', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'Nous vous présentons nos excuses : la coupure est liée à une intervention sur le réseau.',
    ['reply.apology', 'reply.explanation'],
  ],
  ["Tu peux m'envoyer une capture d'écran du message d'erreur ?", ['reply.clarifying_question']],
  ['Pour résumer, la machine affiche une erreur E4 depuis la mise à jour.', ['reply.reformulation']],
  ["Si j'ai bien compris, tu n'as toujours pas reçu ton remboursement ?", ['reply.reformulation']],
  ["Cherchons ensemble d'où vient le problème.", ['reply.we_language']],
  ['Je vous recontacte vendredi avant midi pour faire le point.', ['reply.next_steps']],
  ['Je vous prie de ne plus employer ce vocabulaire avec moi.', ['reply.boundary']],
  ['Si vous continuez à crier, je vais devoir raccrocher.', ['reply.boundary']],
  ["Ce n'est pas à moi de gérer ça.", ['risk.defensive']],
  ['Si vous aviez lu le mail, vous auriez su.', ['risk.blame']],
  ['Je vous garantis que le colis arrivera demain sans faute.', ['risk.overpromise']],
  ['Vous exagérez un peu, non ?', ['risk.dismissive']],
  ['Franchement, vous êtes insupportable.', ['risk.aggression']],
  ["C'EST LA DERNIÈRE FOIS QUE JE VOUS LE DIS.", ['risk.shouting']],
  ['Je transmets votre message au service concerné.', []],
  ["Je me mets à votre place, c'est vraiment contrariant.", ['reply.empathy']],
  ["Merci d'avoir pris le temps de nous écrire.", ['reply.thanks']],
  ['Le supplément correspond aux frais de mise en service.', ['reply.explanation']],
  ["Je vous rembourse la différence dès aujourd'hui.", ['reply.solution', 'reply.next_steps']],
  ['Depuis quand le voyant clignote-t-il ?', ['reply.clarifying_question']],
  ['Je suis désolée pour cette attente.', ['reply.apology']],
  ['Je peux vous faire livrer une nouvelle table lundi matin.', ['reply.solution', 'reply.next_steps']],
  ['Madame, Monsieur, veuillez trouver ci-joint votre facture. Cordialement, le service comptabilité', []],
  ["L'augmentation vient du passage à la nouvelle grille tarifaire.", ['reply.explanation']],
  ["Nous pouvons prolonger votre abonnement d'un mois sans frais.", ['reply.solution']],
  ["Qu'est-ce qui vous ferait plaisir comme geste ?", ['reply.clarifying_question']],
];

const EN: readonly Row[] = [
  [
    "Hi Mr Patel, thanks for getting in touch. I'm sorry the parcel arrived damaged. I'm sending a replacement today and it should reach you by Friday. Kind regards, Emma – Customer Care",
    ['reply.thanks', 'reply.apology', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'I understand how frustrating this is. Could you send me your order number?',
    ['reply.empathy', 'reply.clarifying_question'],
  ],
  ['If I understand correctly, you were charged twice in March?', ['reply.reformulation']],
  ['The delay comes from a breakdown at our warehouse.', ['reply.explanation']],
  ["It's the annual price adjustment that raised your bill this month.", ['reply.explanation']],
  ["I can't continue this call if you keep swearing at me.", ['reply.boundary']],
  ["I won't accept comments about my accent.", ['reply.boundary']],
  ["Sorry, but that's the policy, there's nothing I can do.", ['risk.defensive']],
  ["That's your fault, you should have read the terms.", ['risk.blame']],
  ['I promise it will be fixed within the hour, guaranteed.', ['risk.overpromise']],
  ["Calm down, it's really not a big deal.", ['risk.dismissive']],
  ["YOU DON'T LISTEN TO ANYTHING!", ['risk.aggression', 'risk.shouting']],
  ["Hello, I'm following up on your file.", []],
  ["I'll refund you in full, you'll see it within 5 working days.", ['reply.solution', 'reply.next_steps']],
  ["Let's sort this out together: I can offer you a £30 credit.", ['reply.we_language', 'reply.solution']],
  ["Which day would suit you for the engineer's visit?", ['reply.clarifying_question']],
  ['Would it be OK if I called you back tomorrow at 10am?', ['reply.next_steps']],
  ['I can imagine how stressful this wait has been.', ['reply.empathy']],
  ['My apologies for the inconvenience.', ['reply.apology']],
  ['Thank you for your patience.', ['reply.thanks']],
  ['The outage is due to roadworks in your area.', ['reply.explanation']],
  [
    "The payment failed because your card had expired; I'm sending you a new payment link.",
    ['reply.explanation', 'reply.solution'],
  ],
  ['Here is what I suggest: we swap the unit for a new one.', ['reply.solution']],
  ['I can have the replacement shipped by Thursday.', ['reply.solution', 'reply.next_steps']],
  ["I'll chase the courier and get back to you before 5pm.", ['reply.solution', 'reply.next_steps']],
  [
    'So, to sum up, your router stopped working on Monday and nobody called you back.',
    ['reply.reformulation'],
  ],
  ["So you're saying the driver never rang the bell.", ['reply.reformulation']],
  ['Could you tell me the date of your last payment?', ['reply.clarifying_question']],
  ['What address would you like the replacement sent to?', ['reply.clarifying_question']],
  ['Please keep this respectful, otherwise I will have to end the call.', ['reply.boundary']],
  ["If the insults continue, I'll hand you over to my manager.", ['reply.boundary']],
  ["That's not my department, I can't help you.", ['risk.defensive']],
  ["I'm just following the rules.", ['risk.defensive']],
  ['You should have checked your address before ordering.', ['risk.blame']],
  ["Don't worry, this will never happen again.", ['risk.overpromise']],
  ["It's only a small delay, no need to make a fuss.", ['risk.dismissive']],
  ["You're being really ridiculous.", ['risk.aggression']],
  ['I ALREADY TOLD YOU THAT IT IS IMPOSSIBLE.', ['risk.shouting']],
  ["I'm really sorry, I completely understand your annoyance.", ['reply.empathy', 'reply.apology']],
  ["Let's look at what happened on your account together.", ['reply.we_language']],
  [
    'An engineer will come on Thursday between 2 and 4pm to replace the meter.',
    ['reply.solution', 'reply.next_steps'],
  ],
  ['Thanks for letting me know so quickly.', ['reply.thanks']],
  ['Please send me your customer number.', ['reply.clarifying_question']],
  ['Have a nice day.', []],
  ['I can see this situation is worrying you.', ['reply.empathy']],
  ['What would help you most today?', ['reply.clarifying_question']],
  [
    "Let's work on this together: what would be the best outcome for you?",
    ['reply.we_language', 'reply.clarifying_question'],
  ],
  ["I'll keep you updated by Wednesday noon.", ['reply.next_steps']],
  ["I'll refund the delivery charges.", ['reply.solution']],
  ['We can offer you an exchange for the upgraded model.', ['reply.solution']],
  ["Your order was held because the billing address didn't match.", ['reply.explanation']],
  ['I will not tolerate being insulted.', ['reply.boundary']],
  ["I'm not responsible for what happened.", ['risk.defensive']],
  ["Well, we're not going to spend all day on this.", ['risk.dismissive']],
  ["I can't accept remarks about where I come from.", ['reply.boundary']],
  ['I can arrange a technician visit for you.', ['reply.solution']],
  [
    "Hi Sam, thanks for your message. I understand you're disappointed. I'll send you a new access code tonight. Best, Hugo",
    ['reply.thanks', 'reply.empathy', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'We apologise: the outage is linked to maintenance work on the network.',
    ['reply.apology', 'reply.explanation'],
  ],
  ['Can you send me a screenshot of the error message?', ['reply.clarifying_question']],
  ['To sum up, the machine has shown error E4 since the update.', ['reply.reformulation']],
  ["If I've understood you right, you still haven't received your refund?", ['reply.reformulation']],
  ["Let's figure out together where the problem comes from.", ['reply.we_language']],
  ["I'll get back to you on Friday before noon to review things.", ['reply.next_steps']],
  ["Please don't use that kind of language with me.", ['reply.boundary']],
  ["If you keep shouting, I'll have to end the call.", ['reply.boundary']],
  ["It's not my job to deal with that.", ['risk.defensive']],
  ['If you had read the email, you would have known.', ['risk.blame']],
  ['I guarantee the parcel will arrive tomorrow without fail.', ['risk.overpromise']],
  ["Aren't you exaggerating a bit?", ['risk.dismissive']],
  ["Honestly, you're unbearable.", ['risk.aggression']],
  ['THIS IS THE LAST TIME I TELL YOU.', ['risk.shouting']],
  ["I'm passing your message on to the relevant department.", []],
  ['I can only imagine how upsetting this is.', ['reply.empathy']],
  ['Thank you for taking the time to write to us.', ['reply.thanks']],
  ["I'm refunding the difference today.", ['reply.solution', 'reply.next_steps']],
  ['How long has the light been flashing?', ['reply.clarifying_question']],
  ["I'm sorry for the wait.", ['reply.apology']],
  ['I can get a new table delivered to you on Monday morning.', ['reply.solution', 'reply.next_steps']],
  ['Dear Sir or Madam, please find your invoice attached. Regards, Accounts', []],
  ['The increase is because of the move to the new price list.', ['reply.explanation']],
  ['We can extend your subscription by a month at no cost.', ['reply.solution']],
  ['What kind of gesture would make this right for you?', ['reply.clarifying_question']],
];

for (const [lang, rows] of [
  ['fr', FR],
  ['en', EN],
] as const) {
  describe(`agent replies, fresh set — ${lang}`, () => {
    for (const [text, expected] of rows) {
      it(`${expected.join(', ') || 'no signal'} ← ${text.slice(0, 60)}`, () => {
        assert.deepEqual(ids(text, lang), [...expected].sort());
      });
    }
  });
}
