import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Lang } from '../../types.ts';
import { analyze } from '../analyze.ts';

/**
 * Whole client messages written for these tests (not from the dev corpus), in several sectors
 * and registers: each lists every non-abuse signal expected, so a case fails on a miss as well
 * as on a false alarm; calm messages (ids: []) must come back with no client signal at all.
 */
const MESSAGES: readonly { lang: Lang; text: string; ids: readonly string[] }[] = [
  {
    lang: 'fr',
    text: "Bonjour, j'ai commandé un vélo il y a trois semaines, on m'avait promis 5 jours. Pouvez-vous me dire où il en est ?",
    ids: [],
  },
  {
    lang: 'fr',
    text: "Votre plombier a laissé une fuite pire qu'avant. Je veux qu'il revienne réparer ça gratuitement cette semaine.",
    ids: ['request.redo'],
  },
  {
    lang: 'fr',
    text: "Ça fait quatre fois que j'appelle et personne n'est capable de me donner une réponse claire. J'en ai assez.",
    ids: ['claim.generalization', 'emotion.anger'],
  },
  {
    lang: 'fr',
    text: 'Si vous ne me faites pas un prix, je vais voir chez Boulanger, ils sont moins chers.',
    ids: ['pressure.power', 'request.cancel', 'request.discount'],
  },
  {
    lang: 'fr',
    text: "Je suis très déçue, le gâteau d'anniversaire n'avait rien à voir avec la photo.",
    ids: ['emotion.disappointment'],
  },
  {
    lang: 'fr',
    text: "Bonjour, est-il possible d'obtenir une facture au nom de ma société ? Merci d'avance.",
    ids: [],
  },
  {
    lang: 'fr',
    text: "J'exige le remboursement intégral de mon billet, le train avait 3 heures de retard.",
    ids: ['request.refund'],
  },
  {
    lang: 'fr',
    text: "Je vais saisir le médiateur de la SNCF si je n'ai pas de réponse sous huit jours.",
    ids: ['pressure.legal'],
  },
  {
    lang: 'fr',
    text: 'Le ménage était évidemment compris dans la location, je ne comprends pas ces 80 € de frais.',
    ids: ['tactic.scope_creep'],
  },
  {
    lang: 'fr',
    text: "Je stresse beaucoup, mon mémoire doit être rendu demain et l'imprimante du centre est en panne.",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'fr',
    text: "Vous me demandez ma date de naissance ? Elle n'est pas dans mon dossier peut-être ?",
    ids: ['tactic.question_deflection'],
  },
  {
    lang: 'fr',
    text: "Oui, c'est ça, vous avez parfaitement raison : une coupure de six heures, c'est « un incident mineur ».",
    ids: ['tactic.feigned_agreement'],
  },
  {
    lang: 'fr',
    text: "Après quinze ans de fidélité, vous me refusez un simple report d'échéance ? Vous devriez avoir honte.",
    ids: ['emotion.anger', 'tactic.guilt_trip'],
  },
  {
    lang: 'fr',
    text: 'Je souhaite résilier mon abonnement à la salle de sport à compter du mois prochain.',
    ids: ['request.cancel'],
  },
  {
    lang: 'fr',
    text: 'Mettez-moi en relation avec votre service juridique ou un responsable, tout de suite.',
    ids: ['request.manager'],
  },
  {
    lang: 'fr',
    text: "C'est la dernière fois que je commande chez vous, et je vais le dire à tout le monde sur Facebook.",
    ids: ['pressure.reputation'],
  },
  {
    lang: 'fr',
    text: 'Je travaille pour le groupe qui vous confie toutes ses traductions. À votre place, je ferais attention.',
    ids: ['pressure.power', 'tactic.fear_appeal'],
  },
  { lang: 'fr', text: 'merci pour le dépannage de ce matin, tout remarche nickel 👍', ids: [] },
  {
    lang: 'fr',
    text: 'Pourriez-vous vérifier le compteur ? La consommation me paraît élevée pour un studio.',
    ids: [],
  },
  {
    lang: 'fr',
    text: "INCROYABLE, trois heures d'attente aux urgences vétérinaires et personne pour nous renseigner !!",
    ids: ['claim.generalization', 'emotion.anger', 'tone.shouting'],
  },
  { lang: 'fr', text: 'Jveux juste savoir si ma commande est partie, svp', ids: [] },
  {
    lang: 'fr',
    text: "Je n'ai pas l'intention de payer cette facture tant que le chauffe-eau ne sera pas remplacé.",
    ids: ['request.redo'],
  },
  {
    lang: 'fr',
    text: "Franchement c'est lamentable, je vous avais prévenus que la date était impérative.",
    ids: ['emotion.anger'],
  },
  {
    lang: 'fr',
    text: "Je suis inquiet pour ma mère, elle n'a toujours pas reçu son traitement.",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'fr',
    text: 'Pour le geste commercial, je vous laisse voir ce qui est possible, je ne suis pas pressé.',
    ids: ['request.discount'],
  },
  {
    lang: 'fr',
    text: "Le technicien était charmant mais l'installation ne fonctionne toujours pas. Pouvez-vous le renvoyer ?",
    ids: [],
  },
  {
    lang: 'fr',
    text: 'Je confirme ma présence à la réunion de jeudi. Le directeur financier sera là aussi.',
    ids: [],
  },
  {
    lang: 'fr',
    text: 'Mon assurance ne veut pas rembourser, pouvez-vous me faire une attestation ?',
    ids: [],
  },
  {
    lang: 'fr',
    text: 'Votre concurrent me propose 20 % de moins. Vous pouvez vous aligner ?',
    ids: ['request.discount'],
  },
  {
    lang: 'fr',
    text: "Vous allez voir ce qui va vous arriver si mon dossier n'est pas traité.",
    ids: ['tactic.fear_appeal'],
  },
  {
    lang: 'en',
    text: 'Hi there, I ordered a sofa three weeks ago and was told five days. Any update please?',
    ids: [],
  },
  {
    lang: 'en',
    text: 'Your engineer left the boiler worse than before. I want someone back out to fix it properly this week.',
    ids: ['request.redo'],
  },
  {
    lang: 'en',
    text: "This is the fourth time I've called and nobody can give me a straight answer. I've had enough.",
    ids: ['claim.generalization', 'emotion.anger'],
  },
  {
    lang: 'en',
    text: "Match the price I was quoted online or I'll take my business elsewhere.",
    ids: ['pressure.power', 'request.cancel', 'request.discount'],
  },
  {
    lang: 'en',
    text: "I'm really disappointed, the cake looked nothing like the picture.",
    ids: ['emotion.disappointment'],
  },
  {
    lang: 'en',
    text: 'I demand a full refund for my ticket, the train was three hours late.',
    ids: ['request.refund'],
  },
  {
    lang: 'en',
    text: "If I don't hear back within 14 days I'll be taking legal action.",
    ids: ['pressure.legal'],
  },
  {
    lang: 'en',
    text: "Cleaning was obviously included in the rental, so I don't understand this £80 fee.",
    ids: ['tactic.scope_creep'],
  },
  {
    lang: 'en',
    text: "I'm so stressed, my dissertation is due tomorrow and the printer is broken.",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'en',
    text: "You're asking for my date of birth? Isn't it on my file already?",
    ids: ['tactic.question_deflection'],
  },
  {
    lang: 'en',
    text: "Oh yes, you're absolutely right, a six-hour outage is just a 'minor incident'.",
    ids: ['tactic.feigned_agreement'],
  },
  {
    lang: 'en',
    text: "After fifteen years of loyalty you won't even defer one payment? You should be ashamed.",
    ids: ['tactic.guilt_trip'],
  },
  {
    lang: 'en',
    text: "I'd like to cancel my gym membership from next month, please.",
    ids: ['request.cancel'],
  },
  {
    lang: 'en',
    text: 'Put me through to your legal department or a manager, right now.',
    ids: ['request.manager'],
  },
  { lang: 'en', text: 'Thanks for sorting the leak this morning, all working perfectly now.', ids: [] },
  { lang: 'en', text: 'Could you check the meter? The usage seems high for a studio flat.', ids: [] },
  {
    lang: 'en',
    text: 'UNBELIEVABLE. Three hours in A&E and nobody told us anything!!',
    ids: ['claim.generalization', 'emotion.anger', 'tone.shouting'],
  },
  { lang: 'en', text: 'just wanna know if my order has shipped pls', ids: [] },
  {
    lang: 'en',
    text: 'Frankly this is pathetic, I told you the date was non-negotiable.',
    ids: ['emotion.anger'],
  },
  {
    lang: 'en',
    text: "I'm worried about my mum, her prescription still hasn't arrived.",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'en',
    text: "I confirm I'll attend Thursday's meeting. Our finance director will join too.",
    ids: [],
  },
  {
    lang: 'en',
    text: "My insurer won't pay out, could you write me a letter confirming the damage?",
    ids: [],
  },
  { lang: 'en', text: 'Your competitor offers 20% less. Can you match that?', ids: ['request.discount'] },
  { lang: 'en', text: "You'll see what happens if my case isn't dealt with.", ids: ['tactic.fear_appeal'] },
  {
    lang: 'en',
    text: "I'm posting this on Facebook so everyone knows what you're like.",
    ids: ['pressure.reputation'],
  },
  {
    lang: 'fr',
    text: 'Je voudrais savoir comment résilier, les conditions ne sont pas claires sur votre site.',
    ids: ['request.cancel'],
  },
  {
    lang: 'fr',
    text: 'Vous pouvez me rappeler demain matin ? Je ne suis pas disponible avant 10 h.',
    ids: [],
  },
  {
    lang: 'fr',
    text: 'Le serveur a été adorable, en revanche le plat était froid. Rien de dramatique.',
    ids: [],
  },
  {
    lang: 'fr',
    text: "On nous a promis une chambre vue mer et on a une vue sur les poubelles. C'est une blague ?",
    ids: ['emotion.anger'],
  },
  {
    lang: 'fr',
    text: "Je vous laisse 48 h pour me rembourser, sinon c'est le tribunal.",
    ids: ['pressure.legal', 'request.refund'],
  },
  {
    lang: 'fr',
    text: "Mon fils a fait une crise d'asthme cette nuit, je suis morte de peur. Le docteur peut-il le voir ?",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'fr',
    text: "Bonjour, je suis le responsable des achats de la société Martin, pourriez-vous m'envoyer votre catalogue ?",
    ids: [],
  },
  { lang: 'fr', text: 'Vous trouvez ça normal, vous, de facturer deux fois le même repas ?', ids: [] },
  {
    lang: 'fr',
    text: "J'ai toujours été bien reçu chez vous, c'est pourquoi je suis surpris cette fois.",
    ids: [],
  },
  { lang: 'fr', text: 'Je suis à deux doigts de tout annuler, franchement.', ids: ['request.cancel'] },
  {
    lang: 'fr',
    text: 'Il faudrait remplacer la pièce défectueuse sous garantie, comme convenu.',
    ids: ['request.redo'],
  },
  {
    lang: 'fr',
    text: "Je veux parler à quelqu'un de compétent, pas à un répondeur.",
    ids: ['request.manager'],
  },
  {
    lang: 'fr',
    text: "Quelle déception, votre nouvelle carte n'a plus rien à voir avec l'ancienne.",
    ids: ['emotion.disappointment'],
  },
  { lang: 'fr', text: 'Je ne vous cache pas que je suis inquiète pour le délai.', ids: ['emotion.anxiety'] },
  { lang: 'fr', text: "Le vendeur m'a dit « on ne rembourse jamais », c'est vrai ?", ids: [] },
  {
    lang: 'fr',
    text: 'Pouvez-vous annuler la ligne 3 de la facture ? Elle a été facturée par erreur.',
    ids: ['request.discount'],
  },
  { lang: 'fr', text: "Je compte sur vous pour réparer l'erreur au plus vite.", ids: ['request.redo'] },
  {
    lang: 'fr',
    text: "Vous êtes toujours aussi lents, c'est désespérant.",
    ids: ['claim.generalization', 'emotion.anger'],
  },
  { lang: 'fr', text: "Je passerai à l'agence demain pour signer le bail.", ids: [] },
  { lang: 'en', text: "How do I cancel? The terms on your website aren't clear.", ids: ['request.cancel'] },
  { lang: 'en', text: "Could you call me back tomorrow morning? I'm not free before 10.", ids: [] },
  { lang: 'en', text: 'The waiter was lovely, but the food was cold. Nothing dramatic.', ids: [] },
  {
    lang: 'en',
    text: "You've got 48 hours to refund me or I'm going to court.",
    ids: ['pressure.legal', 'request.refund'],
  },
  {
    lang: 'en',
    text: "My son had an asthma attack last night, I'm terrified. Can the doctor see him?",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'en',
    text: "Hello, I'm the purchasing manager at Martin Ltd, could you send your catalogue?",
    ids: [],
  },
  { lang: 'en', text: "I've always been well looked after here, which is why this surprised me.", ids: [] },
  { lang: 'en', text: 'Please replace the faulty part under warranty, as agreed.', ids: ['request.redo'] },
  {
    lang: 'en',
    text: 'I want to talk to someone competent, not an answering machine.',
    ids: ['request.manager'],
  },
  {
    lang: 'en',
    text: 'What a letdown, your new menu is nothing like the old one.',
    ids: ['emotion.disappointment'],
  },
  { lang: 'en', text: "The salesman said 'we never give refunds', is that true?", ids: [] },
  {
    lang: 'en',
    text: 'Can you take the second line off the invoice? It was charged by mistake.',
    ids: ['request.discount'],
  },
  {
    lang: 'en',
    text: "You're always this slow, it's hopeless.",
    ids: ['claim.generalization', 'emotion.anger'],
  },
  { lang: 'en', text: "I'll pop into the branch tomorrow to sign the lease.", ids: [] },
  { lang: 'en', text: "I'm this close to cancelling everything, honestly.", ids: ['request.cancel'] },
  {
    lang: 'en',
    text: 'We were promised a sea view and got a view of the bins. Is this a joke?',
    ids: ['emotion.anger'],
  },
  {
    lang: 'fr',
    text: "Évidemment, c'est toujours la faute du client, vous avez bien raison, on devrait s'excuser d'exister.",
    ids: ['claim.generalization', 'tactic.feigned_agreement'],
  },
  { lang: 'fr', text: "Ce que j'attends ? À votre avis ?", ids: ['tactic.question_deflection'] },
  {
    lang: 'fr',
    text: "Pourquoi je n'ai pas rappelé ? Et vous, pourquoi vous n'avez pas répondu à mes trois mails ?",
    ids: ['tactic.question_deflection'],
  },
  {
    lang: 'fr',
    text: 'La pose du parquet était bien sûr incluse dans le devis, je ne vais pas payer en plus.',
    ids: ['tactic.scope_creep'],
  },
  {
    lang: 'fr',
    text: 'Pour le prix que je paie, le nettoyage des vitres va de soi.',
    ids: ['tactic.scope_creep'],
  },
  {
    lang: 'fr',
    text: "Vous n'avez donc aucune humanité ? Ma grand-mère attend depuis ce matin sur un brancard.",
    ids: ['tactic.guilt_trip'],
  },
  {
    lang: 'fr',
    text: 'Je suis au chômage et vous me facturez des frais de retard, ça vous fait plaisir ?',
    ids: ['tactic.guilt_trip'],
  },
  {
    lang: 'fr',
    text: 'Vous ne savez pas à qui vous parlez. Mon beau-frère est adjoint au maire.',
    ids: ['pressure.power'],
  },
  { lang: 'fr', text: 'Croyez-moi, ça va se savoir dans tout le village.', ids: ['pressure.reputation'] },
  {
    lang: 'fr',
    text: "Je vais mettre une vidéo sur YouTube pour montrer l'état de la chambre.",
    ids: ['pressure.reputation'],
  },
  { lang: 'fr', text: 'Attention, si ça continue, vous risquez gros.', ids: ['tactic.fear_appeal'] },
  {
    lang: 'fr',
    text: 'Je suis à bout de souffle après les escaliers, mais sinon tout va bien, merci !',
    ids: [],
  },
  { lang: 'fr', text: "Je vais voir chez moi si j'ai gardé le ticket de caisse.", ids: [] },
  { lang: 'fr', text: "Pourriez-vous m'expliquer pourquoi le montant a changé ? Merci d'avance.", ids: [] },
  {
    lang: 'fr',
    text: 'Vous avez raison, le colis était bien dans ma boîte aux lettres. Désolée pour le dérangement !',
    ids: [],
  },
  { lang: 'fr', text: 'slt jvoudrais annuler ma commande de hier svp', ids: ['request.cancel'] },
  {
    lang: 'fr',
    text: "wesh c'est quoi ce délire, 3 semaines pour un colis ?? remboursez moi",
    ids: ['emotion.anger', 'request.refund', 'tone.shouting'],
  },
  { lang: 'fr', text: 'jsuis dég, le cadeau est arrivé cassé', ids: ['emotion.disappointment'] },
  {
    lang: 'fr',
    text: 'Je suis à la retraite et ma pension ne suffit pas, pouvez-vous étaler le paiement ?',
    ids: [],
  },
  { lang: 'fr', text: "Nous sommes très satisfaits de la prestation, l'équipe a été impeccable.", ids: [] },
  {
    lang: 'fr',
    text: "Je travaille dans la presse, je voudrais un devis pour l'impression de 500 flyers.",
    ids: [],
  },
  { lang: 'fr', text: 'Je porte plainte auprès de qui pour un vol dans le parking ?', ids: [] },
  {
    lang: 'fr',
    text: "Merci de faire le nécessaire pour corriger l'adresse de livraison.",
    ids: ['request.redo'],
  },
  {
    lang: 'fr',
    text: "Votre chef de chantier m'a dit que tout serait fini lundi, ce n'est pas le cas.",
    ids: [],
  },
  {
    lang: 'en',
    text: "Of course, you're totally right, it's always the customer's fault, isn't it?",
    ids: ['claim.generalization', 'tactic.feigned_agreement'],
  },
  { lang: 'en', text: 'What do I expect? What do you think?', ids: ['tactic.question_deflection'] },
  {
    lang: 'en',
    text: "Laying the floor was of course included in the quote, I'm not paying extra.",
    ids: ['tactic.scope_creep'],
  },
  {
    lang: 'en',
    text: 'Have you no heart? My gran has been waiting on a trolley since this morning.',
    ids: ['tactic.guilt_trip'],
  },
  {
    lang: 'en',
    text: "Do you know who you're talking to? My brother-in-law is on the council.",
    ids: ['pressure.power'],
  },
  {
    lang: 'en',
    text: "I'm putting a video on YouTube showing the state of the room.",
    ids: ['pressure.reputation'],
  },
  {
    lang: 'en',
    text: "Careful, if this carries on you'll be in serious trouble.",
    ids: ['tactic.fear_appeal'],
  },
  { lang: 'en', text: "I'm out of breath after the stairs but otherwise all good, thanks!", ids: [] },
  { lang: 'en', text: 'Could you explain why the amount changed? Thanks in advance.', ids: [] },
  {
    lang: 'en',
    text: "You're right, the parcel was in my letterbox after all. Sorry to bother you!",
    ids: [],
  },
  { lang: 'en', text: 'hi can u cancel my order from yesterday pls', ids: ['request.cancel'] },
  { lang: 'en', text: "I work in the press and I'd like a quote for printing 500 flyers.", ids: [] },
  { lang: 'en', text: 'Who do I file a complaint with about a theft in the car park?', ids: [] },
  { lang: 'en', text: "Please update the delivery address, it's wrong on the label.", ids: [] },
  { lang: 'en', text: "We're very happy with the work, the team was spotless.", ids: [] },
  { lang: 'fr', text: 'chui trop vénère, ma commande est encore en retard', ids: ['emotion.anger'] },
  { lang: 'fr', text: 'c nul votre service, jamais de réponse', ids: ['claim.generalization'] },
  {
    lang: 'fr',
    text: 'jsui grave inquiète pour mon dossier, personne me répond',
    ids: ['claim.generalization', 'emotion.anxiety'],
  },
  { lang: 'fr', text: "Je commence à perdre patience, c'est la troisième relance.", ids: ['emotion.anger'] },
  { lang: 'fr', text: 'Je suis écœurée par la façon dont ma mère a été traitée.', ids: ['emotion.anger'] },
  {
    lang: 'fr',
    text: "Votre réponse m'a beaucoup déçu, je m'attendais à plus de sérieux.",
    ids: ['emotion.disappointment'],
  },
  {
    lang: 'fr',
    text: 'Je suis inquiète, et ça me fait de la peine de vous écrire ça.',
    ids: ['emotion.anxiety', 'emotion.disappointment'],
  },
  {
    lang: 'fr',
    text: "Je vous en supplie, aidez-moi, je n'ai plus de chauffage et il fait 5 degrés.",
    ids: ['emotion.anxiety'],
  },
  {
    lang: 'fr',
    text: "Je suis déçu, mais je comprends que ce n'est pas votre faute.",
    ids: ['emotion.disappointment'],
  },
  { lang: 'fr', text: "Bon, tant pis, ce n'est pas grave, on fera autrement.", ids: [] },
  { lang: 'fr', text: 'Le film était triste mais magnifique, merci pour la projection.', ids: [] },
  { lang: 'fr', text: "J'ai peur d'avoir mal compris : la remise s'applique sur tout ?", ids: [] },
  { lang: 'en', text: 'im so angry rn, my order is late AGAIN', ids: ['emotion.anger', 'tone.shouting'] },
  { lang: 'en', text: "I'm losing my patience, this is the third reminder.", ids: ['emotion.anger'] },
  {
    lang: 'en',
    text: "I'm sick with worry, my daughter hasn't landed yet and nobody answers the phone.",
    ids: ['claim.generalization', 'emotion.anxiety'],
  },
  {
    lang: 'en',
    text: 'Your reply really disappointed me, I expected more professionalism.',
    ids: ['emotion.disappointment'],
  },
  {
    lang: 'en',
    text: "I'm begging you, please help, I have no heating and it's 5 degrees.",
    ids: ['emotion.anxiety'],
  },
  { lang: 'en', text: "Oh well, never mind, we'll sort something else out.", ids: [] },
  { lang: 'en', text: 'The film was sad but beautiful, thanks for the screening.', ids: [] },
  { lang: 'en', text: "I'm afraid I misunderstood: does the discount apply to everything?", ids: [] },
  {
    lang: 'en',
    text: "I'll be contacting Citizens Advice about this first thing tomorrow.",
    ids: ['pressure.legal'],
  },
  { lang: 'en', text: "If you won't help, I'll see you in court.", ids: ['pressure.legal'] },
  { lang: 'en', text: 'My lawyer is already drafting a letter.', ids: ['pressure.legal'] },
  {
    lang: 'en',
    text: "I'm going to write a review and tell everyone to stay away.",
    ids: ['pressure.reputation'],
  },
  { lang: 'en', text: 'Just wait until my followers see this.', ids: ['pressure.reputation'] },
  { lang: 'en', text: 'Do you realise I bring you fifty bookings a year?', ids: ['pressure.power'] },
  { lang: 'en', text: 'Your regional manager is a close friend of mine.', ids: ['pressure.power'] },
  {
    lang: 'en',
    text: "Give me my money back or I'm done with you.",
    ids: ['request.cancel', 'request.refund'],
  },
  { lang: 'en', text: 'I want compensation for the wasted day off.', ids: ['request.discount'] },
  { lang: 'en', text: 'Please waive the late payment fee this time.', ids: ['request.discount'] },
  {
    lang: 'en',
    text: 'The report is full of mistakes, I need it rewritten by Monday.',
    ids: ['request.redo'],
  },
  { lang: 'en', text: 'Send someone who can actually fix it.', ids: ['request.manager', 'request.redo'] },
  { lang: 'en', text: 'Is there anyone senior I can speak to?', ids: ['request.manager'] },
  { lang: 'en', text: "I'm closing my account today.", ids: ['request.cancel'] },
  { lang: 'en', text: "You'll be hearing from us, and it won't be pleasant.", ids: ['tactic.fear_appeal'] },
  { lang: 'en', text: "It'd be a shame if head office heard about this.", ids: ['tactic.fear_appeal'] },
  {
    lang: 'en',
    text: "Why do you need my address? Why don't you already have it?",
    ids: ['tactic.question_deflection'],
  },
  {
    lang: 'en',
    text: "Lovely, just lovely. I totally agree, your 'premium' service is worth every penny.",
    ids: ['tactic.feigned_agreement'],
  },
  {
    lang: 'en',
    text: "I've spent thousands with you over the years and this is the thanks I get?",
    ids: ['tactic.guilt_trip'],
  },
  {
    lang: 'en',
    text: "Surely the installation comes with the boiler, that's standard.",
    ids: ['tactic.scope_creep'],
  },
  { lang: 'en', text: 'Could you tell me the opening hours for the bank holiday?', ids: [] },
  { lang: 'en', text: "I'd like to book the court for Saturday at 10.", ids: [] },
  { lang: 'en', text: 'We will be reviewing the contract with our legal team before signing.', ids: [] },
  { lang: 'en', text: 'Our director will be joining the call on Monday.', ids: [] },
  { lang: 'fr', text: 'Je vais contacter 60 millions de consommateurs dès demain.', ids: ['pressure.legal'] },
  { lang: 'fr', text: 'Si vous ne faites rien, on se verra au tribunal.', ids: ['pressure.legal'] },
  { lang: 'fr', text: 'Attendez de voir ce que mes abonnés vont en penser.', ids: ['pressure.reputation'] },
  {
    lang: 'fr',
    text: 'Vous réalisez que je vous amène cinquante réservations par an ?',
    ids: ['pressure.power'],
  },
  {
    lang: 'fr',
    text: "Rendez-moi mon argent ou j'arrête tout avec vous.",
    ids: ['request.cancel', 'request.refund'],
  },
  {
    lang: 'fr',
    text: 'Je demande une compensation pour la journée de congé perdue.',
    ids: ['request.discount'],
  },
  { lang: 'fr', text: "Merci d'annuler les pénalités de retard pour cette fois.", ids: ['request.discount'] },
  {
    lang: 'fr',
    text: "Le rapport est plein d'erreurs, il faut me le réécrire pour lundi.",
    ids: ['request.redo'],
  },
  {
    lang: 'fr',
    text: "Il y a quelqu'un de plus haut placé à qui je peux parler ?",
    ids: ['request.manager'],
  },
  {
    lang: 'fr',
    text: 'Vous aurez de mes nouvelles, et ce ne sera pas agréable.',
    ids: ['tactic.fear_appeal'],
  },
  {
    lang: 'fr',
    text: "Pourquoi vous avez besoin de mon adresse ? Vous ne l'avez pas déjà ?",
    ids: ['tactic.question_deflection'],
  },
  {
    lang: 'fr',
    text: "J'ai dépensé des milliers d'euros chez vous et voilà le remerciement ?",
    ids: ['tactic.guilt_trip'],
  },
  { lang: 'fr', text: "L'installation va avec la chaudière, c'est la base.", ids: ['tactic.scope_creep'] },
  { lang: 'fr', text: 'Je voudrais réserver le court de tennis samedi à 10 h.', ids: [] },
  { lang: 'fr', text: 'Nous relirons le contrat avec notre service juridique avant de signer.', ids: [] },
  { lang: 'fr', text: "Notre directeur participera à l'appel lundi.", ids: [] },
];

for (const m of MESSAGES) {
  test(`client message [${m.lang}] ${m.text}`, () => {
    const a = analyze(m.text, { role: 'client', lang: m.lang });
    const ids = [...new Set(a.findings.map((f) => f.id).filter((id) => !id.startsWith('abuse.')))].sort();
    assert.deepEqual(ids, [...m.ids].sort(), JSON.stringify(a.findings.map((f) => [f.id, f.evidence])));
  });
}
