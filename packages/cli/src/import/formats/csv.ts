/**
 * CSV exports with mappable columns, parsed by csv-parse. The header names the columns; each
 * field the import needs is found under the name given with `--columns field=column` or, by
 * default, under the first of its usual names (text: text, body, message…). A missing column is
 * an error that names it, before anything is read.
 *
 * A guard in front of csv-parse cuts the byte stream into records (following RFC 4180 quoting)
 * so that a record larger than the limit — a 50 MB cell — is dropped as it streams past and
 * reported with its line, instead of being buffered; the lines it spanned are replaced by empty
 * lines, which csv-parse skips, so that every later line number stays true. The guard drops a
 * record that is not valid UTF-8 the same way, so csv-parse decodes only valid text.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { ImportInputError, type ImportIssue, type ImportMessage, type ReadItem } from '../types.ts';
import { dateOf, langOf, roleOf } from './fields.ts';

export const CSV_FIELDS = ['conversation', 'role', 'text', 'at', 'author', 'client', 'id', 'lang'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

const DEFAULT_NAMES: Record<CsvField, readonly string[]> = {
  conversation: ['conversation', 'conversation_id', 'ticket_id', 'ticket', 'thread_id', 'thread', 'case_id'],
  role: ['role', 'author_type', 'sender_type', 'direction', 'from'],
  text: ['text', 'body', 'message', 'content', 'comment', 'plain_body'],
  at: ['at', 'created_at', 'timestamp', 'date', 'time', 'sent_at'],
  author: ['author', 'author_id', 'sender', 'sender_id', 'agent', 'agent_name'],
  client: ['client', 'customer', 'customer_id', 'requester', 'requester_id', 'contact_id'],
  id: ['id', 'message_id', 'comment_id'],
  lang: ['lang', 'language', 'locale'],
};
const REQUIRED: readonly CsvField[] = ['text', 'role'];

/** Parses `conversation=ticket_id,role=author_type`; throws on an unknown field name. */
export function parseColumnMapping(spec: string | undefined): Partial<Record<CsvField, string>> {
  const mapping: Partial<Record<CsvField, string>> = {};
  if (!spec) return mapping;
  for (const pair of spec.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    const field = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    const column = eq === -1 ? '' : pair.slice(eq + 1).trim();
    if (!(CSV_FIELDS as readonly string[]).includes(field)) {
      throw new ImportInputError(`--columns: unknown field "${field}" (fields: ${CSV_FIELDS.join(', ')})`);
    }
    if (column === '')
      throw new ImportInputError(`--columns: "${field}" needs a column name (${field}=<column>)`);
    mapping[field as CsvField] = column;
  }
  return mapping;
}

/** Resolves every field to a column index; throws an error naming a missing column. */
export function resolveColumns(
  header: readonly string[],
  mapping: Partial<Record<CsvField, string>>,
): Partial<Record<CsvField, number>> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const found: Partial<Record<CsvField, number>> = {};
  const listed = header.map((h) => `"${h}"`).join(', ');
  for (const field of CSV_FIELDS) {
    const given = mapping[field];
    if (given !== undefined) {
      const index = lower.indexOf(given.toLowerCase());
      if (index === -1) {
        throw new ImportInputError(
          `CSV: column "${given}" (given for ${field}) is not in the header; the header has ${listed}`,
        );
      }
      found[field] = index;
      continue;
    }
    const index = DEFAULT_NAMES[field].map((name) => lower.indexOf(name)).find((i) => i !== -1);
    if (index !== undefined) found[field] = index;
    else if (REQUIRED.includes(field)) {
      throw new ImportInputError(
        `CSV: no column for "${field}" (looked for ${DEFAULT_NAMES[field].join(', ')}); ` +
          `name it with --columns ${field}=<column>; the header has ${listed}`,
      );
    }
  }
  return found;
}

interface GuardState {
  /** Records the guard dropped, in line order; read by readCsv as the parser catches up. */
  issues: ImportIssue[];
}

/**
 * Cuts bytes into CSV records and drops (and reports) each record over `maxBytes` or not valid
 * UTF-8; the rest streams on in slices of the chunks it came in. See the header.
 */
