/**
 * What the client actually said, as material for a reformulation: the concrete points of their
 * account (clauses with a fact — a number, a date, something that does not work) restated from
 * the agent's side, and what they asked for (request.* findings). Clauses that carry abuse,
 * pressure or a tactic are never reused; neither are clauses that cannot be restated cleanly.
 */
import type { Lang, SignalId } from '../types.ts';
import type { CueKind } from './cue-types.ts';
import { detectCues } from './cues.ts';
import { toAgentSide } from './perspective.ts';
import type { Formality } from './phrases.ts';
import type { ProtocolState, TurnView } from './state.ts';

export interface ClientPoints {
  /** Restated clauses, agent's side, lower-case start, no final punctuation. */
  readonly points: readonly string[];
  /** Request ids found in the client's last two turns, most recent first, distinct. */
  readonly requests: readonly SignalId[];
  /** A point that stands on its own (no « il en manque… » pointing back), short enough to name. */
  readonly situation?: string;
}

/** Clauses that start by pointing back at something said before cannot be quoted alone. */
const ANAPHORIC: Readonly<Record<Lang, RegExp>> = {
  fr: /^(?:c['’]|(?:il|elle|ils|elles|ça|ca|cela|en|y|là|celui|celle|ceux)(?![\p{L}]))/iu,
  en: /^(?:it|they|this|that|these|those|there|he|she)\b/iu,
};

const PROBLEM: Readonly<Record<Lang, RegExp>> = {
  fr: /(?<![\p{L}])(?:ne|n['’]|pas|plus|toujours|jamais|aucun|aucune|rien|sans|encore|erreur|panne|fuit|cass\p{L}*|bloqu\p{L}*|retard|double|deux fois|factur\p{L}*|coupe\p{L}*|absent\p{L}*|oubli\p{L}*|manqu\p{L}*)(?![\p{L}])/iu,
  en: /\b(?:not|no|never|still|without|twice|broken|dead|late|missing|wrong|error|charged|stuck|failed|leak\w*|cancel\w*)\b|n't\b/iu,
};
const FEELING_ONLY: Readonly<Record<Lang, RegExp>> = {
  fr: /^(?:je suis|j['’]en ai|je commence|franchement|honn[eê]tement|je me sens|c['’]est surtout|bref|voil[aà]|bonjour|bonsoir|merci)/iu,
  en: /^(?:i'?m (?:so |really |very )?(?:angry|furious|upset|disappointed|fed up|exhausted)|i feel|honestly|frankly|hello|hi|thanks|right,)/iu,
};
const FEELING: Readonly<Record<Lang, RegExp>> = {
  fr: /(?<![\p{L}])(?:d[ée]çu\p{L}*|furieu\p{L}*|col[eè]re|marre|triste|peine|angoiss\p{L}*|inquiet\p{L}*|stress\p{L}*|paniqu\p{L}*|honte|blague|moindre|me sens|impression|b[eê]te|ridicule|vex[ée]\p{L}*)(?![\p{L}])/iu,
  en: /\b(?:disappointed|furious|angry|upset|worried|anxious|scared|fed up|let down|sad|joke|feel|felt|awful|heartbroken|embarrassed)\b/iu,
};
const CONFUSION: Readonly<Record<Lang, RegExp>> = {
  fr: /(?<![\p{L}])(?:je ne (?:sais|comprends|suis) (?:pas|plus)|par quoi commencer|si c['’]est li[ée]|peut-[eê]tre|je crois)(?![\p{L}])/iu,
  en: /\b(?:i'?m not sure|i (?:don'?t|do not) (?:know|understand)|maybe|i think)\b/iu,
};
const MOVE_CUES: readonly CueKind[] = ['accept', 'confirm', 'thanks', 'resolved', 'finished'];
const REJECT_IDS = /^(?:abuse|pressure|tactic|claim|tone)\./;

function clausesOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/(?<=[.!?;])\s+|\n+/u)) {
    const sentence = raw.trim();
    if (!sentence) continue;
    const colon = sentence.indexOf(':');
    if (colon >= 0 && (sentence.slice(colon + 1).match(/,|;|\bet\b|\band\b/g) ?? []).length >= 2) {
      const items = sentence
        .slice(colon + 1)
        .split(
          /\s*,\s*(?:et\s+|and\s+)?|\s+et\s+(?=l['’]|le |la |les |un |une |mon |ma |mes )|\s+and\s+(?=the |my |a )/u,
        )
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length >= 2) {
        out.push(...items);
        continue;
      }
    }
    // « Alors voilà : au démarrage… » — a short lead-in before a colon is not part of the point
    if (colon >= 0 && sentence.slice(0, colon).trim().split(/\s+/).length <= 3) {
      out.push(sentence.slice(colon + 1).trim());
      continue;
    }
    out.push(sentence);
  }
  return out;
}

function overlapsRejected(turn: TurnView, clause: string): boolean {
  const at = turn.text.indexOf(clause);
  if (at < 0) return false;
  const end = at + clause.length;
  return turn.analysis.findings.some((f) => REJECT_IDS.test(f.id) && f.start < end && at < f.end);
}

function tidy(clause: string): string {
  let c = clause
    .replace(/[.!?;:,\s]+$/u, '')
    .replace(/^(?:et|mais|alors|donc|and|but|so|also|ah,? et)\s+/iu, '');
  c = c.replace(/\s+/g, ' ').trim();
  // shouted words read as plain words when restated (a single capitalised word is an acronym)
  const shouted = c.match(/(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu) ?? [];
  if (shouted.length >= 2) c = c.replace(/(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu, (w) => w.toLowerCase());
  return c.replace(
    /^(?:(?:du coup|en fait|bon|enfin|[ée]coutez|alors|bref|voil[àa]|franchement|well|so|actually|listen|look|right|honestly)[, ]\s*)+/iu,
    '',
  );
}

/** Lower-cases the first letter unless it starts a proper noun or the English « I ». */
function lowerFirst(c: string): string {
  const first = c.split(/\s+/)[0] ?? '';
  return COMMON_START.test(first) ? c.charAt(0).toLowerCase() + c.slice(1) : c;
}
const COMMON_START =
  /^(?:Le|La|Les|L['’]\p{L}+|Un|Une|Des|Du|Mon|Ma|Mes|Votre|Vos|Notre|Nos|Ton|Ta|Tes|Il|Elle|Ils|Elles|On|Ce|Cet|Cette|Ces|Ça|Cela|Depuis|Vous|Tu|Hier|Aujourd['’]hui|Demain|Après|Avant|Pendant|Encore|Déjà|Quand|Lorsque|Chaque|Tous|Toutes|Tout|Toute|Personne|Rien|The|A|An|My|Your|Our|It|They|He|She|We|This|That|These|Those|Since|There|Yesterday|Today|Last|Every|When|After|Before|Nobody|Nothing)$/u;

/** The points of the client's account, most useful first, at most `max`. */
export function clientPoints(state: ProtocolState, max = 3, formality: Formality = 'vous'): ClientPoints {
  const lang = state.lang;
  const scored: { text: string; score: number; order: number; standsAlone: boolean }[] = [];
  let order = 0;
  const clients = state.turns.filter(
    (t) => t.role === 'client' && !t.signals.some((s) => s.startsWith('abuse.')),
  );
  for (const turn of clients) {
    for (const clause of clausesOf(turn.text)) {
      order++;
      const words = clause.split(/\s+/).length;
      if (words < 3 || words > 28 || clause.includes('?') || clause.includes('"') || clause.includes('«'))
        continue;
      if (FEELING_ONLY[lang].test(clause) || overlapsRejected(turn, clause)) continue;
      if (FEELING[lang].test(clause) || CONFUSION[lang].test(clause) || /moi qui|me who/iu.test(clause))
        continue;
      // moves of the exchange (« d'accord », « oui, c'est ça », « merci ») are not points of the account
      const cues = detectCues(clause, lang);
      if (MOVE_CUES.some((kind) => cues.has(kind))) continue;
      const swapped = toAgentSide(tidy(clause), lang, formality);
      if (!swapped || swapped.length < 8) continue;
      const restated = lowerFirst(swapped);
      let score = turn === clients.at(-1) && words >= 4 ? 1 : 0;
      if (PROBLEM[lang].test(clause)) score += 2;
      if (/\d/.test(clause)) score += 1;
      if (score === 0) continue;
      const standsAlone = !ANAPHORIC[lang].test(tidy(clause));
      scored.push({ text: restated, score: standsAlone ? score : score - 1, order, standsAlone });
    }
  }
  const seen = new Set<string>();
  const points = scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .filter((p) => {
      if (seen.has(p.text)) return false;
      seen.add(p.text);
      return true;
    })
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map((p) => p.text);
  const situation = [...scored]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .find((p) => p.standsAlone && p.text.split(/\s+/).length <= 18)?.text;
  const recentTurns = new Set(clients.slice(-2).map((t) => t.index));
  const requests: SignalId[] = [];
  for (const e of [...state.requests].reverse().filter((r) => recentTurns.has(r.turn))) {
    const id = e.id as SignalId;
    if (!requests.includes(id)) requests.push(id);
  }
  return situation ? { points, requests, situation } : { points, requests };
}
