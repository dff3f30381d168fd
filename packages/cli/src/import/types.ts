/**
 * The shapes an import passes along: messages as read from an export, conversations as assembled
 * for the engines, and the problems found in the input (each tied to its line number).
 */
import type { Lang, Role } from '@sangfroid/core';

/** The formats `sangfroid import` reads; `auto` detects from the name and the first bytes. */
export const IMPORT_FORMATS = ['jsonl', 'csv', 'zendesk', 'chatwoot'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One message read from an export, in the order of the file. */
export interface ImportMessage {
  /** Which conversation it belongs to (ticket id, conversation id…), as given by the export. */
  readonly conversation: string;
  readonly role: Role;
  readonly text: string;
  /** 1-based line of the file where the message starts. */
  readonly line: number;
  readonly at?: string;
  /** Who wrote it (agent name or id, client id). */
  readonly author?: string;
  /** The client of the conversation when the export says it (requester, contact). */
  readonly client?: string;
  readonly lang?: Lang;
  /** The message's own id in the export, the natural key for idempotent storage. */
  readonly externalId?: string;
}

/** A whole conversation read from one line (spec JSONL `turns`, a Zendesk ticket line). */
export interface ImportConversation {
  readonly conversation: string;
  readonly messages: readonly ImportMessage[];
}

export type ImportIssueCode =
  | 'malformed_json'
  | 'malformed_csv'
  | 'invalid_utf8'
  | 'empty_text'
  | 'too_long'
  | 'missing_field'
  | 'unknown_role'
  | 'column_count'
  | 'unknown_shape'
  | 'engine_error';

/** A problem with one record of the input; the import goes on past it (unless `--strict`). */
export interface ImportIssue {
  readonly line: number;
  readonly code: ImportIssueCode;
  readonly message: string;
}

/** What a reader yields: a message, a whole conversation, a problem, or a skipped record. */
export type ReadItem =
  | { readonly kind: 'message'; readonly message: ImportMessage }
  | { readonly kind: 'conversation'; readonly conversation: ImportConversation }
  | { readonly kind: 'issue'; readonly issue: ImportIssue }
  | { readonly kind: 'skipped'; readonly line: number; readonly reason: string };

/** Limits that keep memory flat on hostile input. */
export interface ReadLimits {
  /** A line, CSV record or JSON element longer than this is rejected (`too_long`) unread. */
  readonly maxRecordBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxRecordBytes: 4 * 1024 * 1024 };

/** Thrown for input that cannot be imported at all (unknown column, unreadable header). */
export class ImportInputError extends Error {
  override readonly name = 'ImportInputError';
}
