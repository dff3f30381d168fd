/**
 * The `sangfroid` command line: one subcommand per file in ./commands, wired here with commander.
 * Only this layer reads argv, stdin, files and the environment; the engines stay pure.
 */
import { Command, CommanderError } from 'commander';
import { registerAdmin } from './commands/admin.ts';
import { registerAnalyze } from './commands/analyze.ts';
import { registerAssist } from './commands/assist.ts';
import { registerAudit } from './commands/audit.ts';
import { registerImport } from './commands/import.ts';
import { registerIntegrations } from './commands/integrations.ts';
import { registerServe } from './commands/serve.ts';
import { registerTrain } from './commands/train.ts';
import { registerWorker } from './commands/worker.ts';

export function buildProgram(): Command {
  const program = new Command('sangfroid')
    .description(
      'Keep your composure with difficult clients — garder son sang-froid face aux clients difficiles.',
    )
    .version('0.1.0')
    .showHelpAfterError();
  registerAnalyze(program);
  registerAssist(program);
  registerImport(program);
  registerTrain(program);
  registerServe(program);
  registerAdmin(program);
  registerAudit(program);
  registerIntegrations(program);
  registerWorker(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sangfroid: ${message}\n`);
    process.exitCode = 1;
  }
}
