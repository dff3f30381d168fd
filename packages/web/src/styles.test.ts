/**
 * The stylesheet keeps WCAG AA contrast (4.5:1) for text: every highlight and tag tint under the
 * ink colour, every filled button and badge under white, the muted text on the page background.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { contrastRatio } from './lib/contrast.ts';

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8');
const vars = new Map(
  [...css.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] as string, m[2] as string]),
);

function colour(value: string): string {
  const v = value.trim();
  const ref = /^var\((--[a-z-]+)\)$/.exec(v);
  const resolved = ref ? vars.get(ref[1] as string) : v;
  if (!resolved || !/^#[0-9a-f]{6}$/i.test(resolved)) throw new Error(`unresolved colour ${value}`);
  return resolved;
}

function backgroundOf(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:^|\\n)${escaped} \\{[^}]*?background: ([^;]+);`).exec(css);
  if (!m) throw new Error(`no background for ${selector}`);
  return colour(m[1] as string);
}

const FAMILIES = ['abuse', 'risk', 'pressure', 'tactic', 'emotion', 'tone', 'claim', 'request', 'reply'];

test('highlights and tags are readable in the ink colour (AA)', () => {
  const ink = colour('var(--ink)');
  for (const f of FAMILIES) {
    for (const sel of [`.hl-${f}`, `.tag-${f}`]) {
      const ratio = contrastRatio(ink, backgroundOf(sel));
      assert.ok(ratio >= 4.5, `${sel}: ${ratio.toFixed(2)}`);
    }
  }
});

test('white text on filled buttons and badges is readable (AA)', () => {
  for (const sel of [
    '.btn-primary',
    '.btn-danger',
    '.score-badge.level-good',
    '.score-badge.level-fair',
    '.score-badge.level-poor',
    '.score-badge.level-none',
    '.brand-mark',
  ]) {
    const ratio = contrastRatio('#ffffff', backgroundOf(sel));
    assert.ok(ratio >= 4.5, `${sel}: ${ratio.toFixed(2)}`);
  }
});

test('muted text is readable on the page and on cards (AA)', () => {
  for (const bg of ['var(--bg)', 'var(--surface)']) {
    const ratio = contrastRatio(colour('var(--ink-soft)'), colour(bg));
    assert.ok(ratio >= 4.5, `${bg}: ${ratio.toFixed(2)}`);
  }
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(0), '21');
});