async function* guardRecords(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  maxBytes: number,
  delimiter: number,
  state: GuardState,
): AsyncGenerator<Buffer> {
  let line = 1;
  let recordLine = 1;
  let recordNewlines = 0;
  let inQuotes = false;
  let quoteSeen = false; // a quote inside a quoted field: closing, or the first of an escaped pair
  let fieldStart = true;
  let headerSeen = false; // a record with content has been forwarded: the header
  let pending: Buffer[] = []; // the current record's bytes from earlier chunks
  let pendingBytes = 0;
  let dropping = false; // the current record is over the limit: its bytes are discarded
  const drop = (code: 'too_long' | 'invalid_utf8', bytes: number): Buffer => {
    if (code === 'invalid_utf8' && !headerSeen) throw new ImportInputError(HEADER_NOT_UTF8);
    state.issues.push(
      code === 'too_long'
        ? {
            line: recordLine,
            code,
            message: `record longer than ${maxBytes} bytes (${bytes} bytes), skipped`,
          }
        : { line: recordLine, code, message: 'invalid UTF-8 in this record' },
    );
    return Buffer.from('\n'.repeat(recordNewlines)); // keeps every later line number true
  };
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    // Checked whole at native speed; only a chunk that fails (an invalid record, or a character
    // cut at either end) has its records checked one by one.
    const checkEach = !isUtf8(chunk);
    const carried = dropping || pendingBytes > 0;
    let recStart = carried ? -1 : 0; // where the current record starts in this chunk (-1: before it)
    let segStart = 0; // start of the complete records not yet forwarded
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (quoteSeen) {
        quoteSeen = false;
        if (b === 0x22) continue; // "" inside quotes: an escaped quote
        inQuotes = false;
      }
      if (inQuotes) {
        if (b === 0x22) quoteSeen = true;
        else if (b === 0x0a) {
          line++;
          recordNewlines++;
        }
        continue;
      }
      if (b === 0x22) {
        if (fieldStart) inQuotes = true;
        fieldStart = false;
      } else if (b === delimiter) fieldStart = true;
      else if (b === 0x0a) {
        line++;
        recordNewlines++;
        fieldStart = true;
        const from = recStart === -1 ? 0 : recStart;
        const size = pendingBytes + (i + 1 - from);
        if (dropping || size > maxBytes) {
          if (from > segStart) yield chunk.subarray(segStart, from);
          yield drop('too_long', size);
          segStart = i + 1;
        } else if (recStart === -1) {
          pending.push(chunk.subarray(0, i + 1));
          const record = Buffer.concat(pending);
          yield isUtf8(record) ? record : drop('invalid_utf8', size);
          segStart = i + 1;
        } else if (checkEach && !isUtf8(chunk.subarray(from, i + 1))) {
          if (from > segStart) yield chunk.subarray(segStart, from);
          yield drop('invalid_utf8', size);
          segStart = i + 1;
        }
        if (size > 2 || (size === 2 && chunk[i - 1] !== 0x0d)) headerSeen = true;
        pending = [];
        pendingBytes = 0;
        dropping = false;
        recStart = i + 1;
        recordLine = line;
        recordNewlines = 0;
      } else if (b !== 0x0d && b !== 0x20 && b !== 0x09) fieldStart = false;
    }
    const from = recStart === -1 ? 0 : recStart;
    if (from > segStart) yield Buffer.from(chunk.subarray(segStart, from));
    const restBytes = chunk.length - from;
    if (dropping) pendingBytes += restBytes;
    else if (pendingBytes + restBytes > maxBytes) {
      dropping = true;
      pending = [];
      pendingBytes += restBytes;
    } else if (restBytes > 0) {
      pending.push(Buffer.from(chunk.subarray(from)));
      pendingBytes += restBytes;
    }
  }
  if (dropping) drop('too_long', pendingBytes);
  else if (pending.length > 0) {
    const record = Buffer.concat(pending);
    if (isUtf8(record)) yield record;
    else drop('invalid_utf8', pendingBytes);
  }
}

/**
 * csv-parse turns each chunk it is given into records at once, and they wait in its output until
 * read: from a 1 MB chunk, thousands of records live long enough to be promoted by the collector.
 * Given 64 KB at a time, reading 1M records costs ~20% less CPU.
 */
const SLICE_BYTES = 64 * 1024;

