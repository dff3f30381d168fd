/** Byte sources: a file or stdin as an async iterable of chunks, with a peek at the first bytes. */
import type { Readable } from 'node:stream';

export type ByteSource = AsyncIterable<Buffer>;

/** Reads the first `min` bytes (or fewer at the end) and gives them back with the whole stream. */
export async function peek(
  stream: Readable | AsyncIterable<Buffer>,
  min = 64 * 1024,
): Promise<{ head: Buffer; source: ByteSource }> {
  const iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let bytes = 0;
  let done = false;
  while (bytes < min) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    first.push(chunk);
    bytes += chunk.length;
  }
  const head = Buffer.concat(first);
  async function* all(): ByteSource {
    for (const chunk of first) yield chunk;
    if (done) return;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    }
  }
  return { head, source: all() };
}

/** Counts bytes as they flow, for the progress bar. */
export async function* counted(source: ByteSource, onBytes: (n: number) => void): ByteSource {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}
