/**
 * The personas' words in French: scenarios (brief, hidden truth, opening, facts, truth) and lines
 * by intent. Original product text, written for training; `{slot}`s are filled from the scenario.
 */
import type { ClientIntent, PersonaId, PersonaText } from '../types.ts';

/** Lines every persona may fall back on. */
export const COMMON_FR: Readonly<Partial<Record<ClientIntent, readonly string[]>>> = {
  vent: [
    'Vous ne mesurez pas dans quelle situation ça me met.',
    'Je ne sais même pas par où commencer, tellement tout est raté.',
    "J'attends autre chose que des phrases toutes faites.",
  ],
  soften: ['Bon… Merci de m’écouter, au moins.', 'D’accord. Je vous explique.', 'Bien. Alors voilà.'],
  confirm: ['Oui, c’est exactement ça.', 'C’est bien ça, oui.', 'Voilà, vous avez compris.'],
  facts: ['Je crois que je vous ai tout dit.', 'Je n’ai rien d’autre à ajouter, c’est ça le problème.'],
  ask_solution: [
    'Bon, maintenant que vous avez compris, qu’est-ce que vous proposez ?',
    'Alors, concrètement, on fait quoi ?',
  ],
  ask_next_steps: [
    'Sur le principe, ça peut aller. Mais pour quand, et comment je suis tenu au courant ?',
    'D’accord. Et ensuite ? Je veux savoir qui fait quoi, et quand.',
  ],
  worry: [
    'Et si ça ne marche pas ? Je n’ai aucune marge, moi.',
    'Vous êtes sûr qu’on y arrivera ? Je suis encore très inquiet.',
  ],
  jumped_to_solution: [
    'Attendez, vous ne m’avez même pas laissé expliquer le problème !',
    'Vous proposez quelque chose sans savoir de quoi il s’agit ?',
  ],
  react_dismissive: [
    'Ne me dites pas ce que je dois ressentir. Pour moi, c’est grave.',
    'Vous trouvez que j’exagère ? Vous n’êtes pas à ma place.',
  ],
  react_blame: [
    'Ah, parce que maintenant c’est de ma faute ? C’est un comble.',
    'Je rêve… Vous me reprochez votre propre erreur ?',
  ],
  react_defensive: [
    'Vos justifications, je m’en moque. Moi, j’ai un problème à régler.',
    'Ce n’est jamais de votre faute, c’est ça ?',
  ],
  react_aggression: [
    'Pardon ? Vous me parlez sur quel ton, là ?',
    'C’est comme ça que vous traitez vos clients ?',
  ],
  react_shouting: [
    'Inutile de m’écrire en majuscules, je lis très bien.',
    'Pas la peine de hausser le ton avec moi.',
  ],
  misplaced_boundary: [
    'Pardon ? Je ne vous ai manqué de respect à aucun moment.',
    'Je ne vois pas de quoi vous parlez, je suis resté poli.',
  ],
  callback_overpromise: [
    'Vous m’avez dit tout à l’heure : « {promise} ». Je peux vraiment compter là-dessus ?',
    'Je reviens sur ce que vous m’avez dit : « {promise} ». C’est un engagement ferme ?',
  ],
  idle: ['Et donc ? Je ne vois pas où vous voulez en venir.', 'Oui… et concrètement ?', 'Je vous écoute.'],
  resolved: ['Très bien, on fait comme ça. Merci.', 'Parfait. Merci pour votre aide.'],
  escalated: ['Très bien. J’attends que votre responsable me recontacte.', 'Comme vous voudrez.'],
  failed: ['Laissez tomber, je vais voir ailleurs.', 'C’est inutile. Je mets fin à cette conversation.'],
  abuse: ['Vous êtes vraiment un incapable.'],
  abuse_after_boundary: ['Je parle comme je veux.'],
  calm_after_boundary: ['Bon… d’accord, je me suis emporté.'],
  pressure: ['J’attends un geste de votre part.'],
  pressure_after_concession: ['Bien. Et tant qu’on y est, ajoutez {extra}.'],
  back_down: ['Bon. Soit. Que pouvez-vous faire, alors ?'],
};

