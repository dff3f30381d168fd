/**
 * What every match of a regular expression must contain: from a pattern source, a small
 * structural reading of the regex derives an AND of OR-sets of literal strings (« (porter|déposer)
 * plainte » needs « porter plainte » or « déposer plainte »). The reading is exact about literals,
 * so a text holding none of a set can never match; a source it does not follow yields null
 * (no requirement), which only costs speed, never a match. pattern-bank.ts gates on it.
 *
 * The same reading gives a pattern's opening literals (`openingLiterals`): the strings every match
 * starts with, which let pattern-bank.ts try the pattern only where one of them stands.
 */

type Item =
  | { readonly kind: 'char'; readonly ch: string; readonly min: number; readonly max: number }
  | {
      readonly kind: 'group';
      readonly alt: Item[][];
      readonly look: boolean;
      readonly min: number;
      readonly max: number;
    }
  /** Anything else; `zeroWidth` for an assertion that consumes nothing (« \\b », « ^ », « $ »). */
  | { readonly kind: 'other'; readonly zeroWidth?: boolean };

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  alt(): Item[][] {
    const branches: Item[][] = [[]];
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (c === ')') break;
      if (c === '|') {
        this.i++;
        branches.push([]);
        continue;
      }
      (branches[branches.length - 1] as Item[]).push(this.item());
    }
    return branches;
  }

  item(): Item {
    const s = this.s;
    const c = s[this.i] as string;
    let atom: 'other' | 'assertion' | { ch: string } | { alt: Item[][]; look: boolean };
    if (c === '(') {
      this.i++;
      let look = false;
      if (s[this.i] === '?') {
        const rest = s.slice(this.i, this.i + 4);
        if (rest.startsWith('?:')) this.i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) {
          this.i += 2;
          look = true;
        } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
          this.i += 3;
          look = true;
        } else if (rest.startsWith('?<')) this.i = s.indexOf('>', this.i) + 1;
      }
      const alt = this.alt();
      this.i++; // ')'
      atom = { alt, look };
    } else if (c === '[') {
      const from = this.i + 1;
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      const body = s.slice(from, this.i);
      this.i++;
      // a short plain class (« [- ] », « [?] ») is a choice of literal characters
      atom = /^[^\\^\]-]{1,6}$|^-[^\\^\]-]{1,5}$|^[^\\^\]-]{1,5}-$/.test(body)
        ? { alt: [...body].map((ch) => [{ kind: 'char', ch, min: 1, max: 1 } as Item]), look: false }
        : 'other';
    } else if (c === '\\') {
      const e = s[this.i + 1] ?? '';
      this.i += 2;
      if (e === 'p' || e === 'P' || e === 'u' || e === 'k') {
        if (s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        else if (e === 'u') this.i += 4;
        atom = 'other';
      } else if (e === 'x') {
        this.i += 2;
        atom = 'other';
      } else if (e === 'b' || e === 'B') atom = 'assertion';
      else if (/[dDwWsS0-9]/.test(e)) atom = 'other';
      else if (e === 'n') atom = { ch: '\n' };
      else if (e === 't') atom = { ch: '\t' };
      else atom = { ch: e };
    } else if (c === '^' || c === '$') {
      this.i++;
      atom = 'assertion';
    } else if (c === '.') {
      this.i++;
      atom = 'other';
    } else {
      this.i++;
      atom = { ch: c };
    }
    const [min, max] = this.quantifier();
    if (atom === 'other') return { kind: 'other' };
    if (atom === 'assertion') return { kind: 'other', zeroWidth: true };
    if ('ch' in atom) return { kind: 'char', ch: atom.ch, min, max };
    return { kind: 'group', alt: atom.alt, look: atom.look, min, max };
  }

  quantifier(): [number, number] {
    const s = this.s;
    const c = s[this.i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return q;
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length;
      if (s[this.i] === '?') this.i++;
      return [lo, hi];
    } else return q;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy
    return q;
  }
}

/** An AND of OR-sets: every set must have one literal present. */
export type Requirement = string[][];

const minLen = (set: readonly string[]): number => Math.min(...set.map((x) => x.length));

/** The most selective single OR-set of a conjunction (longest shortest literal, then fewest). */
function bestSet(req: Requirement): string[] | null {
  let best: string[] | null = null;
  for (const set of req) {
    if (!best || minLen(set) > minLen(best) || (minLen(set) === minLen(best) && set.length < best.length))
      best = set;
  }
  return best;
}

/** One OR-set for a group: each branch contributes its most selective set; null if a branch has none. */
function setOfAlt(alt: Item[][]): string[] | null {
  const out: string[] = [];
  for (const seq of alt) {
    const set = bestSet(requirementOfSeq(seq));
    if (!set) return null;
    out.push(...set);
  }
  return [...new Set(out)];
}

/** The strings a group can match when every branch is a plain literal (« (?:le|la|les) »), else null. */
function literalChoices(item: Item): string[] | null {
  if (item.kind === 'char') return [item.ch];
  if (item.kind !== 'group' || item.look) return null;
  const out: string[] = [];
  for (const seq of item.alt) {
    let lit = '';
    for (const x of seq) {
      if (x.kind !== 'char' || x.min !== 1 || x.max !== 1) return null;
      lit += x.ch;
    }
    out.push(lit);
  }
  return out;
}

/** Cross products stay small: past this many strings the frontier is cut. */
const MAX_FRONTIER = 8;

