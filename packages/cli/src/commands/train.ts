/**
 * `sangfroid train`: practise with a simulated difficult client in the terminal, then read a
 * scored debrief. Interactive by default (node:readline); `--replies file.txt` reads the
 * trainee's replies from a file (one per line, `/escalate …` to hand over) for tests and demos;
 * `--seed` replays a session exactly; `--json` prints the transcript and the debrief.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  buildDebrief,
  type Debrief,
  expectedMove,
  isPersonaId,
  LANGS,
  type Lang,
  listPersonas,
  MOVE_NAME,
  MOVE_WHY,
  PERSONA_IDS,
  type PersonaId,
  personaText,
  replyTo,
  SKILL_NAME,
  startTraining,
  type TraineeReply,
  type TrainingState,
  trainingSeed,
} from '@sangfroid/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';

interface TrainOptions {
  persona?: string;
  lang: Lang;
  seed?: string;
  scenario?: number;
  replies?: string;
  json?: boolean;
  list?: boolean;
}

const UI: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  fr: {
    client: 'Client',
    you: 'Vous',
    seed: 'Graine',
    replay: 'pour rejouer exactement cette session',
    help: 'Répondez au client. /escalate [texte] : mettre fin et passer le relais · /hint : ce que la méthode demande · /quit : arrêter.',
    debrief: 'Débrief',
    truth: 'Ce qu’il y avait derrière',
    found: 'découvert au tour',
    notFound: 'pas découvert',
    steps: 'Étapes de la méthode appliquées',
    missed: 'Moments manqués',
    better: 'Réponse proposée',
    risks: 'Risques pris',
    skills: 'Compétences',
    overall: 'Note globale',
    tips: 'À travailler',
    turn: 'tour',
    none: 'aucun',
  },
  en: {
    client: 'Client',
    you: 'You',
    seed: 'Seed',
    replay: 'to replay this exact session',
    help: 'Answer the client. /escalate [text]: end and hand over · /hint: what the method asks now · /quit: stop.',
    debrief: 'Debrief',
    truth: 'What was really behind it',
    found: 'found at turn',
    notFound: 'not found',
    steps: 'Steps of the method applied',
    missed: 'Missed moments',
    better: 'Suggested reply',
    risks: 'Risks taken',
    skills: 'Skills',
    overall: 'Overall',
    tips: 'To work on',
    turn: 'turn',
    none: 'none',
  },
};

/** A line of a replies file: `/escalate text` is a hand-over, `#` a comment, blank lines skipped. */
export function parseReplyLine(line: string): TraineeReply | null {
  const t = line.trim();
  if (t === '' || t.startsWith('#')) return null;
  const m = /^\/escalate\b\s*(.*)$/i.exec(t);
  return m ? { text: m[1] ?? '', escalate: true } : { text: t };
}

const bar = (score: number) =>
  `${'█'.repeat(Math.round(score / 10)).padEnd(10, '·')} ${String(score).padStart(3)}`;

export function formatDebrief(d: Debrief): string {
  const ui = UI[d.lang];
  const out: string[] = [];
  const colour = d.outcome.kind === 'failed' ? pc.red : pc.green;
  out.push('', pc.bold(`── ${ui.debrief} ──`), colour(d.outcomeText), '');
  const colon = d.lang === 'fr' ? ' :' : ':';
  out.push(
    `${pc.bold(ui.truth)}${colon} ${d.hiddenTruth.text} (${d.hiddenTruth.discoveredAt === null ? ui.notFound : `${ui.found} ${d.hiddenTruth.discoveredAt}`})`,
  );
  out.push('', pc.bold(ui.steps));
  if (d.steps.length === 0) out.push(`  ${ui.none}`);
  for (const s of d.steps)
    out.push(`  ${MOVE_NAME[s.step][d.lang].padEnd(48)} ${ui.turn} ${s.turns.join(', ')}`);
  out.push('', pc.bold(ui.missed));
  if (d.missed.length === 0) out.push(`  ${ui.none}`);
  for (const m of d.missed) {
    out.push(`  ${pc.yellow(`${ui.turn} ${m.turn}`)} — ${MOVE_NAME[m.expected][d.lang]}${colon} ${m.why}`);
    out.push(pc.green(`    ${ui.better}${colon} ${m.betterReply.replace(/\s*\n+\s*/g, ' ')}`));
  }
  out.push('', pc.bold(ui.risks));
  if (d.risks.length === 0) out.push(`  ${ui.none}`);
  for (const r of d.risks)
    out.push(`  ${pc.red(`${ui.turn} ${r.turn} ${r.id}`)} « ${r.evidence} » — ${r.advice}`);
  out.push('', pc.bold(ui.skills));
  for (const k of d.skills) out.push(`  ${SKILL_NAME[k.skill][d.lang].padEnd(16)} ${bar(k.score)}`);
  out.push('', pc.bold(`${ui.overall}${colon} ${d.overall}/100`));
  if (d.tips.length > 0) {
    out.push('', pc.bold(ui.tips));
    for (const t of d.tips) out.push(`  • ${t}`);
  }
  return out.join('\n');
}

