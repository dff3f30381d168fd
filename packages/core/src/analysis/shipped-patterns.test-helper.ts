/**
 * Test helper: every regex source the data files ship (`patterns` and `allow` lists, wherever
 * they sit in a file's structure), for the tests that check a mechanism against all of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

/** The distinct pattern sources of one language's data files, or of both. */
export function shippedPatterns(lang?: 'fr' | 'en'): string[] {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'patterns' || k === 'allow') && Array.isArray(v)) for (const p of v) out.add(p as string);
        else walk(v);
      }
    }
  };
  for (const l of lang ? [lang] : ['fr', 'en'])
    for (const file of readdirSync(join(DATA_DIR, l)))
      if (file.endsWith('.json')) walk(JSON.parse(readFileSync(join(DATA_DIR, l, file), 'utf8')));
  return [...out];
}