/**
 * Walks a sequence keeping a frontier: the strings one of which the text must hold, ending at the
 * current point (« (?:le|la) con(?:ne)? » → [le con, la con, le conne, la conne]). Items that are
 * not literal cut the frontier into a requirement; mandatory groups add their own OR-set.
 */
function requirementOfSeq(seq: Item[]): Requirement {
  const req: Requirement = [];
  let frontier: string[] = [''];
  const flush = () => {
    if (!frontier.includes('')) req.push([...new Set(frontier)]);
    frontier = [''];
  };
  for (const item of seq) {
    const choices = item.kind === 'other' ? null : literalChoices(item);
    const min = item.kind === 'other' ? 1 : item.min;
    const max = item.kind === 'other' ? 1 : item.max;
    if (choices && max === 1 && (min === 1 || min === 0)) {
      const next = frontier.flatMap((f) => choices.map((c) => f + c));
      const size = next.length + (min === 0 ? frontier.length : 0);
      if (size <= Math.max(MAX_FRONTIER, frontier.length)) {
        frontier = min === 0 ? [...frontier, ...next] : next;
        continue;
      }
      flush();
      if (min === 1) frontier = choices;
      continue;
    }
    if (choices && min >= 1) {
      // repeated literal (« x+ », « (?:ab){2} »): one occurrence is required, then the frontier stops
      frontier = frontier.flatMap((f) => choices.map((c) => f + c)).slice(0, MAX_FRONTIER);
      flush();
      continue;
    }
    flush();
    if (item.kind === 'group' && !item.look && item.min >= 1) {
      const set = setOfAlt(item.alt);
      if (set && set.length > 0) req.push(set);
    }
  }
  flush();
  return req;
}

/**
 * What any match of `source` must contain, as an AND of OR-sets of literals (« (porter|déposer)
 * plainte » → [[porter, déposer], [ plainte]]), or null when nothing can be derived.
 */
export function requiredLiterals(source: string): string[][] | null {
  try {
    const p = new Parser(source);
    const alt = p.alt();
    if (p.i < source.length) return null;
    if (alt.length === 1) {
      const req = requirementOfSeq(alt[0] as Item[]);
      return req.length > 0 ? req : null;
    }
    const set = setOfAlt(alt);
    return set && set.length > 0 ? [set] : null;
  } catch {
    return null; // a source this reader does not follow: no gate, the regex always runs
  }
}

/** The opening strings of a sequence or group; `complete` when they are all it can match. */
interface Opening {
  readonly strings: string[];
  readonly complete: boolean;
}

/** An opening this long is rare enough to look for; longer ones would only multiply (« every time », « every day »…). */
const RARE_OPENING = 4;

/** Past this many opening strings a pattern is not worth trying string by string. */
const MAX_OPENINGS = 64;

const cross = (heads: readonly string[], tails: readonly string[]): string[] =>
  heads.flatMap((h) => tails.map((t) => h + t));

function openingOfAlt(alt: Item[][]): Opening | null {
  const strings = new Set<string>();
  let complete = true;
  for (const seq of alt) {
    const o = openingOfSeq(seq);
    for (const s of o.strings) strings.add(s);
    complete &&= o.complete;
  }
  return strings.size <= MAX_OPENINGS ? { strings: [...strings], complete } : null;
}

/**
 * Walks a sequence from its start, keeping the strings a match has consumed so far; stops at the
 * first item it cannot spell out (what it holds then is still a true opening). Lookarounds and
 * assertions consume nothing and are stepped over.
 */
function openingOfSeq(seq: Item[]): Opening {
  let frontier: string[] = [''];
  const stop = (strings: string[] = frontier): Opening => ({ strings, complete: false });
  for (const item of seq) {
    if (item.kind === 'other') {
      if (item.zeroWidth) continue;
      return stop();
    }
    if (item.kind === 'group' && item.look) continue;
    const inner: Opening | null =
      item.kind === 'char' ? { strings: [item.ch], complete: true } : openingOfAlt(item.alt);
    if (!inner) return stop();
    // strings long enough to be rare are not multiplied into more of them: fewer places to look
    if ((inner.strings.length > 1 || item.min === 0) && frontier.every((f) => f.length >= RARE_OPENING))
      return stop();
    const entered = cross(frontier, inner.strings);
    const next = item.min === 0 ? [...new Set([...frontier, ...entered])] : entered;
    if (next.length > MAX_OPENINGS) return stop();
    // past an incomplete or repeated item the next characters are unknown
    if (!inner.complete || item.max !== 1) return stop(next);
    frontier = next;
  }
  return { strings: frontier, complete: true };
}

/**
 * The strings one of which every match of `source` starts with (« (?:je|nous) (?:vais|allons)
 * porter plainte » → [je vais porter plainte, …]), lookarounds stepped over; null when a match
 * may start with anything (an empty opening, a class, too many strings).
 */
export function openingLiterals(source: string): string[] | null {
  try {
    const p = new Parser(source);
    const alt = p.alt();
    if (p.i < source.length) return null;
    const opening = openingOfAlt(alt);
    if (!opening || opening.strings.length === 0 || opening.strings.includes('')) return null;
    // a string that starts with another of the set adds nothing: every such match starts with both
    const shortestFirst = [...opening.strings].sort((a, b) => a.length - b.length);
    const kept: string[] = [];
    for (const s of shortestFirst) if (!kept.some((k) => s.startsWith(k))) kept.push(s);
    return kept;
  } catch {
    return null;
  }
}
