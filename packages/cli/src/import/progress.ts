/**
 * Progress on stderr: a bar with rate and ETA (cli-progress) when stderr is a terminal, nothing
 * while running and one summary line at the end otherwise (logs and CI stay readable).
 */
import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { ReportLang } from './i18n.ts';

export interface Progress {
  update(bytes: number, messages: number): void;
  stop(): void;
}

const MB = 1024 * 1024;

export function createProgress(options: {
  stream: Writable & { isTTY?: boolean };
  totalBytes: number | undefined;
  lang: ReportLang;
  enabled?: boolean;
}): Progress {
  const isTTY = options.enabled ?? Boolean(options.stream.isTTY);
  if (!isTTY) return { update() {}, stop() {} };
  const fr = options.lang === 'fr';
  const started = Date.now();
  const known = options.totalBytes !== undefined && options.totalBytes > 0;
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stream as NodeJS.WritableStream,
      format: known
        ? `{bar} {percentage}% | {value}/{total} ${fr ? 'Mo' : 'MB'} | {messages} messages | {rate} msg/s | ${fr ? 'reste' : 'ETA'} {eta_formatted}`
        : `{messages} messages | {value} ${fr ? 'Mo' : 'MB'} | {rate} msg/s`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(known ? Math.max(1, Math.round(((options.totalBytes as number) / MB) * 10) / 10) : 0, 0, {
    messages: 0,
    rate: 0,
  });
  return {
    update(bytes, messages) {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      bar.update(Math.round((bytes / MB) * 10) / 10, {
        messages: messages.toLocaleString(options.lang),
        rate: Math.round(messages / seconds).toLocaleString(options.lang),
      });
    },
    stop() {
      bar.stop();
    },
  };
}
