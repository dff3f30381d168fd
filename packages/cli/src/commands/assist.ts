/**
 * `sangfroid assist [file|-]`: follows a conversation (JSON `{turns}` or a list of turns, or JSON
 * Lines — one turn per line, or one conversation line as in the spec) and prints the state, the
 * recommended action with its reasons and what to avoid, and a draft reply. `--check "draft"`
 * checks the agent's own draft instead. `--json` for machines.
 */
import { readFileSync } from 'node:fs';
import {
  ACTION_IDS,
  type ActionId,
  CHANNELS,
  type Channel,
  type Conversation,
  checkDraft,
  type Draft,
  type DraftChannel,
  type DraftCheck,
  draftReply,
  type Formality,
  LANGS,
  type Lang,
  type ProtocolState,
  type Recommendation,
  ROLES,
  type Role,
  type Turn,
} from '@sangfroid/core';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { readAll } from '../io.ts';

export interface AssistCliOptions {
  channel?: DraftChannel;
  formality?: Formality;
  agent?: string;
  client?: string;
  supervisor?: string;
  offer?: string[];
  seed?: string;
  lang?: Lang;
  action?: ActionId;
  check?: string;
  json?: boolean;
}

function parseTurn(value: unknown, index: number): Turn {
  if (typeof value !== 'object' || value === null) throw new Error(`turn ${index + 1} is not an object`);
  const t = value as Record<string, unknown>;
  if (typeof t.role !== 'string' || !(ROLES as readonly string[]).includes(t.role)) {
    throw new Error(`turn ${index + 1}: "role" must be "client" or "agent"`);
  }
  if (typeof t.text !== 'string') throw new Error(`turn ${index + 1}: "text" must be a string`);
  const channel =
    typeof t.channel === 'string' && (CHANNELS as readonly string[]).includes(t.channel)
      ? (t.channel as Channel)
      : undefined;
  return {
    role: t.role as Role,
    text: t.text,
    ...(typeof t.at === 'string' ? { at: t.at } : {}),
    ...(channel ? { channel } : {}),
    ...(typeof t.author === 'string' ? { author: t.author } : {}),
  };
}

function fromObject(value: unknown): Conversation {
  if (Array.isArray(value)) return { turns: value.map(parseTurn) };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { turns?: unknown }).turns)) {
    const o = value as { turns: unknown[]; lang?: unknown; channel?: unknown };
    const lang =
      typeof o.lang === 'string' && (LANGS as readonly string[]).includes(o.lang)
        ? (o.lang as Lang)
        : undefined;
    const channel =
      typeof o.channel === 'string' && (CHANNELS as readonly string[]).includes(o.channel)
        ? (o.channel as Channel)
        : undefined;
    return { turns: o.turns.map(parseTurn), ...(lang ? { lang } : {}), ...(channel ? { channel } : {}) };
  }
  throw new Error('expected {"turns": [...]} or a list of turns');
}

/** Reads a conversation from JSON, or from JSON Lines (one turn per line, or one conversation line). */
export function parseConversation(input: string): Conversation {
  const text = input.trim();
  if (text === '') throw new Error('no conversation given');
  try {
    return fromObject(JSON.parse(text));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`line ${i + 1} is not valid JSON`);
    }
  });
  const first = rows[0] as { turns?: unknown };
  if (rows.length === 1 && first && Array.isArray(first.turns)) return fromObject(first);
  return { turns: rows.map(parseTurn) };
}

const L = (lang: Lang, fr: string, en: string) => (lang === 'fr' ? fr : en);

