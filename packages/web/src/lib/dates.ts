/**
 * Date helpers for forms and lists. `now` is always passed in (no hidden clock), so every rule
 * about "overdue" or "due soon" is testable.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of <input type="datetime-local"> (local time, minutes). */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO-8601 UTC string of a datetime-local value, or null when it is not a valid date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A commitment's default due time: tomorrow at 10:00 local time — a promise with a real date. */
export function defaultDueAt(now: Date): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return d;
}

/** True when `dueAt` has passed and the item is still open. */
export function isOverdue(dueAt: string, now: Date, isOpen: boolean): boolean {
  const due = Date.parse(dueAt);
  return isOpen && !Number.isNaN(due) && due < now.getTime();
}

/** `YYYY-MM-DD` in local time, `days` from `now` (for restriction review dates). */
export function dateInDays(now: Date, days: number): string {
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Minutes between two ISO instants, or null when either is missing or invalid. */
export function minutesBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | null {
  if (!from || !to) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 60000);
}

/** Localised short date and time, for lists. */
export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

/** A week start (`YYYY-MM-DD`) as a short localised label: « 30 nov. », "30 Nov". */
export function formatWeek(day: string, lang: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(d);
}
