#!/usr/bin/env node
// Entry point of the `sangfroid` command: runs the TypeScript sources through tsx, so that a fresh
// clone works right after `npm install` with no build step.
//
// A command may need V8 flags that only the command line can set (they cannot be changed once
// the engine runs, nor passed through NODE_OPTIONS): such a command runs in a child process
// started with them, which shares this one's input, output and exit status. `import` keeps every
// core busy with worker threads; V8's own background collector threads then compete with them
// for the same cores, and collecting on each thread itself costs ~10% less CPU in all
// (bench:import, alternated runs).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const V8_FLAGS = { import: ['--single-threaded-gc'] };

const command = process.argv[2];
const needed = (Object.hasOwn(V8_FLAGS, command ?? '') ? V8_FLAGS[command] : []).filter(
  (flag) => !process.execArgv.includes(flag),
);

if (needed.length > 0) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...needed, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  // a signal sent to this process is the child's to handle (a terminal's reaches both)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`sangfroid: could not start the ${command} process: ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (constants.signals[signal] ?? 0);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/main.ts');
  await main(process.argv);
}
