/**
 * Training sessions (issue #6): a finished simulator session is sent as its seed and the
 * trainee's replies; the server replays it with the core engine (same seed, same client, same
 * reading of each reply) and stores the outcome and the scores it computed itself, so a browser
 * cannot forge a score. Each user sees their own history; a supervisor also sees their reports';
 * an admin the whole organisation. The dashboard reads the organisation's summary.
 */
import {
  buildDebrief,
  type Lang,
  MAX_TURNS,
  type PersonaId,
  runScripted,
  SKILL_IDS,
  type TraineeReply,
} from '@sangfroid/core';
import { sql } from 'kysely';
import type { TrainingSessionsTable } from '../db/schema.ts';
import { forbidden, invalid } from '../errors.ts';
import { afterCursor, newId, type Page, requireInOrg, toPage } from './common.ts';
import type { DomainContext } from './context.ts';

export interface TrainingUpload {
  readonly persona: PersonaId;
  readonly lang: Lang;
  readonly scenario: number;
  readonly seed: number;
  readonly replies: readonly TraineeReply[];
}

type Row = TrainingSessionsTable;

const DAY = 86_400_000;

/** Monday of the week of `d`, as YYYY-MM-DD (UTC), like the dashboard's weeks. */
function weekOf(d: Date): string {
  const monday =
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

function toRecord(r: Row) {
  return {
    id: r.id,
    userId: r.user_id,
    persona: r.persona,
    lang: r.lang,
    scenario: r.scenario,
    seed: Number(r.seed),
    outcome: r.outcome,
    reason: r.reason,
    turns: r.turns,
    overall: r.overall,
    // jsonb keeps keys in its own order: give them back in the method's order.
    skills: Object.fromEntries(SKILL_IDS.map((k) => [k, (r.skills as Record<string, number>)[k] ?? 0])),
    createdAt: r.created_at.toISOString(),
  };
}

export async function recordTrainingSession(opts: DomainContext & { input: TrainingUpload }) {
  const { input, actor } = opts;
  if (input.replies.length > MAX_TURNS) throw invalid(`replies: at most ${MAX_TURNS}`);
  let state: ReturnType<typeof runScripted>;
  try {
    state = runScripted(
      { persona: input.persona, lang: input.lang, seed: input.seed, scenario: input.scenario },
      input.replies,
      {
        readReply: (text, lang) =>
          opts
            .analyzer(text, { role: 'agent', lang })
            .findings.map((f) => ({ id: f.id, evidence: f.evidence })),
      },
    );
  } catch (error) {
    if (error instanceof RangeError) throw invalid(error.message);
    throw error;
  }
  const debrief = buildDebrief(state);
  const skills = Object.fromEntries(debrief.skills.map((k) => [k.skill, k.score]));
  const row = await opts.db
    .insertInto('training_sessions')
    .values({
      id: newId(),
      org_id: actor.orgId,
      user_id: actor.userId,
      persona: input.persona,
      lang: input.lang,
      scenario: state.scenario,
      seed: String(state.seed),
      replies: JSON.stringify(input.replies.slice(0, state.moments.length)),
      outcome: state.outcome?.kind ?? 'abandoned',
      reason: debrief.outcome.reason,
      turns: state.moments.length,
      overall: debrief.overall,
      skills: JSON.stringify(skills),
      created_at: opts.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRecord(row);
}

/** Whose sessions the caller may read: the user ids, or null for the whole organisation. */
async function readableUsers(
  opts: DomainContext & { userId?: string | undefined; mine?: boolean | undefined },
) {
  const { actor } = opts;
  if (opts.mine) return [actor.userId];
  if (opts.userId) {
    await requireInOrg(opts.db, 'users', opts.userId, actor.orgId, 'user');
    if (opts.userId === actor.userId || actor.role === 'admin') return [opts.userId];
    if (actor.role === 'supervisor') {
      const report = await opts.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', opts.userId)
        .where('supervisor_id', '=', actor.userId)
        .executeTakeFirst();
      if (report) return [opts.userId];
    }
    throw forbidden('you may read your own training and your reports’');
  }
  if (actor.role === 'admin') return null;
  if (actor.role === 'agent') return [actor.userId];
  const reports = await opts.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('supervisor_id', '=', actor.userId)
    .execute();
  return [actor.userId, ...reports.map((r) => r.id)];
}

export async function findTrainingSessions(
  opts: DomainContext & { page: Page; mine?: boolean | undefined; userId?: string | undefined },
) {
  const users = await readableUsers(opts);
  let q = opts.db
    .selectFrom('training_sessions')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(afterCursor('training_sessions', opts.page.cursor));
  if (users) q = q.where('user_id', 'in', users);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.page.limit + 1)
    .execute();
  return toPage(rows, opts.page.limit, toRecord);
}

/** Progress over time: sessions and average scores per week, and the average of each skill. */
export async function findTrainingProgress(
  opts: DomainContext & { userId?: string | undefined; mine?: boolean | undefined },
) {
  const users = await readableUsers(opts);
  let q = opts.db
    .selectFrom('training_sessions')
    .select(['overall', 'skills', 'outcome', 'created_at'])
    .where('org_id', '=', opts.actor.orgId);
  if (users) q = q.where('user_id', 'in', users);
  const rows = await q.orderBy('created_at', 'asc').limit(5000).execute();
  const weeks = new Map<string, { sessions: number; total: number }>();
  const skillTotals = new Map<string, number>();
  for (const r of rows) {
    const w = weekOf(r.created_at);
    const cur = weeks.get(w) ?? { sessions: 0, total: 0 };
    weeks.set(w, { sessions: cur.sessions + 1, total: cur.total + r.overall });
    const skills = (r.skills ?? {}) as Record<string, number>;
    for (const k of SKILL_IDS) skillTotals.set(k, (skillTotals.get(k) ?? 0) + (skills[k] ?? 0));
  }
  const avg = (total: number, n: number) => (n === 0 ? null : Math.round(total / n));
  return {
    sessions: rows.length,
    perWeek: [...weeks].map(([weekStart, v]) => ({
      weekStart,
      sessions: v.sessions,
      averageScore: avg(v.total, v.sessions),
    })),
    skills: Object.fromEntries(SKILL_IDS.map((k) => [k, avg(skillTotals.get(k) ?? 0, rows.length)])),
  };
}

/** The dashboard's training block for the organisation since a date. */
export async function summarizeTraining(opts: DomainContext & { since: Date }) {
  const row = await opts.db
    .selectFrom('training_sessions')
    .select([
      sql<number>`count(*)::int`.as('sessions'),
      sql<number>`count(*) filter (where outcome <> 'abandoned')::int`.as('completed'),
      sql<number | null>`round(avg(overall))::int`.as('averageScore'),
      sql<number>`count(distinct user_id)::int`.as('users'),
    ])
    .where('org_id', '=', opts.actor.orgId)
    .where('created_at', '>=', opts.since)
    .executeTakeFirst();
  return {
    sessions: row?.sessions ?? 0,
    completed: row?.completed ?? 0,
    averageScore: row?.averageScore ?? null,
    users: row?.users ?? 0,
  };
}
