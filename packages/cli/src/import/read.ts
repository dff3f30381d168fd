/**
 * Opens an export and yields what it holds, whatever its format: detects the format (from the
 * file name, then from the first bytes) unless one is given, and dispatches to its reader.
 * JSON Lines may mix the spec's lines with helpdesk records (a Zendesk ticket with its comments,
 * a Chatwoot message): each line is recognised by its fields.
 */
import { basename, extname } from 'node:path';
import { isChatwootMessage, readChatwootMessage } from './formats/chatwoot.ts';
import { type CsvField, readCsv, sniffDelimiter } from './formats/csv.ts';
import { isObject, type Json } from './formats/fields.ts';
import { isSpecLine, readSpecLine } from './formats/spec-jsonl.ts';
import {
  isZendeskComment,
  isZendeskTicketLine,
  readZendeskComment,
  readZendeskTicketLine,
  zendeskTicketState,
} from './formats/zendesk.ts';
import { scanJsonDocument } from './json-scan.ts';
import { splitLines } from './lines.ts';
import type { ByteSource } from './source.ts';
import type { ImportFormat, ReadItem, ReadLimits } from './types.ts';

export type DetectedLayout = 'jsonl' | 'json-document' | 'csv';

export interface Detection {
  readonly format: ImportFormat;
  readonly layout: DetectedLayout;
}

function firstJsonValueEnds(head: string): boolean {
  const nl = head.indexOf('\n');
  const first = (nl === -1 ? head : head.slice(0, nl)).trim();
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

/** Guesses format and layout from the file name and the first bytes. */
export function detectFormat(name: string | undefined, head: Buffer, given?: ImportFormat): Detection {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  const ext = name ? extname(name).toLowerCase() : '';
  const looksJson = start.startsWith('{') || start.startsWith('[');
  if (given === 'csv' || (!given && (ext === '.csv' || ext === '.tsv' || (!looksJson && start !== '')))) {
    return { format: 'csv', layout: 'csv' };
  }
  const layout: DetectedLayout =
    ext === '.jsonl' ||
    ext === '.ndjson' ||
    (start.startsWith('{') && firstJsonValueEnds(start) && ext !== '.json')
      ? 'jsonl'
      : start.startsWith('[') || ext === '.json' || !firstJsonValueEnds(start)
        ? 'json-document'
        : 'jsonl';
  if (given) return { format: given, layout: given === 'jsonl' ? 'jsonl' : layout };
  if (/"message_type"\s*:/.test(text) && !/"author_id"\s*:/.test(text)) return { format: 'chatwoot', layout };
  if (/"comments"\s*:/.test(text) || /"author_id"\s*:/.test(text)) return { format: 'zendesk', layout };
  return { format: 'jsonl', layout };
}

export interface ReadOptions {
  readonly name?: string;
  readonly detection: Detection;
  readonly head: Buffer;
  readonly limits: ReadLimits;
  readonly columns: Partial<Record<CsvField, string>>;
}

/** The ticket or conversation a single-document file is about, from its name (`ticket-123.json`). */
function idFromName(name: string | undefined): string {
  if (!name) return 'stdin';
  const digits = basename(name).match(/\d+/);
  return digits ? digits[0] : basename(name, extname(name));
}

function readJsonLine(obj: Json, line: number): ReadItem[] {
  if (isZendeskTicketLine(obj)) return readZendeskTicketLine(obj, line);
  if (isChatwootMessage(obj)) return [readChatwootMessage(obj, line, `line-${line}`)];
  if (isSpecLine(obj)) return readSpecLine(obj, line);
  return [
    {
      kind: 'issue',
      issue: {
        line,
        code: 'unknown_shape',
        message: 'not a message, a conversation, a ticket or a helpdesk message',
      },
    },
  ];
}

async function* readJsonl(source: ByteSource, limits: ReadLimits): AsyncGenerator<ReadItem> {
  for await (const item of splitLines(source, limits.maxRecordBytes)) {
    if ('error' in item) {
      yield {
        kind: 'issue',
        issue:
          item.error === 'too_long'
            ? {
                line: item.line,
                code: 'too_long',
                message: `line longer than ${limits.maxRecordBytes} bytes (${item.bytes} bytes), skipped`,
              }
            : { line: item.line, code: 'invalid_utf8', message: 'invalid UTF-8 on this line' },
      };
      continue;
    }
    if (item.text.trim() === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(item.text);
    } catch (error) {
      yield {
        kind: 'issue',
        issue: { line: item.line, code: 'malformed_json', message: (error as Error).message },
      };
      continue;
    }
    if (!isObject(obj)) {
      yield {
        kind: 'issue',
        issue: { line: item.line, code: 'malformed_json', message: 'each line must be a JSON object' },
      };
      continue;
    }
    yield* readJsonLine(obj, item.line);
  }
}

async function* readJsonDocument(
  source: ByteSource,
  format: ImportFormat,
  name: string | undefined,
  limits: ReadLimits,
): AsyncGenerator<ReadItem> {
  const fallback = idFromName(name);
  let zendesk = zendeskTicketState(undefined, fallback);
  let chatwootConversation = fallback;
  const arrays = new Set(['comments', 'payload', 'messages', 'tickets', 'data']);
  for await (const item of scanJsonDocument(source, arrays, limits.maxRecordBytes)) {
    if (item.type === 'error') {
      yield { kind: 'issue', issue: { line: item.line, code: item.code, message: item.message } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(item.text);
    } catch (error) {
      yield {
        kind: 'issue',
        issue: { line: item.line, code: 'malformed_json', message: (error as Error).message },
      };
      continue;
    }
    if (item.type === 'member') {
      if (item.key === 'ticket' && isObject(value)) zendesk = zendeskTicketState(value, fallback);
      if (item.key === 'meta' && isObject(value) && value.conversation_id !== undefined) {
        chatwootConversation = String(value.conversation_id);
      }
      continue;
    }
    if (!isObject(value)) {
      yield {
        kind: 'issue',
        issue: { line: item.line, code: 'malformed_json', message: 'an element must be a JSON object' },
      };
      continue;
    }
    if (format === 'zendesk' && isZendeskTicketLine(value)) yield* readZendeskTicketLine(value, item.line);
    else if (format === 'zendesk' || isZendeskComment(value))
      yield readZendeskComment(value, zendesk, item.line);
    else if (format === 'chatwoot' || isChatwootMessage(value))
      yield readChatwootMessage(value, item.line, chatwootConversation);
    else yield* readJsonLine(value, item.line);
  }
}

/** Everything the export holds, in file order. */
export function readExport(source: ByteSource, options: ReadOptions): AsyncGenerator<ReadItem> {
  const { detection, limits } = options;
  if (detection.layout === 'csv') {
    return readCsv(source, {
      mapping: options.columns,
      maxRecordBytes: limits.maxRecordBytes,
      delimiter: options.name?.toLowerCase().endsWith('.tsv') ? '\t' : sniffDelimiter(options.head),
    });
  }
  if (detection.layout === 'jsonl') return readJsonl(source, limits);
  return readJsonDocument(source, detection.format, options.name, limits);
}
