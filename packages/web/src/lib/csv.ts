/**
 * CSV export (RFC 4180): quoted when needed, CRLF line ends, and cells that a spreadsheet would
 * run as a formula (= + - @, tab, CR) are prefixed with an apostrophe (OWASP "CSV injection"):
 * exported rows hold client text, which is untrusted.
 */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | boolean | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined, separator = ','): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return s.includes(separator) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], separator = ','): string {
  const lines = [columns.map((c) => csvCell(c.header, separator)).join(separator)];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row), separator)).join(separator));
  return `${lines.join('\r\n')}\r\n`;
}
