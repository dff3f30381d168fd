/**
 * Escalation reasons are either a code set by the server (`repeated_abuse`, `threat`) or the
 * agent's own words. Codes are translated; words are shown as written. Only a plain code is ever
 * used as a translation key, so that free text (with dots or colons) is never read as a key path.
 */
const CODE = /^[a-z][a-z_]{1,40}$/;

export function reasonKey(reason: string): string | null {
  return CODE.test(reason) ? `escalation.reason.${reason}` : null;
}

export function reasonText(
  t: (key: string, opts: { defaultValue: string }) => string,
  reason: string,
): string {
  const key = reasonKey(reason);
  return key ? t(key, { defaultValue: reason }) : reason;
}

const LEADING_SIGNAL = /^([a-z]+\.[a-z_]+)(\s*:\s*)/;

/**
 * An incident summary written by the server starts with the signal id (`abuse.insult: « … »`):
 * the id is shown as its label in the reader's language; the rest is kept as written.
 */
export function summaryText(
  t: (key: string, opts: { defaultValue: string }) => string,
  summary: string,
): string {
  const m = LEADING_SIGNAL.exec(summary);
  if (!m) return summary;
  const id = m[1] as string;
  const label = t(`signal.${id}`, { defaultValue: id });
  return `${label}${m[2]}${summary.slice(m[0].length)}`;
}
