/**
 * A client's risk profile from their incident history — pure, so it is tested as data.
 * Weights follow severity (a threat weighs six times a mild incident); the trend compares the
 * last 30 days with the 30 before. The level tells staff how to prepare, never what to conclude.
 */
export interface IncidentFact {
  readonly kind: string;
  readonly severity: number;
  readonly createdAt: Date;
}

export type RiskLevel = 'none' | 'low' | 'medium' | 'high';
export type RiskTrend = 'none' | 'rising' | 'stable' | 'falling';

export interface RiskProfile {
  readonly level: RiskLevel;
  readonly score: number;
  readonly incidents: number;
  readonly byKind: Record<string, number>;
  readonly bySeverity: { '1': number; '2': number; '3': number };
  readonly last30Days: number;
  readonly previous30Days: number;
  readonly trend: RiskTrend;
  readonly lastIncidentAt: string | null;
}

const WEIGHT: Record<number, number> = { 1: 1, 2: 3, 3: 6 };
const DAY = 86_400_000;
/** Incidents older than this no longer weigh on the level (people change; records stay). */
const HORIZON_DAYS = 180;

export function computeRiskProfile(opts: { incidents: readonly IncidentFact[]; now: Date }): RiskProfile {
  const now = opts.now.getTime();
  const byKind: Record<string, number> = {};
  const bySeverity = { '1': 0, '2': 0, '3': 0 };
  let score = 0;
  let last30 = 0;
  let prev30 = 0;
  let last: number | undefined;
  for (const i of opts.incidents) {
    const at = i.createdAt.getTime();
    byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
    const sev = String(Math.min(3, Math.max(1, i.severity))) as '1' | '2' | '3';
    bySeverity[sev] += 1;
    const age = (now - at) / DAY;
    if (age <= HORIZON_DAYS) score += WEIGHT[Number(sev)] ?? 1;
    if (age <= 30) last30 += 1;
    else if (age <= 60) prev30 += 1;
    if (last === undefined || at > last) last = at;
  }
  const level: RiskLevel = score === 0 ? 'none' : score < 3 ? 'low' : score < 8 ? 'medium' : 'high';
  const trend: RiskTrend =
    last30 + prev30 === 0 ? 'none' : last30 > prev30 ? 'rising' : last30 < prev30 ? 'falling' : 'stable';
  return {
    level,
    score,
    incidents: opts.incidents.length,
    byKind,
    bySeverity,
    last30Days: last30,
    previous30Days: prev30,
    trend,
    lastIncidentAt: last === undefined ? null : new Date(last).toISOString(),
  };
}
