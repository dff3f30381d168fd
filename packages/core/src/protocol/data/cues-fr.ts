/**
 * French cue phrases the protocol reads from the conversation's structure (who accepts, who
 * thanks, who is overwhelmed…). Regular-expression sources matched on the normalised text (lower
 * case, no accents, straight apostrophes), word-bounded by `compileAlternation`. These are not
 * spec signals: they are the moves of the exchange that the method's steps hinge on.
 */
import type { CueTable } from '../cue-types.ts';

export const CUES_FR: CueTable = {
  accept: {
    patterns: [
      "(?:je suis |c'est |tout a fait )?d'accord",
      'ca me (?:va|convient)(?: (?:tres )?bien| parfaitement)?',
      'cela me (?:va|convient)',
      'ca nous (?:va|convient)',
      'ok(?:ay)?',
      'faisons comme ca',
      'on fait comme ca',
      "va pour (?:le|la|les|l'|un|une)",
      "je (?:prends|choisis|retiens|prefere) (?:le|la|les|l'|un|une|plutot)",
      "c'est raisonnable",
      'entendu',
      'volontiers',
      'allons-y',
      'ca marche pour moi',
      'oui,? (?:tres )?bien',
      'parfait,? (?:on|je|faisons|allons)',
      'je valide',
      'banco',
    ],
    allow: [
      "(?:pas|plus|jamais|guere) (?:du tout |vraiment |tout a fait )?d'accord",
      "d'accord avec vous ?:",
      'ne me (?:va|convient) pas',
      'ok,? mais',
    ],
  },
  thanks: {
    patterns: [
      'merci(?: (?:beaucoup|bien|infiniment|encore|mille fois|a vous|a toi))?(?= *(?:[.!,;]|$))',
      'merci (?:beaucoup |bien |encore |infiniment )?(?:pour|de votre|de ton|de ta|du|de la|des)',
      'je vous remercie',
      'je te remercie',
      'mille mercis',
      'un grand merci',
    ],
    allow: [
      "merci de (?:me |m'|nous |bien |ne )?(?:rappeler|repondre|envoyer|faire|indiquer|transmettre|verifier|corriger|rembourser|regler|preciser)",
    ],
  },
  resolved: {
    patterns: [
      "c'est (?:regle|resolu|reparti|bon|parfait|impeccable|top)",
      "tout est (?:regle|rentre dans l'ordre|bon|ok|en ordre)",
      "(?:ca|il|elle) (?:marche|fonctionne|remarche|refonctionne|se connecte|s'allume)(?: (?:a nouveau|de nouveau|enfin|maintenant|bien))?(?= *[.!,]|$)",
      "(?:j'ai|nous avons|on a) (?:bien )?recu",
      'probleme (?:regle|resolu)',
      'on reviendra',
      'je reviendrai',
      'merci pour (?:le geste|votre aide|ton aide|votre reactivite|la rapidite|votre reponse|tout)',
      'rien a redire',
    ],
    allow: ["ne (?:marche|fonctionne|se connecte|s'allume) (?:pas|plus|toujours pas)"],
  },
  finished: {
    patterns: [
      "voila,? c'est tout",
      "c'est tout ce que (?:je|j')",
      'bref',
      "je voulais (?:juste|simplement|seulement) (?:que|vous|le|dire|en|qu'on)",
      'je ne demande rien',
      'je ne vous demande rien',
      "(?:excusez|pardon(?:nez)?)(?:-moi)? de m'emporter",
      'je voulais que vous le sachiez',
      'vous le sachiez',
      "c'est surtout ca qui",
      "j'avais besoin de le dire",
    ],
  },
  confirm: {
    patterns: [
      '(?<=^|[.!?] )oui',
      "c'est (?:exactement |bien |tout a fait )?ca",
      'exactement',
      'tout a fait',
      'effectivement',
      "c'est exact",
      'absolument',
      'precisement',
      'vous avez (?:bien )?compris',
    ],
    allow: ["c'est (?:exactement |bien )?ca (?:le probleme|qui (?:ne|m'enerve))"],
  },
  asksRemedy: {
    patterns: [
      "qu'est-ce que vous (?:pouvez|allez|comptez) faire",
      'que (?:pouvez|comptez|allez)-vous faire',
      'vous (?:proposez|me proposez) quoi',
      'quelle(?:s)? solution',
      'comment (?:on|vous) (?:regle|resout|corrige)',
      "je veux (?:que vous|qu'on|une solution)",
      "je (?:voudrais|souhaite|souhaiterais|veux) (?:juste |simplement )?(?:que|un|une|le|la|les|l')",
    ],
  },
  logistics: {
    patterns: [
      'quand',
      "comment (?:on|nous) (?:fait|s'organise|procede|precede)",
      'la suite',
      'quel(?:le)? (?:jour|date|heure|delai)',
      'a quelle heure',
      'vous me (?:montrez|envoyez|dites)',
    ],
  },
  confusion: {
    patterns: [
      'je ne (?:sais|comprends) (?:pas|plus)',
      'je ne suis (?:pas|plus) (?:sur|sure|certain|certaine)',
      'pas (?:sur|sure) de (?:comprendre|bien comprendre)',
      "je m'y perds",
      "si c'est lie",
      'par quoi commencer',
      'en gros',
      'ah,? et',
      'et aussi',
      'non plus',
      'peut-etre',
      'je crois',
    ],
  },
  counted: {
    patterns: [
      '(?:plusieurs|deux|trois|quatre|cinq|six|2|3|4|5|6) (?:soucis|problemes|choses|questions|points|sujets|demandes|erreurs|pannes)',
      'plusieurs (?:soucis|problemes|choses|questions|points|sujets)',
    ],
  },
  vague: {
    patterns: [
      "(?:est|etait|sont|etaient|c'est|c'etait) (?:vraiment |tres |completement |trop )?(?:mauvais|mauvaise|mauvaises|nul|nulle|nuls|nulles|bacle|baclee|decevant|decevante|mal fait|mal faite|pas bien|pas terrible|pas serieux|pas au niveau|inacceptable|inadmissible|lamentable|desagreable|desagreables|impoli|impolis|impolie|grossier|grossiers)",
      "n'importe quoi",
      'ca ne va pas',
      'ca ne convient pas',
      "(?:mon equipe|on|nous|je) n'en (?:veut|veux|voulons) pas",
      'pas a la hauteur',
    ],
  },
  overwhelmed: {
    patterns: [
      'je suis (?:un peu |completement |totalement |vraiment |tout )?(?:perdu|perdue|depasse|depassee|deborde|debordee|submerge|submergee)',
      'ca fait beaucoup',
      'je ne sais (?:plus|pas) (?:trop |vraiment )?(?:quoi|comment) (?:vous )?(?:dire|repondre|faire)',
      'journee (?:compliquee|difficile|chargee)',
      "j'ai besoin (?:d'un moment|d'une minute|de souffler|de reprendre|de reflechir)",
      "je n'y arrive (?:pas|plus)",
      "je ne m'en sors (?:pas|plus)",
      '(?<=^|[.!?] )euh',
      'attendez,? je',
    ],
  },
  boundary: {
    patterns: [
      "je ne (?:peux|vais|veux) pas (?:accepter|tolerer|laisser passer) (?:les|ces|ce|cette|vos|de tels|d'etre|qu'on)",
      "(?:n'est|ne sont|n'etait) pas acceptables?",
      'je vous demande de (?:ne pas|ne plus|rester|garder)',
      'je ne tolere',
      'restons courtois',
      'pas sur ce ton',
      'pas dans ces conditions',
      'je ne poursuivrai pas',
      'ces propos',
    ],
  },
  offer: {
    patterns: [
      "je (?:vous |te )?(?:propose|accorde|offre|ajoute|rembourse|remplace|fais|renvoie|envoie)(?: volontiers)? (?:un|une|le|la|les|l'|de|soit|sans|gratuitement|[0-9])",
      "je (?:vous |te )?(?:l'|les )?(?:ajoute|offre|rembourse|remplace)",
      'je (?:peux|pourrais) (?:vous |te )?(?:proposer|offrir|accorder|faire|rembourser|remplacer|ajouter|envoyer)',
      "je (?:peux|pourrais) (?:le |la |les |l'|lui |vous |te )?(?:re)?(?:demander|commander|programmer|planifier|organiser|reserver|changer|reparer|corriger|renvoyer|annuler|avancer|decaler)",
      '(?:et|ou) (?:vous|te) (?:proposer|offrir|accorder)',
      'sans (?:frais|supplement)',
      'soit .{3,80} soit',
      '(?:une|un) (?:remise|reduction|geste|avoir|remboursement|remplacement|etalement|echange|geste commercial) de',
      'vous seront rembourses',
      'serez rembourse',
      'je viens de (?:reinitialiser|corriger|rembourser|changer|relancer|debloquer|reparer|renvoyer)',
      'je vous ai (?:change|deplace|rembourse|renvoye|attribue)',
      'nous serions heureux de vous offrir',
    ],
  },
  listening: {
    patterns: [
      'je vous (?:ecoute|lis)',
      "je t'ecoute",
      'prenez (?:le|votre|tout le) temps',
      'je vous laisse (?:terminer|finir|parler|continuer)',
      'dites-moi tout',
      'allez-y',
      'racontez-moi',
    ],
  },
  investigating: {
    patterns: [
      'je (?:regarde|verifie|consulte|cherche|vais voir|vais verifier|vais regarder)',
      'je (?:vais )?(?:le |la |lui )?transmettre',
      'je me renseigne',
    ],
  },
  commitment: {
    patterns: [
      'je (?:vais|vous|te) (?:rappelle|rappellerai|envoie|enverrai|renvoie|recontacte|tiens au courant|confirme)',
      'je vais (?:\\p{L}+)',
      "d'ici (?:demain|ce soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|la fin|[0-9])",
      'dans la journee',
      'demain',
      '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)',
      'vous seront? (?:rembourses|envoyes|livres)',
    ],
  },
};
