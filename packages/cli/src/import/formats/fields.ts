/** Small helpers that read loosely typed export records into strings, roles and dates. */
import { LANGS, type Lang, type Role } from '@sangfroid/core/types';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or a number as a string; undefined for anything else (ids are numbers in most APIs). */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function langOf(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const short = value.toLowerCase().slice(0, 2);
  return (LANGS as readonly string[]).includes(short) ? (short as Lang) : undefined;
}

const CLIENT_WORDS = new Set([
  'client',
  'customer',
  'end-user',
  'end_user',
  'enduser',
  'requester',
  'contact',
  'visitor',
  'incoming',
  'inbound',
  'in',
  'received',
]);
const AGENT_WORDS = new Set([
  'agent',
  'staff',
  'support',
  'admin',
  'operator',
  'employee',
  'outgoing',
  'outbound',
  'out',
  'sent',
  'assistant',
]);

/** Maps the many spellings of "who wrote it" found in exports to a role. */
export function roleOf(value: unknown): Role | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (CLIENT_WORDS.has(word)) return 'client';
  if (AGENT_WORDS.has(word)) return 'agent';
  return undefined;
}

/** ISO-8601 from an ISO string or a Unix time in seconds (Chatwoot) or milliseconds. */
export function dateOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value < 1e11 ? value * 1000 : value;
    const date = new Date(ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value === 'string' && value.trim() !== '') {
    if (/^\d+(\.\d+)?$/.test(value.trim())) return dateOf(Number(value));
    return value.trim();
  }
  return undefined;
}
