import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ACTION_IDS,
  AGENT_QUALITY_IDS,
  AGENT_SIGNAL_IDS,
  CHANNELS,
  CLIENT_SIGNAL_IDS,
} from '@sangfroid/core';
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

type Tree = { [k: string]: string | Tree };

/** Flattens a catalogue to dotted keys; plural suffixes are folded into their base key. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(key.replace(/_(one|other|zero|few|many)$/, ''));
    else for (const sub of keys(v, key)) out.add(sub);
  }
  return out;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(name) && !name.includes('.test.')) out.push(p);
  }
  return out;
}

const FR = keys(fr as Tree);
const EN = keys(en as Tree);

test('French and English catalogues have exactly the same keys', () => {
  assert.deepEqual(
    [...FR].filter((k) => !EN.has(k)),
    [],
  );
  assert.deepEqual(
    [...EN].filter((k) => !FR.has(k)),
    [],
  );
});

test('every literal key used in the app exists in the catalogues', () => {
  const src = join(import.meta.dirname, '..');
  const missing: string[] = [];
  for (const file of sources(src)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z_.]+)'/g)) {
      const key = m[1] as string;
      if (!FR.has(key)) missing.push(`${file}: ${key}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every spec signal, action and channel has a label in both languages', () => {
  const needed = [
    ...[...CLIENT_SIGNAL_IDS, ...AGENT_SIGNAL_IDS].map((id) => `signal.${id}`),
    ...ACTION_IDS.flatMap((id) => [`action.${id}.label`, `action.${id}.why`]),
    ...CHANNELS.map((c) => `channel.${c}`),
    ...AGENT_QUALITY_IDS.map((id) => `checklist.${id}`),
  ];
  assert.deepEqual(
    needed.filter((k) => !FR.has(k) || !EN.has(k)),
    [],
  );
});
