/**
 * reply.* on agent replies, table-driven, French and English: fresh replies written for these
 * tests (not from the dev corpus), good, mediocre and bad, across sectors, « vous » and « tu ».
 * Each row lists the COMPLETE set of agent ids expected (qualities and risks), so a row fails on
 * a missed signal as well as on a false alarm.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';

interface Row {
  readonly text: string;
  readonly ids: readonly string[];
}

const ids = (text: string, lang: Lang) =>
  [...new Set(analyze(text, { role: 'agent', lang }).findings.map((f) => f.id))].sort();

export const FR_REPLIES: readonly Row[] = [
  {
    text: 'Bonjour Julien, merci pour ton message. Je comprends que tu sois agacé. Je te renvoie le fichier de configuration ce soir, ça te va ?',
    ids: ['reply.thanks', 'reply.empathy', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: "Je suis navré que votre table n'ait pas été prête à l'heure samedi. Je vous offre le dessert et le café lors de votre prochaine visite.",
    ids: ['reply.apology', 'reply.solution'],
  },
  {
    text: 'Pour être certain de bien comprendre : la porte du garage ne se ferme plus depuis la révision de mardi ?',
    ids: ['reply.reformulation'],
  },
  {
    text: 'Pouvez-vous me préciser la référence du produit et la date d’achat ?',
    ids: ['reply.clarifying_question'],
  },
  {
    text: "Nous regrettons sincèrement cette erreur de facturation. Elle vient d'un doublon dans notre logiciel. Le trop-perçu vous sera remboursé sous 48 h.",
    ids: ['reply.apology', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: "Voyons ensemble ce qui peut être fait : je peux vous proposer un échange contre un modèle équivalent. Qu'en dites-vous ?",
    ids: ['reply.we_language', 'reply.solution', 'reply.next_steps'],
  },
  { text: 'Votre réclamation a bien été enregistrée.', ids: [] },
  {
    text: "Je comprends, c'est très frustrant d'attendre un colis aussi longtemps. Il est bloqué au dépôt en raison d'une erreur d'étiquetage ; je le fais réexpédier aujourd'hui.",
    ids: ['reply.empathy', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  },
  { text: "Merci de m'envoyer une copie de votre pièce d'identité.", ids: ['reply.clarifying_question'] },
  {
    text: 'Je vous remercie de votre confiance. Le technicien passera vendredi entre 14 h et 16 h pour remplacer le joint.',
    ids: ['reply.thanks', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: 'Si les insultes continuent, je vais devoir raccrocher et transmettre votre dossier à mon responsable.',
    ids: ['reply.boundary'],
  },
  { text: 'Nous allons faire au mieux.', ids: [] },
  {
    text: 'Je suis vraiment désolé pour cette attente au téléphone, je sais combien c’est pénible.',
    ids: ['reply.apology', 'reply.empathy'],
  },
  { text: 'Bonjour, votre commande n° 4587 a été expédiée hier.', ids: [] },
  {
    text: "Je te propose qu'on fasse le point ensemble demain à 9 h, ça te convient ?",
    ids: ['reply.we_language', 'reply.next_steps'],
  },
  {
    text: "Il s'agit d'une panne chez notre hébergeur ; le service devrait être rétabli d'ici 18 h.",
    ids: ['reply.explanation', 'reply.next_steps'],
  },
  {
    text: 'Je prends note de votre demande d’annulation, mon collègue vous rappellera lundi matin.',
    ids: ['reply.next_steps'],
  },
  {
    text: 'Désolé pour le retard, on vous rembourse les frais de livraison.',
    ids: ['reply.apology', 'reply.solution'],
  },
  {
    text: 'Je vous demande de rester poli, s’il vous plaît. Je comprends votre colère et je veux trouver une solution avec vous.',
    ids: ['reply.boundary', 'reply.empathy'],
  },
  {
    text: "Merci d'avoir patienté. Si j'ai bien compris, l'appareil s'éteint tout seul après dix minutes ? Avez-vous essayé un autre câble ?",
    ids: ['reply.thanks', 'reply.reformulation', 'reply.clarifying_question'],
  },
  {
    text: 'Je comprends votre inquiétude pour le déménagement. Je vous réserve un second camion pour jeudi 8 h, sans frais.',
    ids: ['reply.empathy', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: 'Nous avons bien reçu vos photos. Nous remplaçons votre canapé, livraison prévue le 12 mai.',
    ids: ['reply.solution', 'reply.next_steps'],
  },
  {
    text: "Le devis accepté en janvier couvre la peinture du salon ; la cuisine n'en fait pas partie. Je peux vous chiffrer cette pièce d'ici lundi si vous le souhaitez.",
    ids: ['reply.explanation', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: 'Je vois que vous êtes dans une situation compliquée avec ce prélèvement. Regardons ensemble votre échéancier.',
    ids: ['reply.empathy', 'reply.we_language'],
  },
  {
    text: 'Ce genre de propos n’est pas acceptable. Revenons à votre réservation, s’il vous plaît.',
    ids: ['reply.boundary'],
  },
  {
    text: "Toutes mes excuses, c'est un oubli de ma part : votre attestation n'était pas jointe. Je vous l'envoie à l'instant.",
    ids: ['reply.apology', 'reply.explanation', 'reply.solution'],
  },
  {
    text: "Vous me dites donc que le chauffe-eau fuit depuis ce matin, c'est bien cela ? Quel est le numéro inscrit sur l'étiquette ?",
    ids: ['reply.reformulation', 'reply.clarifying_question'],
  },
  {
    text: 'Votre colère est légitime. Nous vous accordons un avoir de 30 € et je vous rappelle mercredi pour faire le point.',
    ids: ['reply.empathy', 'reply.solution', 'reply.next_steps'],
  },
  { text: 'Je transmets votre demande à la comptabilité.', ids: [] },
  {
    text: "Je suis désolée, mais je ne peux pas modifier une commande déjà partie. En revanche je peux créer l'étiquette de retour.",
    ids: ['reply.apology', 'reply.solution'],
  },
];

export const EN_REPLIES: readonly Row[] = [
  {
    text: "Thanks so much for flagging this, Priya. I can see why the missing invoice is a worry before your audit. I'll send you a corrected copy by 3pm today, does that work?",
    ids: ['reply.thanks', 'reply.empathy', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: "I'm sorry the room wasn't ready when you arrived. We've upgraded you to a suite at no extra cost.",
    ids: ['reply.apology', 'reply.solution'],
  },
  {
    text: "Just to make sure I've got this right: the app crashes every time you open the camera?",
    ids: ['reply.reformulation'],
  },
  {
    text: 'Could you let me know the serial number on the back of the device?',
    ids: ['reply.clarifying_question'],
  },
  {
    text: 'We apologise for the billing error. It was caused by a duplicate payment in our system, and the extra charge will be refunded within 3 working days.',
    ids: ['reply.apology', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: 'Let’s work through this together: I can offer you a replacement or a full refund. Which would you prefer?',
    ids: ['reply.we_language', 'reply.solution', 'reply.next_steps'],
  },
  { text: 'Your ticket has been logged.', ids: [] },
  {
    text: "I completely understand how frustrating it is to wait this long. The parcel is held at the depot because of a labelling error; I'm arranging redelivery for tomorrow.",
    ids: ['reply.empathy', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  },
  { text: 'Please send me a copy of the delivery note.', ids: ['reply.clarifying_question'] },
  {
    text: 'Thank you for your patience. The technician will come on Friday between 2 and 4pm to replace the seal.',
    ids: ['reply.thanks', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: 'If the insults continue, I will end this call and pass your file to my manager.',
    ids: ['reply.boundary'],
  },
  { text: "We'll do our best.", ids: [] },
  {
    text: "I'm really sorry about the wait on the phone, I know how annoying that is.",
    ids: ['reply.apology', 'reply.empathy'],
  },
  { text: 'Your order was shipped yesterday.', ids: [] },
  {
    text: 'How about we go over it together tomorrow at 9, would that suit you?',
    ids: ['reply.we_language', 'reply.next_steps'],
  },
  {
    text: "There's an outage at our hosting provider, and service should be back by 6pm.",
    ids: ['reply.explanation', 'reply.next_steps'],
  },
  {
    text: "I've noted your cancellation request; my colleague will call you back on Monday morning.",
    ids: ['reply.next_steps'],
  },
  {
    text: "Sorry for the delay, we'll refund the delivery charge.",
    ids: ['reply.apology', 'reply.solution'],
  },
  {
    text: "Please keep this civil. I understand you're angry and I want to fix this with you.",
    ids: ['reply.boundary', 'reply.empathy'],
  },
  {
    text: 'Thanks for bearing with me. If I understand correctly, the heater switches off after ten minutes? Have you tried resetting the thermostat?',
    ids: ['reply.thanks', 'reply.reformulation', 'reply.clarifying_question'],
  },
  {
    text: "That sounds really stressful with the move coming up. I've booked a second van for Thursday at 8am at no cost.",
    ids: ['reply.empathy', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: 'Your plan covers repairs to the boiler; the radiators are not included in it. I can quote for them by Monday if you like.',
    ids: ['reply.explanation', 'reply.solution', 'reply.next_steps'],
  },
  {
    text: "Remarks like that are not acceptable. Let's get back to your booking, please.",
    ids: ['reply.boundary', 'reply.we_language'],
  },
  {
    text: 'My apologies, that was an oversight on my part: your certificate was not attached. I have just sent it to you.',
    ids: ['reply.apology', 'reply.explanation', 'reply.solution'],
  },
  {
    text: 'So the water heater has been leaking since this morning, is that right? What is the number on the label?',
    ids: ['reply.reformulation', 'reply.clarifying_question'],
  },
  { text: "I'm passing your request on to accounts.", ids: [] },
  {
    text: "Sorry, but I can't change an order that has already left. What I can do is create a return label for you.",
    ids: ['reply.apology', 'reply.solution'],
  },
];

describe('reply.* — French replies', () => {
  for (const row of FR_REPLIES) {
    it(`${row.ids.join(', ') || 'nothing'} ← ${row.text.slice(0, 60)}`, () => {
      assert.deepEqual(ids(row.text, 'fr'), [...row.ids].sort());
    });
  }
});

describe('reply.* — English replies', () => {
  for (const row of EN_REPLIES) {
    it(`${row.ids.join(', ') || 'nothing'} ← ${row.text.slice(0, 60)}`, () => {
      assert.deepEqual(ids(row.text, 'en'), [...row.ids].sort());
    });
  }
});

/** A second set of fresh replies, mixing qualities and risks (paraphrases, « tu », other sectors). */
const MORE: readonly [Lang, string, readonly string[]][] = [
  ['fr', 'Je vous remercie pour votre retour constructif.', ['reply.thanks']],
  ['fr', 'Merci à vous de nous avoir alertés.', ['reply.thanks']],
  ['fr', 'Je suis sincèrement peiné par ce que vous avez vécu.', ['reply.apology']],
  ['fr', 'Je comprends bien que ce soit décourageant.', ['reply.empathy']],
  ['fr', 'Ce doit être épuisant de devoir rappeler sans cesse.', ['reply.empathy']],
  ['fr', 'Vous avez dû vous sentir bien seule face à ce problème.', ['reply.empathy']],
  ['fr', 'Pardonnez-nous pour ce contretemps.', ['reply.apology']],
  ['fr', 'Nous vous devons des excuses.', ['reply.apology']],
  ['fr', "Pourriez-vous m'en dire un peu plus sur ce qui s'est passé ?", ['reply.clarifying_question']],
  ['fr', 'À quel moment avez-vous remarqué la panne ?', ['reply.clarifying_question']],
  ['fr', "Si je vous entends bien, vous n'avez jamais reçu le code ?", ['reply.reformulation']],
  ['fr', "Autrement dit, la commande est partie mais n'est jamais arrivée ?", ['reply.reformulation']],
  ['fr', 'Main dans la main, on va y arriver.', ['reply.we_language']],
  ['fr', 'Unissons nos efforts pour régler ce dossier.', ['reply.we_language']],
  ['fr', 'Je ne tolère aucune menace.', ['reply.boundary']],
  [
    'fr',
    'Merci de garder un ton correct, sans quoi je devrai interrompre la conversation.',
    ['reply.boundary'],
  ],
  ['fr', 'Je vous prie de modérer vos propos.', ['reply.boundary']],
  ['en', 'Thank you kindly for your feedback.', ['reply.thanks']],
  ['en', 'Cheers for letting me know.', ['reply.thanks']],
  ['en', 'I really feel for you.', ['reply.empathy']],
  ['en', "That can't have been easy.", ['reply.empathy']],
  ['en', 'Please forgive the delay.', ['reply.apology']],
  ['en', 'We owe you an apology.', ['reply.apology']],
  ['en', 'Could you tell me a bit more about what happened?', ['reply.clarifying_question']],
  ['en', 'Which day did the fault start?', ['reply.clarifying_question']],
  ['en', "If I'm hearing you right, the code never arrived?", ['reply.reformulation']],
  ['en', "Let's tackle this together.", ['reply.we_language']],
  ['en', 'Please mind your language.', ['reply.boundary']],
  ['en', "I'm not prepared to accept threats.", ['reply.boundary']],
  [
    'fr',
    "Merci infiniment d'avoir pris le temps de nous écrire, vos remarques vont nous aider.",
    ['reply.thanks'],
  ],
  ['fr', 'Je mesure à quel point cette situation est pénible pour vous.', ['reply.empathy']],
  ['fr', 'Nous sommes sincèrement navrés de ce contretemps.', ['reply.apology']],
  ['fr', "Je tiens à m'excuser pour la gêne occasionnée.", ['reply.apology']],
  [
    'fr',
    'Afin de traiter votre demande, pourriez-vous me communiquer votre numéro client ?',
    ['reply.clarifying_question'],
  ],
  ['fr', "Auriez-vous une photo de l'étiquette du colis ?", ['reply.clarifying_question']],
  ['fr', 'Quand le problème est-il apparu pour la première fois ?', ['reply.clarifying_question']],
  ['fr', 'Si je vous suis bien, la facture de mars a été payée deux fois ?', ['reply.reformulation']],
  ['fr', 'Travaillons ensemble pour trouver une issue.', ['reply.we_language']],
  ['fr', 'Le retard s’explique par une panne de notre chaîne de production.', ['reply.explanation']],
  [
    'fr',
    "Pour être transparent avec vous, l'erreur vient de notre service de préparation.",
    ['reply.explanation'],
  ],
  [
    'fr',
    "Je vous fais parvenir un bon d'achat de 20 € dès aujourd'hui.",
    ['reply.solution', 'reply.next_steps'],
  ],
  ['fr', 'Nous procédons au remboursement intégral de votre commande.', ['reply.solution']],
  ['fr', "Un conseiller vous recontactera d'ici 48 heures.", ['reply.next_steps']],
  ['fr', 'Êtes-vous disponible jeudi à 10 h pour un appel ?', ['reply.next_steps']],
  ['fr', "Écoutez, je n'ai pas inventé la règle.", ['risk.defensive']],
  ['fr', "Ce n'est pas moi qui m'occupe de ça, voyez avec le service client.", ['risk.defensive']],
  ['fr', "Il fallait lire les petites lignes, c'est marqué noir sur blanc.", ['risk.blame']],
  ['fr', 'Vous vous êtes trompé de référence en commandant.', ['risk.blame']],
  ['fr', "C'est vraiment pas compliqué pourtant, il suffit de cliquer sur le bouton.", ['risk.aggression']],
  ['fr', 'Vous me prenez pour qui ?', ['risk.aggression']],
  ['fr', "Je vous assure que tout sera réglé demain, c'est garanti.", ['risk.overpromise']],
  ['fr', "Respirez un bon coup, ce n'est qu'une petite facture.", ['risk.dismissive']],
  [
    'fr',
    "Monsieur, je ne tolérerai pas d'être insultée. Reprenons calmement.",
    ['reply.boundary', 'reply.we_language'],
  ],
  [
    'fr',
    'Je comprends que ce soit frustrant, cependant votre contrat ne prévoit pas cette prise en charge.',
    ['reply.empathy', 'reply.explanation'],
  ],
  [
    'fr',
    "Merci pour ces précisions. Je relance le transporteur aujourd'hui et je reviens vers vous avant vendredi.",
    ['reply.thanks', 'reply.solution', 'reply.next_steps'],
  ],
  ['fr', 'Tout à fait, je vous envoie le formulaire de rétractation par courriel.', ['reply.solution']],
  ['fr', 'Vous avez tout à fait raison, et je vous prie de bien vouloir nous excuser.', ['reply.apology']],
  ['fr', 'Désolé, je ne peux pas vous en dire plus.', ['reply.apology']],
  ['fr', 'Bien reçu, merci ! Je regarde ça et je vous tiens au courant.', ['reply.thanks']],
  [
    'fr',
    'Tu as raison de me le signaler, je suis désolé. Je te renvoie la bonne version ce soir.',
    ['reply.apology', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'fr',
    'Je comprends ta déception. On regarde ensemble ce qui cloche ?',
    ['reply.empathy', 'reply.we_language'],
  ],
  ['fr', 'Franchement, tu en fais tout un plat pour rien.', ['risk.dismissive']],
  ['fr', "T'aurais dû me prévenir avant.", ['risk.blame']],
  ['en', 'Many thanks for getting back to me so quickly.', ['reply.thanks']],
  ['en', 'I can only imagine how disruptive this has been for your team.', ['reply.empathy']],
  ['en', "We're truly sorry for the mix-up.", ['reply.apology']],
  ['en', "I'd like to apologise for the confusion.", ['reply.apology']],
  ['en', 'Could you confirm the postcode on the account?', ['reply.clarifying_question']],
  ['en', 'Do you have the order number to hand?', ['reply.clarifying_question']],
  ['en', 'When did you first notice the leak?', ['reply.clarifying_question']],
  ['en', 'So, to recap, you were charged twice in March?', ['reply.reformulation']],
  ['en', "Let's figure this out together.", ['reply.we_language']],
  ['en', 'The outage was down to a power cut at our data centre.', ['reply.explanation']],
  ['en', "I'll issue you a £20 voucher today.", ['reply.solution', 'reply.next_steps']],
  ['en', "We're processing a full refund for your order.", ['reply.solution']],
  ['en', 'A colleague from billing will get back to you within 48 hours.', ['reply.next_steps']],
  ['en', 'Are you free on Thursday at 10 for a quick call?', ['reply.next_steps']],
  ['en', "I didn't make the rules, I'm afraid.", ['risk.defensive']],
  ['en', 'You were supposed to read the instructions first.', ['risk.blame']],
  ['en', "It's really not complicated, you just click the button.", ['risk.aggression']],
  ['en', 'Who do you think you are?', ['risk.aggression']],
  ['en', "I assure you it'll all be sorted tomorrow, guaranteed.", ['risk.overpromise']],
  ['en', "Take a deep breath, it's only an invoice.", ['risk.dismissive']],
  [
    'en',
    "I won't be spoken to like that. Let's start again calmly.",
    ['reply.boundary', 'reply.we_language'],
  ],
  [
    'en',
    "Thanks for the details. I'm chasing the courier today and will update you by Friday.",
    ['reply.thanks', 'reply.solution', 'reply.next_steps'],
  ],
  ['en', "You're absolutely right, and please accept our apologies.", ['reply.apology']],
  ['en', 'Got it, thanks!', ['reply.thanks']],
  [
    'en',
    "I understand your frustration, however your contract doesn't cover accidental damage.",
    ['reply.empathy', 'reply.explanation'],
  ],
];

describe('reply.* and risk.* — paraphrases', () => {
  for (const [lang, text, expected] of MORE) {
    it(`${lang}: ${expected.join(', ')} ← ${text.slice(0, 60)}`, () => {
      assert.deepEqual(ids(text, lang), [...expected].sort());
    });
  }
});

/** Precision: routine replies, refusals of a return or a cheque (not a boundary), past facts. */
const ROUTINE: readonly [Lang, string, readonly string[]][] = [
  ['fr', 'Je comprends tout à fait.', ['reply.empathy']],
  ['fr', "Nous avons bien reçu votre demande de remboursement, elle est en cours d'étude.", []],
  ['fr', 'Votre colis sera livré demain entre 9 h et 13 h.', ['reply.solution', 'reply.next_steps']],
  ['fr', 'Le service est disponible de 9 h à 18 h du lundi au vendredi.', []],
  ['fr', "Je n'ai pas de solution pour le moment, mais je vous tiens informé dès que j'en sais plus.", []],
  ['fr', "Pas de souci, je m'en occupe.", []],
  ['fr', 'Je vous ai envoyé le devis hier.', []],
  ['fr', 'Je ne peux pas accepter ce retour, le produit a été utilisé.', []],
  ['fr', "Je n'accepte pas les chèques, seulement la carte.", []],
  ['fr', 'Je vous souhaite une excellente journée.', []],
  ['fr', "N'hésitez pas à revenir vers moi si besoin.", []],
  ['fr', 'Je vous confirme que votre abonnement est résilié à compter du 1er mars.', []],
  ['fr', 'C’est noté, je vous rappelle à 15 h.', ['reply.next_steps']],
  ['fr', 'Je vais voir avec mon responsable et je reviens vers vous dans la journée.', ['reply.next_steps']],
  ['fr', "Je n'accepte pas qu'on me parle sur ce ton.", ['reply.boundary']],
  ['fr', 'Je ne peux pas accepter ces insultes envers mon équipe.', ['reply.boundary']],
  ['fr', "L'ensemble des frais vous sera remboursé.", ['reply.solution']],
  [
    'fr',
    'Excusez-moi, pourriez-vous répéter votre numéro de dossier ?',
    ['reply.apology', 'reply.clarifying_question'],
  ],
  ['fr', 'Bonjour, je suis Léa, votre conseillère. Que puis-je faire pour vous ?', []],
  ['fr', 'Je vous mets en attente quelques instants, merci de patienter.', []],
  [
    'fr',
    'Votre dossier est complet. La commission se réunira le 18 et vous recevrez un courrier la semaine suivante.',
    ['reply.next_steps'],
  ],
  ['en', "We've received your refund request and it's being reviewed.", []],
  ['en', 'Our opening hours are 9 to 5, Monday to Friday.', []],
  ['en', "I can't accept a return on a used item.", []],
  ['en', 'Have a lovely day!', []],
  ['en', 'Feel free to get back to me if you need anything else.', []],
  ['en', "I'll look into it and get back to you by the end of the day.", ['reply.next_steps']],
  ['en', 'Unfortunately the item is out of stock until next month.', []],
  ['en', "I'm not sure, let me check with my manager.", []],
  ['en', 'Please bear with me while I check.', []],
  ['en', 'Thanks for your order!', ['reply.thanks']],
  ['en', "I won't accept being spoken to like that.", ['reply.boundary']],
  [
    'en',
    'Your parcel will be delivered tomorrow between 9am and 1pm.',
    ['reply.solution', 'reply.next_steps'],
  ],
  ['en', 'Hi, this is Sam from the help desk. How can I help?', []],
  ['en', 'I appreciate your patience while we sort this out.', ['reply.thanks']],
];

describe('reply.* — routine replies and hard negatives', () => {
  for (const [lang, text, expected] of ROUTINE) {
    it(`${lang}: ${expected.join(', ') || 'nothing'} ← ${text.slice(0, 60)}`, () => {
      assert.deepEqual(ids(text, lang), [...expected].sort());
    });
  }
});

/** Whole e-mails and chat turns: greetings, signatures (a surname in capitals is not shouting). */
const LETTERS: readonly [Lang, string, readonly string[]][] = [
  [
    'fr',
    "Bonsoir, merci d'avoir pris contact avec nous. Je suis vraiment désolée pour cette coupure d'électricité. Elle est due à un incident sur le réseau de distribution de votre commune. Les équipes d'intervention sont sur place, le courant devrait revenir vers 22 h.",
    ['reply.thanks', 'reply.apology', 'reply.explanation', 'reply.next_steps'],
  ],
  [
    'fr',
    "Je comprends votre colère, vous avez attendu votre remboursement trop longtemps. Je viens de relancer le service comptable et le virement partira vendredi. Je vous envoie une confirmation écrite dès qu'il est parti.",
    ['reply.empathy', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'fr',
    "Pour être sûre d'avoir bien noté : le logiciel plante uniquement quand vous exportez en PDF ?",
    ['reply.reformulation'],
  ],
  [
    'fr',
    'Laissez-moi vérifier avec vous : quel navigateur utilisez-vous, et depuis quand le problème se produit-il ?',
    ['reply.clarifying_question'],
  ],
  ['fr', "Vous n'êtes pas le premier à vous plaindre, et ce ne sera pas le dernier.", ['risk.dismissive']],
  ['fr', 'Moi je fais mon travail, le reste ne me regarde pas.', ['risk.defensive']],
  ['fr', "Si vous aviez rempli correctement le formulaire, on n'en serait pas là.", ['risk.blame']],
  ['fr', "Je vous promets que vous n'aurez plus jamais de souci avec nous.", ['risk.overpromise']],
  ['fr', 'Vous me fatiguez avec vos questions.', ['risk.aggression']],
  [
    'fr',
    "Ce genre de propos n'a pas sa place ici. Si vous continuez, je vais devoir mettre fin à notre échange.",
    ['reply.boundary'],
  ],
  [
    'fr',
    'Cherchons ensemble la meilleure option pour vous : un avoir, ou un échange contre un modèle supérieur ?',
    ['reply.we_language', 'reply.solution', 'reply.next_steps'],
  ],
  ['fr', "Merci pour votre message. Je transmets à l'équipe concernée.", ['reply.thanks']],
  [
    'en',
    "Good evening, thank you for getting in touch. I'm really sorry about the power cut. It's due to a fault on the local distribution network. Our repair teams are on site and power should be back around 10pm.",
    ['reply.thanks', 'reply.apology', 'reply.explanation', 'reply.next_steps'],
  ],
  [
    'en',
    "I understand why you're angry, you've waited far too long for your refund. I've just chased our accounts team and the transfer will go out on Friday.",
    ['reply.empathy', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'en',
    "Just so I'm sure I've noted it correctly: the software only crashes when you export to PDF?",
    ['reply.reformulation'],
  ],
  ['en', 'Which browser are you using, and how long has this been happening?', ['reply.clarifying_question']],
  ['en', "You're not the first to complain and you won't be the last.", ['risk.dismissive']],
  ['en', "I'm just doing my job, the rest isn't my concern.", ['risk.defensive']],
  ['en', "If you'd filled in the form properly, we wouldn't be here.", ['risk.blame']],
  ['en', "I promise you'll never have a problem with us again.", ['risk.overpromise']],
  ['en', "You're wearing me out with your questions.", ['risk.aggression']],
  [
    'en',
    "That kind of language has no place here. If you continue, I'll have to end our conversation.",
    ['reply.boundary'],
  ],
  [
    'en',
    "Let's find the best option for you together: a credit note, or an exchange for a better model?",
    ['reply.we_language', 'reply.solution', 'reply.next_steps'],
  ],
  ['en', "Thanks for your message. I'm passing it on to the right team.", ['reply.thanks']],
  [
    'fr',
    "Bonjour Monsieur Leroy, merci de votre appel. Je comprends que ce prélèvement inattendu vous inquiète. Il correspond à la régularisation annuelle de votre assurance habitation. Je peux l'étaler sur trois mois si vous le souhaitez.",
    ['reply.thanks', 'reply.empathy', 'reply.explanation', 'reply.solution'],
  ],
  [
    'fr',
    'Je suis navrée que votre plat soit arrivé froid. Je vous en fais préparer un autre immédiatement, et le dessert vous est offert.',
    ['reply.apology', 'reply.solution'],
  ],
  [
    'fr',
    "Pour bien comprendre votre demande : vous souhaitez décaler le rendez-vous de jeudi à la semaine prochaine, c'est bien ça ?",
    ['reply.reformulation'],
  ],
  [
    'fr',
    "Le Dr Bernard est en congé cette semaine. Je peux vous proposer le Dr Simon mercredi à 16 h 30, ou le Dr Bernard lundi prochain. Qu'est-ce qui vous conviendrait ?",
    ['reply.solution', 'reply.next_steps'],
  ],
  ['fr', "Vous n'aviez qu'à lire la notice, tout est expliqué page 3.", ['risk.blame']],
  ['fr', 'Écoutez madame, je fais ce que je peux, je ne suis pas magicienne.', ['risk.defensive']],
  [
    'fr',
    "Merci de votre patience. Notre équipe technique a identifié l'origine de la panne : un câble endommagé lors de travaux de voirie. La connexion sera rétablie demain avant midi.",
    ['reply.thanks', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'fr',
    'Je vous demande de ne plus employer ce vocabulaire avec moi. Je reste à votre écoute pour votre contrat.',
    ['reply.boundary'],
  ],
  [
    'fr',
    "Pouvez-vous m'envoyer le numéro de série inscrit sous l'appareil ? Avec ça, je lance la prise en charge sous garantie.",
    ['reply.clarifying_question', 'reply.solution'],
  ],
  ['fr', "Ce n'est pas si compliqué, il suffit de lire le mode d'emploi.", ['risk.aggression', 'risk.blame']],
  ['fr', 'Franchement, des retards de quinze minutes, ça arrive partout.', ['risk.defensive']],
  [
    'fr',
    "Vous avez raison de nous le signaler. Nous allons vérifier ensemble chaque ligne de la facture, d'accord ?",
    ['reply.we_language', 'reply.next_steps'],
  ],
  [
    'en',
    "I'm so sorry your meal arrived cold. I'll have another one made straight away, and dessert is on us.",
    ['reply.apology', 'reply.solution'],
  ],
  [
    'en',
    "To make sure I've got your request right: you'd like to move Thursday's appointment to next week?",
    ['reply.reformulation'],
  ],
  [
    'en',
    'Dr Brown is on leave this week. I can offer you Dr Khan on Wednesday at 4:30pm, or Dr Brown next Monday. Which would suit you better?',
    ['reply.solution', 'reply.next_steps'],
  ],
  ['en', "You only had to read the manual, it's all on page 3.", ['risk.blame']],
  ['en', "Look, I'm doing what I can, I'm not a magician.", ['risk.defensive']],
  [
    'en',
    'Thank you for your patience. Our engineers found the cause of the fault: a cable damaged during roadworks. Your connection will be restored tomorrow before noon.',
    ['reply.thanks', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'en',
    "Please don't use that kind of language with me. I'm still here to help with your contract.",
    ['reply.boundary'],
  ],
  [
    'en',
    'Could you send me the serial number under the device? With that I can open a warranty claim.',
    ['reply.clarifying_question', 'reply.solution'],
  ],
  [
    'en',
    "It's not that complicated, you just have to read the instructions.",
    ['risk.aggression', 'risk.blame'],
  ],
  [
    'fr',
    "Bonjour Madame Petit,\n\nMerci pour votre message et toutes nos excuses pour ce retard de livraison. Votre commande a été retardée à cause d'une rupture de stock chez notre fournisseur. Nous vous l'expédions dès demain et vous recevrez un numéro de suivi par e-mail.\n\nCordialement,\nJulie MARTIN\nService client",
    ['reply.thanks', 'reply.apology', 'reply.explanation', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'fr',
    "Bonjour,\nJe suis désolé d'apprendre que votre séjour ne s'est pas bien passé. Pouvez-vous me préciser les dates de votre séjour et le numéro de chambre ? Je vérifierai avec l'équipe et reviendrai vers vous d'ici vendredi.\nBien à vous,",
    ['reply.apology', 'reply.clarifying_question', 'reply.next_steps'],
  ],
  [
    'fr',
    'Je comprends votre frustration. Mais enfin, vous avez signé le contrat, vous saviez à quoi vous vous engagiez.',
    ['reply.empathy', 'risk.blame'],
  ],
  [
    'fr',
    'Nous sommes désolés, mais nous ne sommes pas responsables des retards de La Poste.',
    ['risk.defensive'],
  ],
  [
    'fr',
    "Ne vous inquiétez pas, nous allons trouver une solution ensemble. Je vous rappelle dans l'heure.",
    ['reply.we_language', 'reply.next_steps'],
  ],
  [
    'fr',
    "Vous avez raison, ce n'est pas acceptable. Je vous présente nos excuses et je vous rembourse la différence aujourd'hui.",
    ['reply.empathy', 'reply.apology', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'fr',
    'Quelle est la référence exacte de votre appareil ? Et depuis quand rencontrez-vous ce problème ?',
    ['reply.clarifying_question'],
  ],
  [
    'fr',
    "Je te comprends, c'est rageant. Donne-moi ton numéro de commande et je regarde.",
    ['reply.empathy', 'reply.clarifying_question'],
  ],
  [
    'en',
    "Hi Tom,\n\nThanks for reaching out, and I'm sorry your order arrived damaged. A replacement is on its way and should reach you by Wednesday.\n\nBest regards,\nAnna SMITH",
    ['reply.thanks', 'reply.apology', 'reply.solution', 'reply.next_steps'],
  ],
  ['en', "I'm sorry, but we're not responsible for delays caused by the postal service.", ['risk.defensive']],
  [
    'en',
    "Don't worry, we'll sort this out together. I'll call you back within the hour.",
    ['reply.we_language', 'reply.next_steps'],
  ],
  [
    'en',
    "You're right, that's not acceptable. I apologise and I'll refund the difference today.",
    ['reply.empathy', 'reply.apology', 'reply.solution', 'reply.next_steps'],
  ],
  [
    'en',
    "What's the exact model of your device? And since when have you had this issue?",
    ['reply.clarifying_question'],
  ],
  [
    'en',
    "I hear you, that's infuriating. Send me your order number and I'll take a look.",
    ['reply.empathy', 'reply.clarifying_question'],
  ],
];

describe('reply.* — whole e-mails', () => {
  for (const [lang, text, expected] of LETTERS) {
    it(`${lang}: ${expected.join(', ')} ← ${text.slice(0, 50).replace(/\n/g, ' ')}`, () => {
      assert.deepEqual(ids(text, lang), [...expected].sort());
    });
  }
});

/** Explanations, remedies and dated steps in other words and other trades. */
const TRADES: readonly [Lang, string, readonly string[]][] = [
  ['fr', 'Ce décalage est lié à une mise à jour de notre système de facturation.', ['reply.explanation']],
  [
    'fr',
    "Le technicien n'a pas pu intervenir car la pièce commandée n'était pas arrivée.",
    ['reply.explanation'],
  ],
  [
    'fr',
    "Nous avons eu un souci avec notre prestataire de paiement hier soir, d'où ce double débit.",
    ['reply.explanation'],
  ],
  ['fr', 'Je vous crédite 15 € sur votre compte client.', ['reply.solution']],
  [
    'fr',
    'Nous pouvons vous proposer un créneau de rattrapage samedi matin.',
    ['reply.solution', 'reply.next_steps'],
  ],
  ['fr', "Je vous remets le document à jour d'ici ce soir.", ['reply.solution', 'reply.next_steps']],
  [
    'fr',
    'Un remplaçant peut prendre le relais dès lundi pour terminer le chantier.',
    ['reply.solution', 'reply.next_steps'],
  ],
  ['fr', 'Si je récapitule, il manque deux cartons sur les cinq commandés ?', ['reply.reformulation']],
  [
    'fr',
    "Donc, si j'ai bien suivi, le lave-linge fuit uniquement en mode essorage ?",
    ['reply.reformulation'],
  ],
  ['fr', 'Est-ce que jeudi 14 h vous irait pour la visite ?', ['reply.next_steps']],
  ['fr', 'Je reviens vers vous au plus tard mardi avec une réponse ferme.', ['reply.next_steps']],
  [
    'fr',
    'Le nouveau badge vous sera envoyé par courrier sous dix jours.',
    ['reply.solution', 'reply.next_steps'],
  ],
  ['fr', 'Nous allons étudier votre dossier.', []],
  ['fr', 'Je me renseigne et je vous dis.', []],
  ['en', 'This was related to an update of our billing system.', ['reply.explanation']],
  ['en', "The engineer couldn't attend because the part hadn't arrived.", ['reply.explanation']],
  [
    'en',
    'We had an issue with our payment provider last night, which is why you were charged twice.',
    ['reply.explanation'],
  ],
  ['en', "I've credited £15 to your account.", ['reply.solution']],
  ['en', 'We can offer you a catch-up slot on Saturday morning.', ['reply.solution', 'reply.next_steps']],
  ['en', "I'll get the updated document over to you by tonight.", ['reply.solution', 'reply.next_steps']],
  ['en', 'So, if I follow you, two of the five boxes are missing?', ['reply.reformulation']],
  ['en', 'Would Thursday at 2pm suit you for the visit?', ['reply.next_steps']],
  ['en', "I'll get back to you by Tuesday at the latest with a firm answer.", ['reply.next_steps']],
  ['en', 'Your new badge will be posted to you within ten days.', ['reply.solution', 'reply.next_steps']],
  ['en', "We'll look into your case.", []],
];

describe('reply.* — explanations, remedies and steps across trades', () => {
  for (const [lang, text, expected] of TRADES) {
    it(`${lang}: ${expected.join(', ') || 'nothing'} ← ${text.slice(0, 60)}`, () => {
      assert.deepEqual(ids(text, lang), [...expected].sort());
    });
  }
});

/** The exact words a finding points at. */
function evidence(text: string, lang: Lang, id: string): string[] {
  return analyze(text, { role: 'agent', lang })
    .findings.filter((f) => f.id === id)
    .map((f) => f.evidence);
}

describe('reply.* — spans', () => {
  const cases: readonly [Lang, string, string, string[]][] = [
    ['fr', 'Merci beaucoup pour votre retour.', 'reply.thanks', ['Merci beaucoup pour']],
    ['fr', 'Je vous présente mes excuses.', 'reply.apology', ['Je vous présente mes']],
    ['fr', 'On cherche une solution ensemble ?', 'reply.we_language', ['ensemble']],
    ['fr', 'Le technicien passera jeudi.', 'reply.next_steps', ['jeudi']],
    ['en', 'Does that work for you?', 'reply.next_steps', ['Does that work for you']],
    ['en', 'Thank you for your message.', 'reply.thanks', ['Thank you for']],
  ];
  for (const [lang, text, id, expected] of cases) {
    it(`${id} points at ${expected.join(' | ')}`, () => assert.deepEqual(evidence(text, lang, id), expected));
  }
});

describe('reply.* — judgements the method asks for', () => {
  it('« Merci de m’indiquer » is a request, not thanks', () => {
    assert.deepEqual(ids("Merci de m'indiquer votre numéro de contrat.", 'fr'), [
      'reply.clarifying_question',
    ]);
  });
  it('an apology taken back by « mais c’est la procédure » is defensive, not an apology', () => {
    assert.deepEqual(ids("Désolé, mais c'est la procédure.", 'fr'), ['risk.defensive']);
    assert.deepEqual(ids("I'm sorry but it's company policy.", 'en'), ['risk.defensive']);
  });
  it('a boundary may name the remark it refuses', () => {
    assert.deepEqual(ids('Je vous demande de ne pas faire de remarques sur mon physique.', 'fr'), [
      'reply.boundary',
    ]);
    assert.deepEqual(ids("I won't accept name-calling.", 'en'), ['reply.boundary']);
  });
  it('the corporate « nous » is not shared framing', () => {
    assert.deepEqual(ids('Nous allons vous rembourser.', 'fr'), ['reply.solution']);
  });
  it('a date without commitment, or in the past, is not a next step', () => {
    assert.deepEqual(ids('Le magasin est ouvert du lundi au samedi.', 'fr'), []);
    assert.deepEqual(ids('Votre colis est bloqué depuis lundi.', 'fr'), []);
  });
  it('a negated remedy is not a solution', () => {
    assert.deepEqual(ids('Je ne peux pas vous rembourser.', 'fr'), []);
    assert.deepEqual(ids("We can't refund this order.", 'en'), []);
  });
  it('a causal account that blames the client is not an explanation', () => {
    assert.deepEqual(ids("C'est à cause de vous, vous auriez dû vérifier l'adresse.", 'fr'), ['risk.blame']);
  });
  it('a date inside a guarantee is not an agreed next step', () => {
    assert.deepEqual(ids("Je vous garantis que ce sera réglé d'ici demain.", 'fr'), ['risk.overpromise']);
  });
});
