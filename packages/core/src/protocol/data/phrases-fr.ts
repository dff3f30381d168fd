/**
 * French phrasings of each move of a reply. Several per move so that drafts do not read canned;
 * the draft picks one deterministically from a seed. Syntax: `[vous form|tu form]` is resolved by
 * the formality; `{slot}` is filled from the conversation (a variant whose slot is empty is skipped).
 * Slots: situation, points, request, offers, offer1, offer2, choice, concession, supervisor,
 * client, agent, topic. Product text, written for this product (never copied from the sources).
 */
import type { PhraseBook } from '../draft-types.ts';

export const PHRASES_FR: PhraseBook = {
  greetingEmail: ['Bonjour {client},', 'Bonjour,'],
  greetingChat: ['Bonjour {client},', 'Bonjour,'],
  signoffEmail: [
    '[Bien cordialement|Belle journée],\n{agent}',
    '[Cordialement|À bientôt],\n{agent}',
    '[Bien à vous|Bonne journée],\n{agent}',
  ],
  signoffEmailNoName: ['[Bien cordialement|Belle journée],', '[Cordialement|À bientôt],'],
  phoneOpen: ['(Laissez un silence, respirez, puis parlez posément.)'],

  listen: [
    '[Je vous écoute : prenez|Je t’écoute : prends] le temps de tout me dire, je note chaque point.',
    '[Allez-y|Vas-y], je [vous|t’]écoute jusqu’au bout avant de [vous|te] répondre.',
    'Je ne [vous|t’]interromps pas : [dites-moi|dis-moi] tout, je prends des notes au fur et à mesure.',
  ],
  listenEmail: [
    'J’ai bien reçu [votre|ton] message et je le lis avec attention. Si d’autres éléments [vous reviennent, n’hésitez|te reviennent, n’hésite] pas à me les ajouter : je veux avoir toute la situation en tête avant de [vous|te] répondre sur le fond.',
    'Merci de [m’avoir écrit|m’avoir écrit]. Je prends le temps de tout lire ; s’il manque un élément, [ajoutez-le|ajoute-le] sans hésiter, je préfère avoir l’ensemble avant de [vous|te] répondre.',
  ],
  listenPhoneNote: ['(Ne vous justifiez pas encore. Laissez-le aller au bout, puis reprenez ses mots.)'],

  thanks: [
    'Merci de [m’avoir|m’avoir] expliqué la situation aussi clairement.',
    'Je [vous|te] remercie d’avoir pris le temps de nous en parler.',
    'Merci pour [votre|ton] retour : il nous est précieux.',
    'Merci de nous avoir signalé ce qui s’est passé.',
  ],
  empathySituation: [
    '[Vous me dites|Tu me dis] que {situation} : je comprends que ce soit pénible.',
    'Je mesure ce que cela représente pour [vous|toi] : {situation}.',
    'Je comprends [votre|ton] {feeling} : {situation}, ce n’est pas ce que [vous attendiez|tu attendais].',
  ],
  empathy: [
    'Je comprends que la situation soit pénible pour [vous|toi].',
    'Je mesure à quel point cela a pu [vous|te] contrarier.',
    'Je comprends [votre|ton] {feeling}, et je [vous|te] remercie de nous en faire part.',
  ],
  apology: ['Toutes mes excuses pour ce désagrément.', 'Je regrette sincèrement ce qui s’est passé.'],
  validate: [
    'Ce que [vous ressentez|tu ressens] est légitime, et nous allons en tenir compte.',
    '[Votre|Ta] réaction se comprend tout à fait.',
  ],
  weNext: [
    'Regardons ensemble ce que nous pouvons faire.',
    'Voyons ensemble comment avancer à partir de là.',
    'Que pouvons-nous faire ensemble pour que la suite se passe mieux ?',
  ],

  reformulate: [
    'Si je [vous|te] suis bien : {points}.',
    'Si j’ai bien compris : {points}.',
    'Pour résumer, et vérifier que je n’ai rien oublié : {points}.',
  ],
  reformulateNoPoints: [
    'Pour bien [vous|te] comprendre, [pouvez-vous|peux-tu] me redire en une phrase ce qui [vous|te] gêne le plus aujourd’hui ?',
  ],
  requestRestated: [
    '[Vous souhaitez|Tu souhaites] {request}.',
    'Ce que [vous demandez|tu demandes], c’est {request}.',
  ],
  checkUnderstanding: [
    'Est-ce bien cela ?',
    'Ai-je bien compris, ou [voulez-vous|veux-tu] préciser un point ?',
    'Est-ce que je résume correctement ?',
  ],
  whereToStart: [
    'Par quel point [voulez-vous|veux-tu] que nous commencions ?',
    'Nous pouvons les prendre un par un : lequel est le plus urgent pour [vous|toi] ?',
  ],

  empathyShort: [
    'Je comprends que ce soit agaçant.',
    'Je vois que cela [vous|te] pèse, et c’est bien normal.',
    'J’entends [votre|ton] mécontentement.',
  ],
  clarifyGeneral: [
    'Regardons ensemble le cas le plus récent : que s’est-il passé exactement, et quand ?',
    '[Pourriez-vous|Pourrais-tu] me donner un exemple précis, avec la date, pour que je puisse vérifier ?',
    'Pour agir utilement, j’ai besoin de partir d’un cas précis : [pouvez-vous|peux-tu] me décrire la dernière fois où c’est arrivé ?',
  ],
  clarifyVague: [
    'Pour que je puisse corriger ce qui ne va pas, [pourriez-vous|pourrais-tu] me dire précisément ce qui pose problème ?',
    'Qu’est-ce qui ne [vous|te] convient pas, concrètement ? Un exemple ou deux m’aideraient beaucoup.',
    '[Pouvez-vous|Peux-tu] m’indiquer les passages ou les points qui posent problème, pour que nous les reprenions ?',
  ],
  clarifyDeflection: [
    '[Votre|Ta] question est légitime, et c’est justement pour y répondre que j’ai besoin de cette information.',
    'Je comprends que cela dure depuis trop longtemps. Pour que je puisse agir, cette précision m’est vraiment utile.',
  ],
  clarifyReference: [
    '[Avez-vous|As-tu] un numéro de commande ou de dossier à me communiquer ?',
    '[Pouvez-vous|Peux-tu] me donner la référence de [votre|ton] dossier, pour que je le retrouve tout de suite ?',
  ],

  reassureWorry: [
    'Je comprends [votre|ton] inquiétude, et [vous n’avez|tu n’as] pas à gérer cela sans aide.',
    'Je vois à quel point la situation est stressante pour [vous|toi].',
    'Je vois que c’est urgent pour [vous|toi], et je le prends comme tel.',
  ],
  reassureWe: [
    'Nous allons prendre les choses dans l’ordre, ensemble.',
    'Voyons ensemble ce que nous pouvons faire dès maintenant.',
    'Avançons ensemble, pas à pas : je m’occupe de [votre|ton] dossier avec [vous|toi].',
  ],
  reassureOffer: [
    'Dès maintenant, je peux [vous|te] proposer {offers}.',
    'Tout de suite, je peux [vous|te] proposer {offers}.',
  ],
  reassureNoOffer: [
    'Je regarde immédiatement ce qui est possible de mon côté et je [vous|te] dis franchement ce qui est faisable.',
    'Je commence par vérifier [votre|ton] dossier, et je [vous|te] dis ce que nous pouvons faire.',
  ],
  urgentQuestion: [
    'Qu’est-ce qui est le plus urgent pour [vous|toi] en ce moment ?',
    '[Pouvez-vous|Peux-tu] me dire ce qui doit absolument être réglé en premier ?',
  ],

  confirmUnderstood: [
    'Merci pour ces précisions, c’est clair pour moi.',
    'Merci, je vois exactement de quoi il s’agit.',
    'C’est bien noté, merci.',
  ],
  optionsTwo: [
    'Je peux [vous|te] proposer soit {offer1}, soit {offer2}.',
    'Deux solutions sont possibles : je peux [vous|t’]offrir {offer1}, ou {offer2}.',
  ],
  optionsMany: [
    'Je peux [vous|te] proposer {offers}.',
    'Plusieurs solutions sont possibles : je peux [vous|te] proposer {offers}.',
  ],
  optionsOne: ['Je peux [vous|te] proposer {offer1}.', 'De mon côté, je peux [vous|t’]offrir {offer1}.'],
  optionsNoneRequest: [
    '[Vous demandez|Tu demandes] {request} : je vérifie tout de suite ce qui est possible et je [vous|te] réponds franchement. Cela [vous|te] convient-il ?',
    'J’ai bien noté [votre|ta] demande : {request}. Je regarde ce que je peux faire et je [vous|te] dis honnêtement ce qui est possible. Cela [vous|te] va-t-il ?',
  ],
  optionsNone: [
    'De mon côté, je regarde les solutions possibles ; [dites-moi|dis-moi] aussi ce qui [vous|te] semblerait juste, et je [vous|te] dirai franchement ce qui est faisable.',
    'Je vais étudier les options possibles avec [vous|toi] : qu’est-ce qui [vous|te] semblerait une issue satisfaisante ?',
  ],
  agreementQuestion: [
    'Qu’en [pensez-vous|penses-tu] ?',
    'Laquelle [vous convient|te convient] le mieux ?',
    'Voyons ensemble : laquelle [vous convient|te convient] le mieux ?',
  ],

  agreed: [
    'C’est entendu, nous partons donc sur {choice}.',
    'Parfait, nous retenons {choice}.',
    'Très bien : va pour {choice}.',
  ],
  agreedVerb: ['C’est entendu : je vais donc {choiceVerb}.', 'Parfait, je vais donc {choiceVerb}.'],
  agreedGeneric: ['C’est entendu, nous partons sur cette solution.', 'Parfait, nous faisons comme convenu.'],
  steps: [
    'Je lance la démarche de mon côté et je [vous|te] confirme par écrit ce que nous avons convenu.',
    'Je m’en occupe dès maintenant et je [vous|t’]envoie un récapitulatif des étapes.',
  ],
  dateQuestion: [
    'Quel créneau [vous arrange|t’arrange] le mieux pour la suite ?',
    '[Pouvez-vous|Peux-tu] m’indiquer [vos|tes] disponibilités, pour que nous fixions ensemble la prochaine étape ?',
    'Cela [vous|te] va-t-il si je [vous|te] propose une date par écrit d’ici la fin de la journée ?',
  ],

  closeGlad: [
    'Quelle bonne nouvelle que tout soit rentré dans l’ordre.',
    'C’est une très bonne nouvelle, merci de me l’avoir confirmé.',
    'Tant mieux si tout fonctionne de nouveau.',
  ],
  closeThanks: [
    'Merci pour [votre|ton] retour : il nous aide à nous améliorer.',
    'Merci encore d’avoir pris le temps de nous écrire.',
    'Merci pour [votre|ta] patience tout au long de l’échange.',
  ],
  closeDoor: [
    '[N’hésitez|N’hésite] pas à revenir vers nous si besoin.',
    'Nous restons à [votre|ta] disposition pour la suite.',
    'Au plaisir de [vous|te] retrouver.',
  ],

  boundary: [
    'Je suis là pour [vous|t’]aider, mais je ne peux pas accepter ces propos.',
    'Ces mots ne sont pas acceptables. Je reste disponible pour traiter [votre|ta] demande dans le respect mutuel.',
    'Je veux bien [vous|t’]aider, à condition que nous échangions avec respect : ce langage n’est pas acceptable.',
  ],
  boundaryContinue: [
    'Si [vous le voulez|tu le veux] bien, reprenons [votre|ta] demande.',
    '[Voulez-vous|Veux-tu] que nous reprenions là où nous en étions ?',
    'Je [vous|te] propose de revenir au sujet qui [vous|t’]amène.',
  ],

  endAfterLimit: [
    'Comme je [vous|te] l’ai indiqué, ces propos ne sont pas acceptables : je mets fin à notre échange.',
    'Je [vous|t’]ai demandé de garder un ton respectueux ; dans ces conditions, je mets fin à cet échange.',
  ],
  endThreat: [
    'Les menaces ne sont pas acceptables : je mets fin à cet échange.',
    'Face à des menaces, je mets fin à cet échange.',
  ],
  endGeneric: [
    'Je ne peux pas poursuivre dans ces conditions : je mets fin à notre échange.',
    'Dans ces conditions, je mets fin à notre échange.',
  ],
  handover: [
    'Je transmets [votre|ton] dossier à {supervisor}, qui décidera de la suite à donner.',
    '{supervisor} prendra connaissance de [votre|ton] dossier et décidera de la suite.',
  ],
  handoverGeneric: [
    'Je transmets [votre|ton] dossier à mon responsable, qui décidera de la suite à donner.',
    'Mon responsable prendra connaissance de [votre|ton] dossier et décidera de la suite.',
  ],
  goodbye: ['Au revoir.', 'Je [vous|te] souhaite une bonne fin de journée.'],

  legalNoted: [
    'J’ai bien pris note de [votre|ton] intention d’engager une démarche.',
    'Je prends acte de [votre|ton] souhait de porter l’affaire plus loin ; c’est [votre|ton] droit.',
  ],
  legalHandover: [
    'Je transmets [votre|ton] dossier à {supervisor}, qui [vous|te] répondra par écrit.',
    '{supervisor} va examiner [votre|ton] dossier et [vous|te] répondra par écrit.',
  ],
  legalHandoverGeneric: [
    'Je transmets [votre|ton] dossier à mon responsable et au service concerné, qui [vous|te] répondront par écrit.',
    '[Votre|Ton] dossier part chez mon responsable, qui [vous|te] répondra par écrit.',
  ],
  legalDocuments: [
    '[Souhaitez-vous|Souhaites-tu] que je joigne au dossier les pièces dont [vous disposez|tu disposes] : dates, échanges, justificatifs ?',
    '[Êtes-vous|Es-tu] d’accord pour que j’ajoute au dossier les éléments utiles dont [vous disposez|tu disposes] (dates, courriers, photos) ?',
  ],

  holdTerms: [
    'Pour que les choses soient claires entre nous, ce que je [vous|t’]ai proposé reste valable : {concession}',
    'Je maintiens ce que je [vous|t’]ai proposé : {concession}',
  ],
  holdTermsGeneric: [
    'Pour que les choses soient claires entre nous : ce que nous avons convenu reste valable, et c’est ce que je peux [vous|te] proposer.',
    'Je maintiens ce que nous avons convenu ; je ne peux pas aller au-delà.',
  ],
  holdNoMore: [
    'Au-delà, il s’agit d’une demande nouvelle : je peux [vous|te] faire une proposition séparée, chiffrée.',
    'Je ne peux pas aller plus loin sur ce point ; en revanche, tout ajout peut faire l’objet d’une proposition à part.',
  ],
  holdQuestion: [
    '[Souhaitez-vous|Souhaites-tu] que nous reprenions ensemble ce qui était prévu au départ ?',
    '[Voulez-vous|Veux-tu] que je [vous|t’]envoie le récapitulatif de ce qui est inclus, pour repartir sur une base claire ?',
  ],

  ownSlip: [
    'Je [vous|te] prie de m’excuser pour ma réponse de tout à l’heure, elle n’était pas à la hauteur.',
    'Pardon pour le ton de ma réponse précédente.',
  ],
  pause: [
    'Je préfère être honnête : je veux [vous|te] donner une réponse juste sur chaque point, et j’ai besoin d’un moment pour la préparer.',
    'Pour bien faire, j’ai besoin de reprendre chaque point au calme avant de [vous|te] répondre.',
  ],
  callBackPhone: [
    'Je [vous|te] propose de [vous|te] rappeler : qu’est-ce qui [vous arrangerait|t’arrangerait], plutôt en fin de matinée ou dans l’après-midi ?',
    '[Seriez-vous|Serais-tu] d’accord pour que je [vous|te] rappelle un peu plus tard ? Quel créneau [vous convient|te convient] ?',
  ],
  callBackWritten: [
    'Je reviens vers [vous|toi] par écrit avec une réponse à chaque point : cela [vous|te] convient-il ?',
    '[Êtes-vous|Es-tu] d’accord pour que je [vous|te] réponde point par point un peu plus tard ? À quel moment [en avez-vous|en as-tu] besoin ?',
  ],
};