export function formatState(state: ProtocolState): string {
  const lang = state.lang;
  const limit = state.boundary.isSet
    ? L(
        lang,
        `posée au tour ${(state.boundary.turn ?? 0) + 1} — réponse du client : ${{ none: 'pas encore', complied: 'il l’a respectée', continued: 'il a continué' }[state.boundary.clientAnswer]}`,
        `set at turn ${(state.boundary.turn ?? 0) + 1} — client's answer: ${{ none: 'not yet', complied: 'respected it', continued: 'kept on' }[state.boundary.clientAnswer]}`,
      )
    : L(lang, 'aucune', 'none');
  const list = (turns: readonly number[]) => (turns.length ? turns.map((t) => t + 1).join(', ') : '—');
  const trend = (t: string) =>
    (lang === 'fr'
      ? { none: '—', rising: 'en hausse', falling: 'en baisse', steady: 'stable' }
      : { none: '—', rising: 'rising', falling: 'falling', steady: 'steady' })[t as 'none'];
  const out = [
    pc.bold(L(lang, 'État de l’échange', 'State of the exchange')),
    `  ${L(lang, 'phase', 'phase').padEnd(14)} ${state.phase}`,
    `  ${L(lang, 'limite', 'limit').padEnd(14)} ${limit}`,
    `  ${L(lang, 'concessions', 'concessions').padEnd(14)} ${state.concessions.length ? state.concessions.map((c) => `${c.turn + 1}: « ${c.evidence} »`).join(' · ') : '—'}`,
    `  ${L(lang, 'pression', 'pressure').padEnd(14)} ${L(lang, 'juridique', 'legal')} ${list(state.pressure.legal)} · ${L(lang, 'pouvoir', 'power')} ${list(state.pressure.power)} · ${L(lang, 'tactiques', 'tactics')} ${list(state.pressure.tactics)}${state.pressure.isRepeated ? pc.yellow(L(lang, ' (répétée)', ' (repeated)')) : ''}`,
    `  ${L(lang, 'engagements', 'commitments').padEnd(14)} ${state.commitments.length ? state.commitments.map((c) => `« ${c.evidence} »`).join(' · ') : '—'}`,
    `  ${L(lang, 'colère', 'anger').padEnd(14)} ${state.emotions.anger.map((x) => x.toFixed(2)).join(' → ') || '—'} (${trend(state.emotions.angerTrend)})`,
    `  ${L(lang, 'anxiété', 'anxiety').padEnd(14)} ${state.emotions.anxiety.map((x) => x.toFixed(2)).join(' → ') || '—'} (${trend(state.emotions.anxietyTrend)})`,
  ];
  return out.join('\n');
}

export function formatRecommendation(r: Recommendation): string {
  const lang = r.lang;
  const out = [
    `${pc.bold(L(lang, 'Action recommandée', 'Recommended action'))}  ${pc.green(pc.bold(r.action))}`,
  ];
  for (const reason of r.reasons) out.push(`  ${pc.dim(`[${reason.rule}]`)} ${reason.text}`);
  out.push(pc.bold(L(lang, 'À éviter maintenant', 'Avoid right now')));
  for (const a of r.avoid) out.push(`  ${pc.red('✗')} ${a}`);
  return out.join('\n');
}

export function formatDraft(d: Draft): string {
  const out = [
    pc.bold(
      L(
        d.lang,
        `Brouillon (${d.channel}, ${d.formality})`,
        `Draft (${d.channel}, ${d.formality === 'vous' ? 'formal' : 'informal'})`,
      ),
    ),
    d.text,
  ];
  for (const n of d.notes) out.push(pc.yellow(`  ! ${n}`));
  return out.join('\n');
}

export function formatCheck(c: DraftCheck, draft: string): string {
  const lang = c.lang;
  const out = [
    pc.bold(L(lang, `Vérification du brouillon (moment : ${c.action})`, `Draft check (moment: ${c.action})`)),
    `  ${L(lang, 'score', 'score')} ${pc.bold(String(c.score))}/100  (${L(lang, 'qualités', 'qualities')} ${c.breakdown.qualities.score}/50 · ${L(lang, 'sécurité', 'safety')} ${c.breakdown.safety.score}/40 · ${L(lang, 'moment', 'timing')} ${c.breakdown.timing.score}/10)`,
    `  ${pc.green(L(lang, 'présent', 'present'))}   ${c.qualities.present.join(', ') || '—'}`,
    `  ${pc.yellow(L(lang, 'manquant', 'missing'))}  ${c.qualities.missing.join(', ') || '—'}`,
  ];
  if (c.qualities.premature.length)
    out.push(`  ${pc.yellow(L(lang, 'trop tôt', 'too early'))}  ${c.qualities.premature.join(', ')}`);
  for (const r of c.risks) {
    out.push(
      `  ${pc.red(pc.bold(r.id))} « ${draft.slice(r.start, r.end)} » [${r.start}, ${r.end})`,
      `    ${r.message}`,
      pc.green(`    → ${r.suggestion}`),
    );
  }
  return out.join('\n');
}

