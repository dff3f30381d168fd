/**
 * Figures for the manager's dashboard computed from lists of dated items: weekly buckets by a key
 * (incidents by kind or severity), medians, rates, and each client's risk level from its incidents.
 * `now` and the period are passed in.
 */

/** Monday 00:00 UTC of the week holding `iso`, as `YYYY-MM-DD`. */
export function weekStart(iso: string): string {
  const d = new Date(iso);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

/** Every week start from the one holding `from` to the one holding `to`, inclusive. */
export function weeksBetween(fromIso: string, toIso: string): string[] {
  const out: string[] = [];
  const end = weekStart(toIso);
  let cur = weekStart(fromIso);
  for (let i = 0; cur <= end && i < 600; i++) {
    out.push(cur);
    const d = new Date(`${cur}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7);
    cur = d.toISOString().slice(0, 10);
  }
  return out;
}

export interface WeeklySeries {
  readonly weeks: readonly string[];
  /** key → one count per week, keys sorted by total descending then name. */
  readonly series: ReadonlyMap<string, readonly number[]>;
}

export function bucketByWeek<T>(
  items: readonly T[],
  at: (x: T) => string,
  key: (x: T) => string,
  fromIso: string,
  toIso: string,
): WeeklySeries {
  const weeks = weeksBetween(fromIso, toIso);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const counts = new Map<string, number[]>();
  for (const item of items) {
    const i = index.get(weekStart(at(item)));
    if (i === undefined) continue;
    const k = key(item);
    let row = counts.get(k);
    if (!row) {
      row = weeks.map(() => 0);
      counts.set(k, row);
    }
    row[i] = (row[i] ?? 0) + 1;
  }
  const total = (r: readonly number[]) => r.reduce((a, b) => a + b, 0);
  const sorted = [...counts.entries()].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1));
  return { weeks, series: new Map(sorted) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** A ratio in [0, 1] as a whole percentage, or null when there is nothing to measure. */
export function percent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined || Number.isNaN(rate) ? null : Math.round(rate * 100);
}

export type RiskLevel = 'none' | 'low' | 'medium' | 'high';

/** Weight of an incident by severity: the server's client risk profile uses the same scale. */
const SEVERITY_WEIGHT: Readonly<Record<number, number>> = { 1: 1, 2: 3, 3: 6 };

/**
 * A client's risk level from their incidents' severities, on the scale of the server's risk
 * profile (domain/risk.ts): weights 1, 3, 6; below 3 is low, below 8 medium, then high.
 */
export function riskLevel(severities: readonly number[]): RiskLevel {
  const score = severities.reduce((sum, s) => sum + (SEVERITY_WEIGHT[Math.min(3, Math.max(1, s))] ?? 1), 0);
  return score === 0 ? 'none' : score < 3 ? 'low' : score < 8 ? 'medium' : 'high';
}

/** How many clients are at each risk level, from the incidents that name a client. */
export function clientsByRisk(
  incidents: readonly { readonly clientId: string | null; readonly severity: number }[],
): Record<RiskLevel, number> {
  const per = new Map<string, number[]>();
  for (const i of incidents) {
    if (!i.clientId) continue;
    const list = per.get(i.clientId) ?? [];
    list.push(i.severity);
    per.set(i.clientId, list);
  }
  const out: Record<RiskLevel, number> = { none: 0, low: 0, medium: 0, high: 0 };
  for (const sev of per.values()) out[riskLevel(sev)]++;
  return out;
}

export interface FigureRow {
  readonly section: string;
  readonly key: string;
  /** Week start (`YYYY-MM-DD`), empty for a figure over the whole period. */
  readonly week: string;
  readonly value: number | string;
}

/** A weekly series as long-format rows (one per key and week), the shape the CSV export uses. */
export function seriesRows(section: string, s: WeeklySeries): FigureRow[] {
  const out: FigureRow[] = [];
  for (const [key, counts] of s.series) {
    counts.forEach((value, i) => {
      out.push({ section, key, week: s.weeks[i] ?? '', value });
    });
  }
  return out;
}
