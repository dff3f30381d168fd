/**
 * Streams the elements out of one large JSON document — a helpdesk API page such as
 * `{"comments": [...]}` (Zendesk) or `{"meta": {...}, "payload": [...]}` (Chatwoot), or a bare
 * top-level array — without parsing the document as a whole. A small byte-level scanner follows
 * strings and nesting; each element of a wanted array is cut out and handed over as text (then
 * parsed on its own), so memory holds one element at a time. Other top-level members (`ticket`,
 * `meta`) are handed over whole, in document order, so that a reader can use them for the
 * elements that follow.
 */
export type JsonScanItem =
  | { readonly type: 'element'; readonly key: string | null; readonly line: number; readonly text: string }
  | { readonly type: 'member'; readonly key: string; readonly line: number; readonly text: string }
  | {
      readonly type: 'error';
      readonly line: number;
      readonly code: 'too_long' | 'invalid_utf8' | 'malformed_json';
      readonly message: string;
    };

const strict = new TextDecoder('utf-8', { fatal: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * @param arrays the top-level member names whose array elements are streamed one by one
 *   (elements of a bare top-level array are always streamed, with `key: null`).
 */
export async function* scanJsonDocument(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  arrays: ReadonlySet<string>,
  maxBytes: number,
): AsyncGenerator<JsonScanItem> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let top: 'object' | 'array' | undefined;
  let sawTop = false;
  // Top-level object members.
  let expectKey = false;
  let keyParts: number[] | undefined;
  let currentKey = '';
  let memberValuePending = false;
  // Depth whose direct children are streamed as elements (-1: none).
  let elementDepth = -1;
  let elementKey: string | null = null;
  // The value being captured.
  let capturing: 'container' | 'string' | 'scalar' | undefined;
  let captureDepth = 0;
  let captureKind: 'element' | 'member' = 'element';
  let captureKey: string | null = null;
  let captureLine = 0;
  let captureParts: Buffer[] = [];
  let captureBytes = 0;
  let captureTooLong = false;
  let out: JsonScanItem[] = [];

  const finish = (chunk: Buffer, start: number, end: number): void => {
    if (!captureTooLong && captureBytes + (end - start) > maxBytes) captureTooLong = true;
    if (!captureTooLong) {
      const piece = chunk.subarray(start, end);
      const whole = captureParts.length === 0 ? piece : Buffer.concat([...captureParts, piece]);
      let text: string | undefined;
      try {
        text = strict.decode(whole);
      } catch {
        out.push({
          type: 'error',
          line: captureLine,
          code: 'invalid_utf8',
          message: 'invalid UTF-8 in this element',
        });
      }
      if (text !== undefined) {
        if (captureKind === 'element')
          out.push({ type: 'element', key: captureKey, line: captureLine, text });
        else out.push({ type: 'member', key: captureKey ?? '', line: captureLine, text });
      }
    } else {
      out.push({
        type: 'error',
        line: captureLine,
        code: 'too_long',
        message: `element longer than ${maxBytes} bytes (${captureBytes + (end - start)} bytes), skipped`,
      });
    }
    capturing = undefined;
    captureParts = [];
    captureBytes = 0;
    captureTooLong = false;
  };

  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    let captureStart = 0;
    const begin = (
      kind: 'container' | 'string' | 'scalar',
      at: number,
      as: 'element' | 'member',
      key: string | null,
    ) => {
      capturing = kind;
      captureDepth = depth;
      captureKind = as;
      captureKey = key;
      captureLine = line;
      captureStart = at;
    };
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b === NEWLINE) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (keyParts) {
            try {
              currentKey = JSON.parse(`"${strict.decode(Uint8Array.from(keyParts))}"`) as string;
            } catch {
              currentKey = '';
            }
            keyParts = undefined;
            expectKey = false;
            continue;
          }
          if (capturing === 'string' && depth === captureDepth) finish(chunk, captureStart, i + 1);
        }
        if (keyParts) keyParts.push(b);
        continue;
      }
      if (isSpace(b)) continue;
      if (capturing === 'scalar' && depth === captureDepth && (b === 0x2c || b === 0x5d || b === 0x7d)) {
        finish(chunk, captureStart, i);
      }
      if (!sawTop) {
        sawTop = true;
        if (b === 0x7b) {
          top = 'object';
          expectKey = true;
        } else if (b === 0x5b) {
          top = 'array';
          elementDepth = 1;
          elementKey = null;
        } else {
          out.push({
            type: 'error',
            line,
            code: 'malformed_json',
            message: 'the document is neither an object nor an array',
          });
          yield* out;
          return;
        }
        depth = 1;
        continue;
      }
      if (capturing === undefined) {
        const startsValue = b !== 0x2c && b !== 0x5d && b !== 0x7d && b !== 0x3a;
        if (memberValuePending && startsValue) {
          memberValuePending = false;
          if (b === 0x5b && arrays.has(currentKey)) {
            elementDepth = 2;
            elementKey = currentKey;
            depth++;
            continue;
          }
          begin(
            b === QUOTE ? 'string' : b === 0x7b || b === 0x5b ? 'container' : 'scalar',
            i,
            'member',
            currentKey,
          );
        } else if (depth === elementDepth && startsValue) {
          begin(
            b === QUOTE ? 'string' : b === 0x7b || b === 0x5b ? 'container' : 'scalar',
            i,
            'element',
            elementKey,
          );
        } else if (top === 'object' && depth === 1 && expectKey && b === QUOTE) {
          keyParts = [];
          inString = true;
          continue;
        }
      }
      if (b === QUOTE) {
        inString = true;
      } else if (b === 0x7b || b === 0x5b) {
        depth++;
      } else if (b === 0x7d || b === 0x5d) {
        depth--;
        if (capturing === 'container' && depth === captureDepth) finish(chunk, captureStart, i + 1);
        if (depth < elementDepth) elementDepth = -1;
      } else if (b === 0x2c) {
        if (top === 'object' && depth === 1) expectKey = true;
      } else if (b === 0x3a) {
        if (top === 'object' && depth === 1) memberValuePending = true;
      }
    }
    if (capturing !== undefined) {
      const length = chunk.length - captureStart;
      if (!captureTooLong && captureBytes + length > maxBytes) {
        captureTooLong = true;
        captureParts = [];
      }
      if (!captureTooLong) captureParts.push(Buffer.from(chunk.subarray(captureStart)));
      captureBytes += length;
    }
    if (out.length > 0) {
      const items = out;
      out = [];
      yield* items;
    }
  }
  if (capturing === 'scalar') finish(Buffer.alloc(0), 0, 0);
  if (!sawTop || depth !== 0 || inString) {
    out.push({
      type: 'error',
      line,
      code: 'malformed_json',
      message: 'the JSON document ends before it is complete',
    });
  }
  yield* out;
}