async function readInput(file: string | undefined): Promise<string> {
  if (!file || file === '-') return readAll(process.stdin);
  return readFileSync(file, 'utf8');
}

export async function runAssist(file: string | undefined, opts: AssistCliOptions): Promise<void> {
  const parsed = parseConversation(await readInput(file));
  const conversation: Conversation = opts.lang ? { ...parsed, lang: opts.lang } : parsed;
  if (opts.check !== undefined) {
    const check = checkDraft(opts.check, conversation, opts.action ? { action: opts.action } : {});
    if (opts.json) {
      const { recommendation, ...rest } = check;
      process.stdout.write(`${JSON.stringify({ ...rest, reasons: recommendation.reasons }, null, 2)}\n`);
      return;
    }
    process.stdout.write(
      `${formatRecommendation(check.recommendation)}\n\n${formatCheck(check, opts.check)}\n`,
    );
    return;
  }
  const draft = draftReply(conversation, {
    ...(opts.channel ? { channel: opts.channel } : {}),
    ...(opts.formality ? { formality: opts.formality } : {}),
    ...(opts.agent ? { agentName: opts.agent } : {}),
    ...(opts.client ? { clientName: opts.client } : {}),
    ...(opts.supervisor ? { supervisorName: opts.supervisor } : {}),
    ...(opts.offer?.length ? { offers: opts.offer } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.action ? { action: opts.action } : {}),
  });
  const r = draft.recommendation;
  if (opts.json) {
    const { turns, ...state } = r.state;
    const out = {
      action: draft.action,
      recommended: r.action,
      lang: r.lang,
      reasons: r.reasons,
      avoid: r.avoid,
      state: {
        ...state,
        turns: turns.map((t) => ({
          index: t.index,
          role: t.role,
          signals: t.signals,
          cues: t.cues.hits,
          scores: t.analysis.scores,
        })),
      },
      draft: {
        text: draft.text,
        channel: draft.channel,
        formality: draft.formality,
        moves: draft.moves,
        notes: draft.notes,
      },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatState(r.state)}\n\n${formatRecommendation(r)}\n\n${formatDraft(draft)}\n`);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAssist(program: Command): void {
  program
    .command('assist')
    .description(
      'Follow a conversation: state, next action with reasons, a draft reply (or --check a draft).',
    )
    .argument('[file]', "conversation as JSON or JSON Lines; '-' or nothing for standard input")
    .addOption(new Option('--channel <channel>', 'channel of the draft').choices(['email', 'chat', 'phone']))
    .addOption(
      new Option('--formality <formality>', '« vous » or « tu » (formal or informal in English)').choices([
        'vous',
        'tu',
      ]),
    )
    .option('--agent <name>', 'the agent’s name (email sign-off)')
    .option('--client <name>', 'the client’s name (greeting)')
    .option('--supervisor <name>', 'who takes over when escalating')
    .option('--offer <text>', 'something you can actually offer (repeat for several)', collect)
    .option('--seed <seed>', 'varies the phrasings (deterministic)')
    .addOption(new Option('--lang <lang>', 'language (detected when absent)').choices(LANGS))
    .addOption(
      new Option('--action <action>', 'draft for this action instead of the recommended one').choices(
        ACTION_IDS,
      ),
    )
    .option('--check <draft>', 'check this draft against the moment of the conversation')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: AssistCliOptions) => runAssist(file, opts));
}
