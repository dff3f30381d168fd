/**
 * CPU time of the calling thread, for the import's run figures: on a shared machine the fair
 * measure of speed is CPU-seconds per message, and the split between the reading thread and the
 * workers says which side to work on. `process.cpuUsage()` counts the whole process; Node 20 has
 * no per-thread call, so this reads Linux's /proc/thread-self/stat (utime + stime, in clock ticks
 * of 1/100 s). Elsewhere it answers undefined and the run figures leave the split out.
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** Seconds of CPU this thread has used, or undefined where the system does not say. */
export function threadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // the command name (2nd field) may hold spaces: count fields after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