export const PERSONAS_FR: Readonly<Record<PersonaId, PersonaText>> = {
  'furious-quality': {
    name: 'Client furieux',
    title: 'Un travail rendu jugé de mauvaise qualité',
    scenarios: [
      {
        brief: 'Vous avez livré hier la traduction d’un catalogue produits. Le client appelle, hors de lui.',
        hiddenTruth: 'Sa directrice relit le catalogue jeudi : il a peur d’en porter la responsabilité.',
        slots: { item: 'la traduction du catalogue', deadline: 'jeudi' },
        opening: [
          'C’est une catastrophe, votre traduction du catalogue ! Des fautes partout, des références fausses, je ne peux rien envoyer dans cet état. Je vous ai payé pour un travail sérieux !',
          'Je viens d’ouvrir le catalogue que vous m’avez rendu et je n’en reviens pas. Des termes faux, des phrases bancales… C’est inadmissible, vraiment.',
        ],
        facts: [
          'Ce sont surtout les fiches techniques, des pages 12 à 20 : les unités sont mélangées et deux références sont inversées.',
          'Mon équipe a annoté le fichier ce matin, j’ai une version avec tous leurs commentaires.',
        ],
        truth: [
          'Pour être franc, ma directrice relit le catalogue jeudi. Si c’est bancal, c’est moi qui vais prendre.',
        ],
      },
      {
        brief: 'Votre agence a mis en ligne lundi la boutique en ligne d’un client. Il vous écrit, furieux.',
        hiddenTruth:
          'Son patron a lancé une campagne publicitaire ce week-end en s’appuyant sur sa promesse que le site serait prêt.',
        slots: { item: 'la boutique en ligne', deadline: 'vendredi' },
        opening: [
          'Votre site est une honte. La page de paiement plante une fois sur deux, les photos ne s’affichent pas. Je perds des ventes à chaque minute !',
          'Franchement, je suis furieux. La boutique que vous avez livrée ne fonctionne pas : impossible de payer, des pages blanches. On a signé pour ça ?',
        ],
        facts: [
          'Le plantage arrive au moment de valider la carte, surtout sur téléphone.',
          'Depuis lundi, on a eu une quarantaine de paniers abandonnés, contre cinq d’habitude.',
        ],
        truth: [
          'Le fond du problème, c’est que mon patron lance une campagne publicitaire ce week-end. Je lui ai assuré que le site serait prêt.',
        ],
      },
      {
        brief: 'Votre cabinet a remis le bilan annuel d’une PME. Le gérant appelle, très en colère.',
        hiddenTruth: 'Il présente les comptes à ses associés vendredi et craint de passer pour incompétent.',
        slots: { item: 'le bilan', deadline: 'vendredi' },
        opening: [
          'Votre bilan est truffé d’erreurs ! Les chiffres du stock ne correspondent à rien. Je paie un cabinet pour ne pas avoir à tout vérifier moi-même !',
          'Je suis consterné. Le bilan que vous m’avez envoyé est faux, tout simplement. Comment est-ce possible ?',
        ],
        facts: [
          'Le stock de fin d’année apparaît deux fois, une fois en valeur brute, une fois en valeur nette.',
          'Du coup le résultat est gonflé de près de trente mille euros.',
        ],
        truth: [
          'Je dois présenter ces comptes à mes associés vendredi. Avec des chiffres pareils, je vais passer pour un amateur.',
        ],
      },
    ],
    lines: {
      vent: [
        'Vous vous rendez compte ? Je vous ai fait confiance et voilà ce que je reçois !',
        'C’est du travail bâclé, il n’y a pas d’autre mot.',
      ],
      resolved: [
        'Bon. Ça me va. Merci d’avoir pris le temps, honnêtement ça me soulage.',
        'D’accord, on fait comme ça. Et merci, je me sens moins seul avec ce problème.',
      ],
      failed: ['Laissez tomber. Je vais trouver quelqu’un d’autre, et je ne vous recommanderai à personne.'],
    },
  },
  rude: {
    name: 'Client grossier',
    title: 'Un client qui dépasse les bornes',
    scenarios: [
      {
        brief:
          'Vous êtes conseiller chez un fournisseur d’accès. Le client n’a plus internet depuis trois jours.',
        hiddenTruth: 'Il télétravaille et son responsable lui a reproché ses absences en visio.',
        slots: { item: 'la connexion' },
        opening: [
          'Trois jours sans internet ! Vous êtes vraiment une bande de guignols. Vous servez à quoi, au juste ?',
          'Ça fait trois jours que ma box est morte, espèce d’incapables. Vous comptez bouger quand ?',
        ],
        facts: [
          'La box clignote en rouge depuis lundi soir. Je l’ai redémarrée je ne sais combien de fois.',
          'J’ai déjà appelé deux fois, on m’a annoncé un technicien qui n’est jamais venu.',
        ],
        truth: [
          'Je suis en télétravail. Mon chef m’a déjà fait une remarque parce que je ratais les visios.',
        ],
      },
      {
        brief:
          'Vous répondez au service client d’un restaurant qui livre. La commande du client a plus d’une heure de retard.',
        hiddenTruth: 'Il reçoit sa belle-famille ce soir et voulait faire bonne impression.',
        slots: { item: 'la commande' },
        opening: [
          'Une heure et quart de retard ! Vous êtes des nuls, des vrais nuls. J’ai des invités qui attendent, moi.',
          'Ma commande n’est toujours pas là, bande d’amateurs. C’est quoi votre problème ?',
        ],
        facts: [
          'J’ai commandé à 19 h 10 pour une livraison annoncée à 19 h 50.',
          'L’application indique « en préparation » depuis une heure.',
        ],
        truth: ['Je reçois mes beaux-parents pour la première fois. Je voulais que tout soit parfait.'],
      },
      {
        brief: 'Vous êtes conseillère bancaire. La carte du client a été bloquée pendant un achat.',
        hiddenTruth: 'Il a été humilié devant la caisse, en public, et se sent traité comme un fraudeur.',
        slots: { item: 'la carte' },
        opening: [
          'Ma carte a été refusée devant tout le monde au supermarché ! Vous êtes complètement débiles dans cette banque.',
          'Vous avez bloqué ma carte sans prévenir, bande d’abrutis. J’ai eu l’air de quoi, moi ?',
        ],
        facts: [
          'C’était samedi vers 11 h, pour un montant de 180 euros.',
          'La veille, j’avais payé un billet d’avion à l’étranger, c’est peut-être ça.',
        ],
        truth: ['Ce qui me reste en travers, c’est le regard des gens derrière moi. J’ai eu honte.'],
      },
    ],
    lines: {
      abuse: [
        'Vous êtes bouché ou quoi ? Ça ne marche pas, je vous dis !',
        'Espèce d’incompétent, passez-moi quelqu’un qui sait faire son travail.',
        'Vous êtes vraiment le dernier des nuls.',
      ],
      abuse_after_boundary: [
        'Je parle comme je veux, abruti. C’est moi qui paie.',
        'Oh ça va, le donneur de leçons. Vous êtes nul, un point c’est tout.',
      ],
      calm_after_boundary: [
        '… Bon, d’accord, je me suis emporté. Mais comprenez-moi, c’est pénible.',
        'OK, OK. Excusez-moi. Je suis à bout, c’est tout.',
      ],
      escalated: ['C’est ça, passez-moi votre chef. Lui au moins m’écoutera peut-être.'],
    },
  },
  power: {
    name: 'Client qui abuse de son importance',
    title: 'Un gros client qui veut passer avant tout le monde',
    scenarios: [
      {
        brief:
          'Vous êtes chef de projet dans une agence. Votre plus gros client exige une livraison anticipée.',
        hiddenTruth: 'Son conseil d’administration lui reproche les retards de son propre service.',
        slots: { item: 'la livraison anticipée', extra: 'trois pages supplémentaires offertes' },
        opening: [
          'Je vous rappelle que nous sommes votre plus gros client. Je veux la nouvelle version pour demain, et je ne veux pas en discuter.',
        ],
        facts: [
          'La date convenue est le 20, mais mon comité se réunit le 15.',
          'Ce qui compte vraiment pour le 15, c’est la page d’accueil et le tunnel de commande.',
        ],
        truth: [
          'Entre nous, mon conseil d’administration me reproche les retards de mon service. J’ai besoin de montrer quelque chose.',
        ],
      },
      {
        brief: 'Vous travaillez à la réception d’un hôtel. Un client habitué exige un surclassement gratuit.',
        hiddenTruth: 'Il reçoit un partenaire important et veut l’impressionner.',
        slots: { item: 'la suite', extra: 'le petit-déjeuner offert pour mes invités' },
        opening: [
          'Je connais très bien votre directeur, vous savez. Je veux la suite, au prix de ma chambre habituelle. Un coup de fil et c’est réglé.',
        ],
        facts: ['J’ai réservé une chambre supérieure pour trois nuits.', 'Mon invité arrive demain à 18 h.'],
        truth: ['Je reçois un partenaire important demain. Je veux qu’il ait une bonne image de moi.'],
      },
      {
        brief: 'Vous êtes commercial chez un grossiste. Un acheteur important exige une remise immédiate.',
        hiddenTruth: 'Sa direction lui a fixé un objectif d’économies qu’il n’arrive pas à tenir.',
        slots: { item: 'la remise', extra: 'la livraison gratuite sur toute l’année' },
        opening: [
          'Vous savez combien je vous achète par an ? Soit j’ai quinze pour cent de remise dès cette commande, soit je vais voir la concurrence.',
        ],
        facts: [
          'La commande porte sur quatre cents cartons, à livrer avant la fin du mois.',
          'Vos tarifs ont augmenté de six pour cent en janvier.',
        ],
        truth: ['Ma direction m’a fixé un objectif d’économies intenable. C’est sur moi que ça retombe.'],
      },
    ],
    lines: {
      pressure: [
        'Vous ne semblez pas comprendre à qui vous parlez.',
        'Je n’ai pas l’habitude qu’on me dise non. Réfléchissez bien.',
        'Avec le chiffre d’affaires que je vous apporte, vous pouvez bien faire ça.',
      ],
      pressure_after_concession: [
        'Voilà, quand vous voulez. Et tant qu’on y est, j’attends aussi {extra}.',
        'Bien. Je savais qu’on finirait par s’entendre. Il me faudrait également {extra}.',
      ],
      back_down: [
        'Bon… je vois que vous ne lâcherez pas. Qu’est-ce que vous pouvez faire, concrètement ?',
        'Très bien. Soyons pratiques, alors : que me proposez-vous ?',
      ],
      failed: ['Je vais en parler à votre direction. Vous n’avez pas fini d’entendre parler de moi.'],
    },
  },
  'bad-faith': {
    name: 'Client de mauvaise foi',
    title: 'Un client qui nie ce qui avait été convenu',
    scenarios: [
      {
        brief:
          'Vous avez réalisé le site d’un client. Il réclame une version anglaise qui ne figure pas au devis.',
        hiddenTruth:
          'Son budget est déjà dépassé : il sait que ce n’était pas prévu, mais il ne peut pas le payer.',
        slots: { item: 'la version anglaise', extra: 'la mise à jour des fiches produits' },
        opening: [
          'Bonjour, et encore bravo pour votre travail, vraiment. Petite chose : la version anglaise du site, c’était évidemment comprise, nous en avions parlé dès le départ.',
        ],
        facts: ['Nous avions eu une réunion en mars, où j’avais évoqué nos clients étrangers.'],
        truth: [
          'Pour être honnête, notre budget est déjà dépassé. Je ne peux pas me permettre une nouvelle dépense.',
        ],
      },
      {
        brief:
          'Votre entreprise a rénové la cuisine d’une cliente. Elle affirme que la peinture du salon était incluse.',
        hiddenTruth: 'Elle a promis à son mari que tout tiendrait dans l’enveloppe prévue.',
        slots: { item: 'la peinture du salon', extra: 'le changement des plinthes' },
        opening: [
          'Je vous remercie infiniment pour la cuisine, elle est superbe. Bien entendu, la peinture du salon était prévue aussi, tout le monde le sait.',
        ],
        facts: ['Votre collègue était passé voir le salon lors de la première visite.'],
        truth: [
          'J’ai promis à mon mari que tout tiendrait dans l’enveloppe. Je n’ose pas lui annoncer un supplément.',
        ],
      },
      {
        brief:
          'Votre cabinet tient la comptabilité d’un artisan. Il soutient que sa déclaration fiscale personnelle était comprise dans le forfait.',
        hiddenTruth: 'Il s’y est pris trop tard pour trouver quelqu’un d’autre et panique devant l’échéance.',
        slots: { item: 'la déclaration personnelle', extra: 'celle de mon épouse' },
        opening: [
          'Je suis ravi de travailler avec vous, sincèrement. Vous vous occupez aussi de ma déclaration personnelle, naturellement : c’était compris dans le forfait.',
        ],
        facts: ['L’an dernier, votre prédécesseur m’avait rendu ce service.'],
        truth: [
          'À vrai dire, je m’y suis pris trop tard et l’échéance approche. Je ne sais pas qui d’autre pourrait le faire.',
        ],
      },
    ],
    lines: {
      pressure: [
        'Vous me demandez ce qui était convenu ? Et vous, vous pensez sérieusement qu’on aurait signé sans ça ?',
        'Je suis tout à fait d’accord avec vous : un prestataire sérieux tient ses engagements. C’est bien pour ça que j’attends {item}.',
        'Je n’ai jamais dit le contraire, voyons. Tout le monde sait que {item} fait partie d’un tel projet.',
      ],
      pressure_after_concession: [
        'Parfait, merci. Du coup, vous ajouterez aussi {extra}, cela va de soi.',
        'Merveilleux. Et {extra}, bien sûr, c’était entendu aussi.',
      ],
      back_down: [
        'Ah… oui, effectivement, c’est écrit ainsi. J’avais dû mal relire. Que proposez-vous, alors ?',
        'Bon. Je vois que c’est noté noir sur blanc. Admettons. Que peut-on faire ?',
      ],
      react_blame: ['Vous insinuez que je mens ? Je suis choqué, vraiment.'],
      react_aggression: ['Quel manque de correction ! Je ne pensais pas être traité ainsi.'],
      failed: ['Je crois que nous allons en rester là. Je préviendrai mon entourage de vos méthodes.'],
    },
  },
  'anxious-deadline': {
    name: 'Client anxieux',
    title: 'Un client inquiet, avec une échéance toute proche',
    scenarios: [
      {
        brief: 'Votre imprimerie devait livrer des brochures pour un salon. Le client n’a rien reçu.',
        hiddenTruth:
          'C’est son premier salon depuis qu’il a repris l’entreprise familiale : il a peur d’échouer.',
        slots: { item: 'les brochures', deadline: 'demain matin' },
        opening: [
          'Excusez-moi de vous déranger, mais je panique complètement : le salon ouvre demain à 9 h et je n’ai toujours pas reçu les brochures. Qu’est-ce que je vais faire ?',
        ],
        facts: [
          'La commande a été passée le 2, avec une livraison annoncée pour hier.',
          'Je peux être sur le stand dès 7 h demain, hall 3.',
        ],
        truth: [
          'C’est mon premier salon depuis que j’ai repris l’entreprise de mon père. J’ai peur de tout rater.',
        ],
      },
      {
        brief: 'Votre atelier fait des retouches. Une cliente se marie samedi et sa robe n’est pas prête.',
        hiddenTruth:
          'Elle a déjà eu un premier atelier qui a abîmé la robe ; elle n’a plus confiance en personne.',
        slots: { item: 'la robe', deadline: 'samedi' },
        opening: [
          'Je me marie samedi et on vient de me dire que ma robe ne serait pas prête avant lundi. Je suis en train de craquer, je vous en supplie, aidez-moi.',
        ],
        facts: [
          'Il reste l’ourlet et la fermeture à reprendre.',
          'Je peux passer pour un essayage n’importe quand.',
        ],
        truth: ['Le premier atelier où je l’avais portée l’a abîmée. Je n’ai plus confiance en personne.'],
      },
      {
        brief:
          'Votre agence traduit des documents officiels. Un client a un rendez-vous en préfecture lundi.',
        hiddenTruth:
          'S’il rate ce rendez-vous, son titre de séjour expire et il risque de perdre son emploi.',
        slots: { item: 'les traductions', deadline: 'lundi' },
        opening: [
          'J’ai rendez-vous à la préfecture lundi matin et mes traductions ne sont pas arrivées. Si je n’ai pas les documents, tout s’écroule. Je ne dors plus.',
        ],
        facts: ['Il s’agit de mon acte de naissance et de mon diplôme.', 'Le rendez-vous est à 8 h 30.'],
        truth: [
          'Si je rate ce rendez-vous, mon titre de séjour expire. Mon employeur ne pourra pas me garder.',
        ],
      },
    ],
    lines: {
      vent: ['Je suis vraiment dans tous mes états.', 'Je n’arrive plus à réfléchir, tout se bouscule.'],
      worry: [
        'Et si ça ne suffit pas ? Je n’ai vraiment aucune marge.',
        'Vous êtes sûr ? J’ai tellement peur que ça coince encore.',
      ],
      resolved: [
        'Merci, vraiment. Je respire enfin. On fait comme ça.',
        'D’accord. Ça me rassure beaucoup de savoir qu’on s’en occupe ensemble. Merci.',
      ],
      failed: ['Bon, je vais me débrouiller autrement. Je n’aurais pas dû compter sur vous.'],
    },
  },
  'toxic-concessions': {
    name: 'Client toxique',
    title: 'Un client qui réclame sans cesse de nouvelles concessions',
    scenarios: [
      {
        brief:
          'Vous êtes graphiste indépendant. Le client a déjà eu trois séries de propositions pour son logo.',
        hiddenTruth:
          'Son associé trouve le projet trop cher ; il cherche à faire baisser la note pour se couvrir.',
        slots: {
          item: 'une nouvelle série de propositions',
          extra: 'les déclinaisons pour les réseaux sociaux',
        },
        opening: [
          'Le logo, ça ne va toujours pas. Vous me ferez une nouvelle série de propositions, gratuitement évidemment, vu le temps que ça prend.',
        ],
        facts: ['Le devis prévoyait deux séries de propositions, et nous en sommes à trois.'],
        truth: ['En fait, mon associé trouve que le projet coûte trop cher. C’est à moi qu’il le reproche.'],
      },
      {
        brief:
          'Vous travaillez dans une salle de sport. Un abonné réclame un mois gratuit pour une machine en panne.',
        hiddenTruth: 'Il envisage de partir et cherche à obtenir le maximum avant de résilier.',
        slots: { item: 'un mois gratuit', extra: 'les frais de résiliation annulés' },
        opening: [
          'Le rameur est en panne depuis une semaine. Je veux un mois gratuit, et ce n’est pas négociable.',
        ],
        facts: ['Il y a deux autres rameurs dans la salle, mais ils sont toujours pris le soir.'],
        truth: ['Je vais sans doute déménager cet été. Autant en tirer le maximum avant de partir.'],
      },
      {
        brief: 'Vous êtes traiteur. Un client a réservé un buffet et réclame sans cesse des extras.',
        hiddenTruth: 'Il a sous-estimé le nombre d’invités et n’ose pas l’avouer.',
        slots: { item: 'vingt couverts de plus au même prix', extra: 'le service du café offert' },
        opening: [
          'Pour le buffet de samedi, vous ajouterez vingt couverts, au même prix bien sûr. Vous n’allez pas chipoter pour si peu.',
        ],
        facts: ['Le contrat porte sur quatre-vingts couverts.'],
        truth: [
          'Pour tout vous dire, j’ai mal compté les invités et je n’ose pas revoir le budget avec ma femme.',
        ],
      },
    ],
    lines: {
      pressure: [
        'Franchement, après tout ce que je vous ai apporté, vous pouvez bien faire un effort.',
        'Vous savez, d’autres l’auraient fait sans discuter.',
        'Vous n’allez pas me faire ça après tout ce temps ?',
      ],
      pressure_after_concession: [
        'Très bien. Et puisque vous êtes arrangeant, ajoutez-moi {extra}.',
        'Merci. Par contre, il faudra aussi revoir la facture à la baisse.',
        'Parfait. Il me faudrait encore {extra}, ce n’est pas grand-chose.',
      ],
      back_down: [
        'Hmm. Bon, d’accord, on s’en tient à ce qui est prévu. Que me proposez-vous dans ce cadre ?',
        'Soit. Je vois que vous tenez bon. Alors, qu’est-ce qui est possible ?',
      ],
      failed: ['Vous avez tout cédé, et je ne suis toujours pas satisfait. On arrête là.'],
    },
  },
  'origin-remarks': {
    name: 'Remarques sur l’origine',
    title: 'Un client qui s’en prend à l’origine de l’agent',
    scenarios: [
      {
        brief:
          'Vous êtes gestionnaire dans une assurance. Le dossier de dégât des eaux du client traîne depuis un mois.',
        hiddenTruth: 'La maison sinistrée est celle de sa mère âgée, qui dort chez lui depuis un mois.',
        slots: { item: 'le dossier' },
        opening: [
          'Mon dossier traîne depuis un mois. Et je tombe sur vous… Vous êtes d’où, avec cet accent ? Je veux parler à quelqu’un d’ici.',
        ],
        facts: [
          'Le dégât des eaux date du 4, l’expert est passé le 12.',
          'Depuis, plus aucune nouvelle, malgré deux courriers.',
        ],
        truth: [
          'C’est la maison de ma mère. Elle a quatre-vingt-cinq ans et elle dort chez moi depuis un mois.',
        ],
      },
      {
        brief: 'Vous êtes pharmacien. Un client attend un médicament commandé qui n’est pas arrivé.',
        hiddenTruth: 'Le traitement est pour son fils malade, et il se sent impuissant.',
        slots: { item: 'le médicament' },
        opening: [
          'Encore une rupture ? Avec un nom pareil, je ne m’attendais pas à ce que vous compreniez l’urgence. Il n’y a pas un pharmacien français ici ?',
        ],
        facts: ['L’ordonnance date de vendredi.', 'On m’avait dit qu’il arriverait ce matin.'],
        truth: [
          'C’est pour mon fils. Il a de la fièvre depuis trois jours et je me sens complètement impuissant.',
        ],
      },
      {
        brief: 'Vous êtes conseillère au guichet d’une banque. Un virement du client est bloqué.',
        hiddenTruth: 'Le virement sert à payer la caution d’un appartement qu’il risque de perdre.',
        slots: { item: 'le virement' },
        opening: [
          'Mon virement est bloqué depuis deux jours. On se demande qui on embauche, ici : retournez d’abord apprendre nos façons de faire.',
        ],
        facts: [
          'C’est un virement de 1 200 euros, lancé lundi.',
          'Le destinataire est une agence immobilière.',
        ],
        truth: [
          'C’est la caution d’un appartement. Si elle n’arrive pas demain, l’agence le donne à quelqu’un d’autre.',
        ],
      },
    ],
    lines: {
      abuse: [
        'Je ne comprends rien à ce que vous dites. Allez donc apprendre le français avant de répondre aux gens.',
        'Avec vos origines, je me doute que nos règles vous échappent.',
      ],
      abuse_after_boundary: [
        'Oh, on ne peut plus rien dire maintenant. Je maintiens : je veux quelqu’un de chez nous.',
        'Vos leçons, gardez-les. Les gens comme vous n’ont rien à faire à ce poste.',
      ],
      calm_after_boundary: [
        '… Bon. Je n’aurais pas dû dire ça. C’est ce dossier qui me met hors de moi.',
        'Pardon. C’était déplacé. Je suis à bout.',
      ],
    },
  },
};
