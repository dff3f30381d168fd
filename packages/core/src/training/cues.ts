/**
 * Training cues the spec has no signal for, read on the normalised reply: a concession (money or
 * a freebie given under pressure), a reference to the agreed terms (the quote, the contract, the
 * written record — « jouer carte sur table »), and a hand-over to a supervisor (end and escalate).
 * Everything else the simulator reacts to comes from analyze(reply, { role: 'agent' }).
 */
import { normalize } from '../text/normalize.ts';
import type { Lang } from '../types.ts';

type CueId = 'concession' | 'terms' | 'escalation';

const W = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'u');

const CUES: Readonly<Record<Lang, Readonly<Record<CueId, RegExp>>>> = {
  fr: {
    concession: W(
      [
        'remise',
        'reduction',
        'rabais',
        'ristourne',
        'geste commercial',
        'avoir de',
        'gratuite?s?',
        'gratuitement',
        'offerte?s?',
        "je vous (l'|les )?offre",
        'sans (frais|supplement)',
        'a nos frais',
        'rembourse\\w*',
        '\\d+ ?(%|pour ?cent)',
        'je (vous )?passe (en|devant)',
        'en priorite absolue',
      ].join('|'),
    ),
    terms: W(
      [
        'devis',
        'contrat',
        'bon de commande',
        'cahier des charges',
        'conditions (generales|convenues|prevues)',
        "conditions de (votre|la|notre|l'|cette)",
        '(tarif|prix|date|delai|forfait|offre)s? (convenue?s?|prevue?s?|signee?s?|initiale?s?)',
        'ce qui (a ete|etait) (convenu|prevu|signe)',
        'comme convenu',
        'convenu ensemble',
        "(par|noir sur blanc|a l'|l'|sur) ecrit",
        'votre (mail|courriel|message) du',
        'notre (mail|courriel|echange) du',
        'perimetre',
        "termes (de|du) (notre|l'|votre)",
      ].join('|'),
    ),
    escalation: W(
      [
        '(je|nous) (vais|allons) (vous )?(passer|transmettre|confier)\\w*.{0,40}(responsable|superieure?|superviseu(r|se)|manager|direct(eur|rice))',
        '(mon|ma|notre) (responsable|superieure?|superviseu(r|se)|manager|direct(eur|rice)) (va|vont) (prendre le relais|reprendre|vous (re)?contacter|vous rappeler)',
        'je (vous )?(passe|transmets|confie)\\w*.{0,40}(responsable|superieure?|superviseu(r|se)|manager|direct(eur|rice))',
        '(je|nous) (vais|allons) demander a (mon|ma|notre) (responsable|superieure?|superviseu(r|se)|manager|direct(eur|rice)) de (vous )?(rappeler|recontacter|prendre le relais|reprendre)',
        'passer le relais',
        'je (vais |dois )?(mettre|mets) fin a (cet|notre|cette|la)',
        'je (prefere |vais )?(mettre un terme|arreter la) (a )?(cet|notre|cette|la)',
      ].join('|'),
    ),
  },
  en: {
    concession: W(
      [
        'discount',
        'rebate',
        'refund\\w*',
        'free of charge',
        'for free',
        'free',
        'no charge',
        'at no (extra )?cost',
        'complimentary',
        'waive\\w*',
        'on the house',
        '\\d+ ?(%|per ?cent)',
        'move you to the front',
        'top priority over',
      ].join('|'),
    ),
    terms: W(
      [
        'quote',
        'quotation',
        'contract',
        'order form',
        'statement of work',
        'scope',
        'terms (we|of)',
        '(agreed|contract|quoted|original) (price|rate|date|deadline|terms|package)',
        '(what|as) (we|was) (agreed|signed)',
        'as agreed',
        'in writing',
        'written (record|agreement|confirmation)',
        '(your|our) email (of|from|dated)',
      ].join('|'),
    ),
    escalation: W(
      [
        "(i|we)('ll| will| am going to|'m going to) (hand|pass|transfer|escalate|refer)\\w*.{0,40}(supervisor|manager|team lead|director)",
        '(my|our) (supervisor|manager|team lead|director) (will|is going to) (take over|call you|contact you|get back)',
        '(i|we) (hand|pass|transfer|refer)\\w*.{0,40}(supervisor|manager|team lead|director)',
        'hand (this|you|your \\w+) over',
        "(i|we)('ll| will| am going to|'m going to) ask (my|our) (supervisor|manager|team lead|director) to (call you|contact you|take over|get back)",
        'end (this|our) (call|conversation|chat|exchange)',
      ].join('|'),
    ),
  },
};

/** A refusal that names the concession (« la remise n'est pas prévue ») is not a concession. */
const NEGATION: Readonly<Record<Lang, RegExp>> = {
  fr: W("ne|n'|pas|aucune?|jamais|plus de|impossible"),
  en: W("not|no|never|cannot|can't|won't|don't|isn't|aren't|unable"),
};

/** The cues found in a reply. */
export function readCues(text: string, lang: Lang): Readonly<Record<CueId, boolean>> {
  const n = normalize(text).text;
  const cues = CUES[lang];
  const sentences = n.split(/[.!?;\n]+/);
  return {
    concession: sentences.some((s) => cues.concession.test(s) && !NEGATION[lang].test(s)),
    terms: cues.terms.test(n),
    escalation: cues.escalation.test(n),
  };
}