async function* slices(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += SLICE_BYTES) yield chunk.subarray(at, at + SLICE_BYTES);
  }
}

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes. */
export function sniffDelimiter(head: Buffer): ',' | ';' | '\t' {
  const end = head.indexOf(0x0a);
  const first = head.subarray(0, end === -1 ? head.length : end).toString('utf8');
  const unquoted = first.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',' as ',' | ';' | '\t');
}

export interface CsvReadOptions {
  readonly mapping: Partial<Record<CsvField, string>>;
  readonly maxRecordBytes: number;
  readonly delimiter: ',' | ';' | '\t';
}

const HEADER_NOT_UTF8 = 'CSV: the header line is not valid UTF-8';

function countNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    let at = f.indexOf('\n');
    while (at !== -1) {
      n++;
      at = f.indexOf('\n', at + 1);
    }
  }
  return n;
}

/** The trimmed field at `index`, or undefined when the column is absent or the field blank. */
function fieldAt(fields: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const value = fields[index]?.trim();
  return value === '' ? undefined : value;
}

/** Takes from two queues, each in line order, the issues before `line`, in line order. */
function* issuesBefore(a: ImportIssue[], b: ImportIssue[], line: number): Generator<ReadItem> {
  for (;;) {
    const fromA =
      a.length > 0 && (b.length === 0 || (a[0] as ImportIssue).line <= (b[0] as ImportIssue).line);
    const queue = fromA ? a : b;
    const next = queue[0];
    if (next === undefined || next.line >= line) return;
    queue.shift();
    yield { kind: 'issue', issue: next };
  }
}

interface CsvError extends Error {
  code?: string;
  lines?: number;
}

/** Reads CSV records into messages; throws ImportInputError when the header cannot be used. */
export async function* readCsv(
  source: AsyncIterable<Buffer>,
  options: CsvReadOptions,
): AsyncGenerator<ReadItem> {
  const state: GuardState = { issues: [] };
  const parser = parse({
    bom: true,
    encoding: 'utf8',
    delimiter: options.delimiter,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    max_record_size: 0,
  });
  const skipped: ImportIssue[] = [];
  parser.on('skip', (error: CsvError) => {
    const code = error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' ? 'column_count' : 'malformed_csv';
    skipped.push({ line: error.lines ?? 0, code, message: error.message });
  });
  const input = Readable.from(
    slices(guardRecords(source, options.maxRecordBytes, options.delimiter.charCodeAt(0), state)),
  );
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let columns: Partial<Record<CsvField, number>> | undefined;
  let width = 0;
  for await (const { record: fields, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const line = info.lines - countNewlines(fields);
    // what the guard and the parser dropped before this record, in line order
    yield* issuesBefore(state.issues, skipped, line);
    if (!columns) {
      columns = resolveColumns(fields, options.mapping);
      width = fields.length;
      continue;
    }
    if (fields.length !== width) {
      yield {
        kind: 'issue',
        issue: { line, code: 'column_count', message: `expected ${width} fields, got ${fields.length}` },
      };
      continue;
    }
    const roleText = fieldAt(fields, columns.role);
    const role = roleOf(roleText);
    if (!role) {
      yield {
        kind: 'issue',
        issue: {
          line,
          code: 'unknown_role',
          message: `unknown role ${JSON.stringify(roleText ?? '')} (client or agent)`,
        },
      };
      continue;
    }
    const text = fields[columns.text as number] ?? '';
    if (text.trim() === '') {
      yield { kind: 'issue', issue: { line, code: 'empty_text', message: 'the message text is empty' } };
      continue;
    }
    const at = dateOf(fieldAt(fields, columns.at));
    const author = fieldAt(fields, columns.author);
    const client = fieldAt(fields, columns.client);
    const lang = langOf(fieldAt(fields, columns.lang));
    const id = fieldAt(fields, columns.id);
    const message: ImportMessage = {
      conversation: fieldAt(fields, columns.conversation) ?? `line-${line}`,
      role,
      text,
      line,
      ...(at ? { at } : {}),
      ...(author ? { author } : {}),
      ...(client ? { client } : {}),
      ...(lang ? { lang } : {}),
      ...(id ? { externalId: id } : {}),
    };
    yield { kind: 'message', message };
  }
  yield* issuesBefore(state.issues, skipped, Number.POSITIVE_INFINITY);
  if (!columns) throw new ImportInputError('CSV: the file is empty (no header line)');
}
