/**
 * `sangfroid analyze`: one message as a readable report (or `--json`), or the evaluation contract
 * over JSON Lines with `--jsonl`.
 */
import { type Analysis, analyze, LANGS, type Lang, ROLES, type Role } from '@sangfroid/core';
import { type Command, Option } from 'commander';
import pc from 'picocolors';
import { actionProvider } from '../action-provider.ts';
import { lines, readAll } from '../io.ts';
import { processLine } from '../jsonl-contract.ts';

const COLOURS: Record<string, (s: string) => string> = {
  abuse: (s) => pc.bold(pc.red(s)),
  pressure: pc.magenta,
  emotion: pc.yellow,
  tone: pc.red,
  claim: pc.cyan,
  tactic: pc.magenta,
  request: pc.blue,
  reply: pc.green,
  risk: (s) => pc.bold(pc.red(s)),
};

function colourFor(id: string): (s: string) => string {
  return COLOURS[id.split('.')[0] ?? ''] ?? pc.underline;
}

/** The message with every finding's span highlighted (outermost first; overlaps keep the first). */
export function highlight(text: string, analysis: Analysis): string {
  let out = '';
  let at = 0;
  for (const f of analysis.findings) {
    if (f.start < at || f.end === f.start) continue;
    out += text.slice(at, f.start) + colourFor(f.id)(pc.underline(text.slice(f.start, f.end)));
    at = f.end;
  }
  return out + text.slice(at);
}

const bar = (x: number) => `${'█'.repeat(Math.round(x * 10)).padEnd(10, '·')} ${x.toFixed(2)}`;

export function formatReport(text: string, analysis: Analysis): string {
  const fr = analysis.lang === 'fr';
  const out: string[] = [];
  out.push(pc.bold(fr ? 'Message' : 'Message'), highlight(text, analysis), '');
  if (analysis.findings.length === 0) {
    out.push(
      pc.green(fr ? 'Aucun signal : message calme et légitime.' : 'No signal: a calm, legitimate message.'),
    );
  } else {
    out.push(pc.bold(fr ? 'Signaux' : 'Signals'));
    for (const f of analysis.findings) {
      out.push(
        `  ${colourFor(f.id)(f.id.padEnd(28))} ${'!'.repeat(f.severity).padEnd(3)} « ${f.evidence} » [${f.start}, ${f.end})`,
        `    ${f.message}`,
      );
      if (f.note) out.push(pc.dim(`    ${f.note}`));
      for (const s of f.suggestions ?? []) out.push(pc.green(`    → ${s}`));
    }
  }
  if (analysis.role === 'client') {
    const s = analysis.scores;
    out.push(
      '',
      pc.bold(fr ? 'Intensités' : 'Intensities'),
      `  ${(fr ? 'colère' : 'anger').padEnd(16)} ${bar(s.anger)}`,
      `  ${(fr ? 'anxiété' : 'anxiety').padEnd(16)} ${bar(s.anxiety)}`,
      `  ${(fr ? 'déception' : 'disappointment').padEnd(16)} ${bar(s.disappointment)}`,
      `  ${(fr ? "risque d'escalade" : 'escalation risk').padEnd(16)} ${bar(s.escalationRisk)}`,
    );
  }
  if (analysis.truncated)
    out.push(pc.yellow(fr ? '(message tronqué pour l’analyse)' : '(message truncated for analysis)'));
  return out.join('\n');
}

async function runJsonl(): Promise<void> {
  for await (const line of lines(process.stdin)) {
    if (line.trim() === '') continue;
    const ok = process.stdout.write(`${JSON.stringify(processLine(line, actionProvider))}\n`);
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Find the signals of a client message or of an agent draft (stdin when no text).')
    .argument('[text...]', 'the message; read from stdin when absent')
    .addOption(new Option('--role <role>', 'who wrote it').choices(ROLES).default('client'))
    .addOption(new Option('--lang <lang>', 'language (detected when absent)').choices(LANGS))
    .option('--json', 'print the analysis as JSON')
    .option('--jsonl', 'evaluation contract: JSON Lines on stdin, one result line per input line')
    .action(async (words: string[], opts: { role: Role; lang?: Lang; json?: boolean; jsonl?: boolean }) => {
      if (opts.jsonl) return runJsonl();
      const text = words.length > 0 ? words.join(' ') : (await readAll(process.stdin)).replace(/\r?\n$/, '');
      if (text.trim() === '') throw new Error('nothing to analyse: give a text or pipe one on stdin');
      const analysis = analyze(text, { role: opts.role, ...(opts.lang ? { lang: opts.lang } : {}) });
      process.stdout.write(
        opts.json ? `${JSON.stringify(analysis, null, 2)}\n` : `${formatReport(text, analysis)}\n`,
      );
    });
}
