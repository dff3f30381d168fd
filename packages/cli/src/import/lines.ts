/**
 * Splits a byte stream into lines without ever holding more than one line (plus one chunk) in
 * memory: a line longer than `maxBytes` is skipped as it streams past and reported, never
 * buffered. Each line is decoded strictly, so invalid UTF-8 is reported with its line number
 * instead of being silently turned into U+FFFD.
 */
export type LineItem =
  | { readonly line: number; readonly text: string }
  | { readonly line: number; readonly error: 'invalid_utf8' | 'too_long'; readonly bytes: number };

const NEWLINE = 0x0a;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeLine(bytes: Uint8Array, line: number): LineItem {
  try {
    let text = strict.decode(bytes);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { line, text };
  } catch {
    return { line, error: 'invalid_utf8', bytes: bytes.length };
  }
}

export async function* splitLines(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<LineItem> {
  let line = 1;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false; // inside a line already reported too long
  let skippedBytes = 0;
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, from);
      const end = nl === -1 ? chunk.length : nl;
      if (skipping) {
        skippedBytes += end - from;
      } else if (pendingBytes + (end - from) > maxBytes) {
        skipping = true;
        skippedBytes = pendingBytes + (end - from);
        pending = [];
        pendingBytes = 0;
      } else if (nl !== -1 && pendingBytes === 0) {
        yield decodeLine(chunk.subarray(from, end), line);
      } else {
        // Copy: the chunk may be reused by the stream once we return.
        pending.push(Buffer.from(chunk.subarray(from, end)));
        pendingBytes += end - from;
        if (nl !== -1) {
          const whole = Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
          yield decodeLine(whole, line);
        }
      }
      if (nl === -1) break;
      if (skipping) {
        yield { line, error: 'too_long', bytes: skippedBytes };
        skipping = false;
        skippedBytes = 0;
      }
      line++;
      from = nl + 1;
    }
  }
  if (skipping) yield { line, error: 'too_long', bytes: skippedBytes };
  else if (pendingBytes > 0) yield decodeLine(Buffer.concat(pending, pendingBytes), line);
}