function header(s: TrainingState, seedText: string): string {
  const ui = UI[s.lang];
  const t = personaText(s.persona, s.lang);
  const brief = t.scenarios[s.scenario]?.brief ?? '';
  return [
    pc.bold(`${t.name} — ${t.title}`),
    brief,
    pc.dim(
      `${ui.seed}${s.lang === 'fr' ? ' :' : ':'} ${seedText} (--persona ${s.persona} --seed ${seedText} ${ui.replay})`,
    ),
    '',
  ].join('\n');
}

const clientLine = (s: TrainingState) =>
  `${pc.cyan(`${UI[s.lang].client} ›`)} ${s.transcript.at(-1)?.text ?? ''}`;

async function runFromFile(
  start: TrainingState,
  file: string,
  json: boolean,
  seedText: string,
): Promise<void> {
  const replies = (await readFile(file, 'utf8'))
    .split(/\r?\n/)
    .map(parseReplyLine)
    .filter((r) => r !== null);
  let s = start;
  if (!json) process.stdout.write(`${header(s, seedText)}${clientLine(s)}\n`);
  for (const r of replies) {
    if (s.outcome) break;
    s = replyTo(s, r);
    if (!json) {
      process.stdout.write(
        `${pc.magenta(`${UI[s.lang].you} ›`)} ${r.escalate ? '/escalate ' : ''}${r.text}\n${clientLine(s)}\n`,
      );
    }
  }
  finish(s, json);
}

async function runInteractive(start: TrainingState, seedText: string): Promise<void> {
  const ui = UI[start.lang];
  process.stdout.write(`${header(start, seedText)}${pc.dim(ui.help)}\n\n${clientLine(start)}\n`);
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: process.stdin.isTTY === true,
  });
  rl.setPrompt(`${pc.magenta(`${ui.you} ›`)} `);
  rl.prompt();
  let s = start;
  // Iterating the lines (rather than rl.question) ends cleanly when stdin closes (Ctrl-D, a pipe).
  for await (const line of rl) {
    if (/^\/(quit|exit)\b/i.test(line.trim())) break;
    if (/^\/hint\b/i.test(line.trim())) {
      const move = expectedMove(s);
      process.stdout.write(`${pc.yellow(`→ ${MOVE_NAME[move][s.lang]}`)} — ${MOVE_WHY[move][s.lang]}\n`);
      rl.prompt();
      continue;
    }
    const reply = parseReplyLine(line);
    if (reply) {
      s = replyTo(s, reply);
      process.stdout.write(`${clientLine(s)}\n`);
    }
    if (s.outcome) break;
    rl.prompt();
  }
  rl.close();
  finish(s, false);
}

function finish(s: TrainingState, json: boolean): void {
  const debrief = buildDebrief(s);
  if (json) {
    const out = {
      persona: s.persona,
      lang: s.lang,
      scenario: s.scenario,
      seed: s.seed,
      transcript: s.transcript,
      debrief,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else process.stdout.write(`${formatDebrief(debrief)}\n`);
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('Practise with a simulated difficult client, then get a scored debrief.')
    .addOption(
      new Option('--persona <id>', 'the client to face (picked by the seed when absent)').choices(
        PERSONA_IDS,
      ),
    )
    .addOption(new Option('--lang <lang>', 'language of the session').choices(LANGS).default('fr'))
    .option('--seed <seed>', 'replay a session exactly (number or text)')
    .option('--scenario <n>', 'force one scenario of the persona (0-based)', wholeNumber)
    .option('--replies <file>', 'non-interactive: read the replies from a file, one per line')
    .option('--json', 'print the transcript and the debrief as JSON')
    .option('--list', 'list the personas and exit')
    .action(async (opts: TrainOptions) => {
      if (opts.list) {
        for (const p of listPersonas(opts.lang))
          process.stdout.write(`${p.id.padEnd(20)} ${p.name} — ${p.title}\n`);
        return;
      }
      // Only this layer reads the clock: a fresh seed per run unless one is given.
      const seedText = opts.seed ?? String(Date.now() % 1_000_000);
      const seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
      let persona: PersonaId;
      if (opts.persona && isPersonaId(opts.persona)) persona = opts.persona;
      else persona = PERSONA_IDS[trainingSeed(`${seedText}:persona`) % PERSONA_IDS.length] as PersonaId;
      const start = startTraining({
        persona,
        lang: opts.lang,
        seed,
        ...(opts.scenario !== undefined ? { scenario: opts.scenario } : {}),
      });
      if (opts.replies) return runFromFile(start, opts.replies, opts.json === true, seedText);
      return runInteractive(start, seedText);
    });
}
