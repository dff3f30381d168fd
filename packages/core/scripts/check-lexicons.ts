/**
 * `npm run lexicons:check`: validates EVERY data file under packages/core/data, whatever family
 * wrote it. Generic on purpose — it knows conventions, not files:
 *   - each *.json file parses;
 *   - every string that looks like a signal id (`<family>.<name>` of a known family), and every
 *     object key of that shape, is an id of the spec (types.ts);
 *   - every string in an array under a regex key (`patterns`, `allow`, `regex`, `regexes`,
 *     `*Patterns`, `*Regex`, `*Regexes`) compiles with the `u` flag and never matches the empty
 *     string;
 *   - every string in an array under a word key (`words`, `terms`, `lexicon`, `*Words`, `*Terms`)
 *     is non-empty and unique once normalised;
 *   - no array of strings holds the same string twice.
 * Prints one line per problem and exits 1 if there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../src/text/normalize.ts';
import { ACTION_IDS, AGENT_SIGNAL_IDS, CLIENT_SIGNAL_IDS } from '../src/types.ts';

const KNOWN_IDS = new Set<string>([...CLIENT_SIGNAL_IDS, ...AGENT_SIGNAL_IDS]);
const FAMILIES = new Set([...KNOWN_IDS].map((id) => id.slice(0, id.indexOf('.'))));
const ID_SHAPE = /^([a-z]+)\.([a-z_]+)$/;

const REGEX_KEY = /^(?:patterns|allow|regex|regexes)$|(?:Patterns|Regex|Regexes|_patterns|_regex)$/;
const WORD_KEY = /^(?:words|terms|lexicon)$|(?:Words|Terms|_words|_terms)$/;
const EMPTY_PROBES = ['', ' ', 'a', 'abc def', "l'a", '123'];

export interface CheckReport {
  readonly files: number;
  readonly patterns: number;
  readonly words: number;
  readonly problems: readonly string[];
}

function looksLikeSignalId(s: string): boolean {
  const m = ID_SHAPE.exec(s);
  return m !== null && FAMILIES.has(m[1] as string);
}

function checkRegex(source: string, where: string, problems: string[]): void {
  let re: RegExp;
  try {
    re = new RegExp(`(?:${source})`, 'gu');
  } catch (error) {
    problems.push(`${where}: regex does not compile: ${(error as Error).message}`);
    return;
  }
  for (const probe of EMPTY_PROBES) {
    re.lastIndex = 0;
    for (const m of probe.matchAll(re)) {
      if (m[0].length === 0) {
        problems.push(`${where}: regex /${source}/ can match the empty string`);
        return;
      }
    }
  }
}

/** Checks one parsed JSON value; `path` names where it sits for the messages. */
export function checkValue(
  value: unknown,
  path: string,
  counts: { patterns: number; words: number },
  problems: string[],
): void {
  if (typeof value === 'string') {
    if (looksLikeSignalId(value) && !KNOWN_IDS.has(value))
      problems.push(`${path}: unknown signal id "${value}"`);
    return;
  }
  if (Array.isArray(value)) {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      if (typeof item === 'string') {
        if (seen.has(item)) problems.push(`${path}[${i}]: duplicate "${item}"`);
        seen.add(item);
      }
      checkValue(item, `${path}[${i}]`, counts, problems);
    });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const where = `${path}.${key}`;
    if (looksLikeSignalId(key) && !KNOWN_IDS.has(key) && !(ACTION_IDS as readonly string[]).includes(key)) {
      problems.push(`${where}: unknown signal id "${key}"`);
    }
    if (REGEX_KEY.test(key)) {
      // an object under such a key (a pattern entry) is walked like any other value
      if (!Array.isArray(child)) {
        if (child === null || typeof child !== 'object')
          problems.push(`${where}: expected an array of regex sources`);
      } else
        child.forEach((s, i) => {
          if (typeof s !== 'string') problems.push(`${where}[${i}]: expected a string`);
          else {
            counts.patterns++;
            checkRegex(s, `${where}[${i}]`, problems);
          }
        });
    } else if (WORD_KEY.test(key)) {
      if (!Array.isArray(child)) {
        if (child === null || typeof child !== 'object')
          problems.push(`${where}: expected an array of words`);
      } else {
        const seen = new Map<string, number>();
        child.forEach((w, i) => {
          if (typeof w !== 'string' || w.trim().length === 0) {
            problems.push(`${where}[${i}]: expected a non-empty string`);
            return;
          }
          counts.words++;
          const folded = normalize(w.trim()).text;
          const before = seen.get(folded);
          if (before !== undefined && child[before] !== w) {
            problems.push(`${where}[${i}]: "${w}" duplicates [${before}] once normalised`);
          }
          seen.set(folded, i);
        });
      }
    }
    checkValue(child, where, counts, problems);
  }
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

export function checkDataDir(dir: string): CheckReport {
  const problems: string[] = [];
  const counts = { patterns: 0, words: 0 };
  const files = jsonFiles(dir);
  for (const file of files) {
    const name = relative(dir, file);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${name}: invalid JSON: ${(error as Error).message}`);
      continue;
    }
    checkValue(parsed, name, counts, problems);
  }
  return { files: files.length, patterns: counts.patterns, words: counts.words, problems };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
  const report = checkDataDir(dataDir);
  for (const p of report.problems) console.error(`lexicons: ${p}`);
  console.log(
    `lexicons: ${report.files} files, ${report.patterns} patterns, ${report.words} words checked, ${report.problems.length} problems`,
  );
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}
