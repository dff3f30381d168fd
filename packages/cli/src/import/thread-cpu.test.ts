import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threadCpuSeconds } from './thread-cpu.ts';

test('the calling thread’s CPU time is read on Linux, and grows as the thread works', {
  skip: process.platform !== 'linux',
}, () => {
  const before = threadCpuSeconds();
  assert.equal(typeof before, 'number');
  const whole = process.cpuUsage();
  let x = 0;
  while ((threadCpuSeconds() as number) - (before as number) < 0.05) x += Math.sqrt(x + 1);
  const used = (threadCpuSeconds() as number) - (before as number);
  const process_ = process.cpuUsage(whole);
  assert.ok(used > 0 && used <= (process_.user + process_.system) / 1e6 + 0.02, `${used}`);
});
