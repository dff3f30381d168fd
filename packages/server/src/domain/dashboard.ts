/**
 * The manager's dashboard: counts and trends over a period — incidents by severity, kind and week,
 * median time to acknowledge an escalation, debriefs held on time, commitments kept.
 */
import { sql } from 'kysely';
import { notFound } from '../errors.ts';
import type { DomainContext } from './context.ts';
import { summarizeTraining } from './training.ts';

const DAY = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const ratio = (num: number, den: number): number | null =>
  den === 0 ? null : Math.round((num / den) * 1000) / 1000;

/** Monday 00:00 UTC of the week containing `d`. */
export function weekStart(d: Date): string {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
}

/** A supervisor and the people who report to them; throws not_found for anyone else. */
export async function findTeam(opts: DomainContext & { supervisorId: string }): Promise<string[]> {
  const rows = await opts.db
    .selectFrom('users')
    .select(['id', 'role', 'supervisor_id'])
    .where('org_id', '=', opts.actor.orgId)
    .where((eb) => eb.or([eb('id', '=', opts.supervisorId), eb('supervisor_id', '=', opts.supervisorId)]))
    .execute();
  const lead = rows.find((r) => r.id === opts.supervisorId);
  if (!lead || lead.role === 'agent') throw notFound('supervisor');
  return rows.map((r) => r.id);
}

/**
 * `team` (user ids, from findTeam) narrows every people-related figure to that team: incidents and
 * debriefs by who was exposed, escalations by who raised them, commitments by who made them,
 * messages by the conversation's assignee. Restrictions concern clients and stay organisation-wide.
 */
export async function findDashboard(
  opts: DomainContext & { days: number; team?: readonly string[] | undefined },
) {
  const org = opts.actor.orgId;
  const team = opts.team && opts.team.length > 0 ? [...opts.team] : undefined;
  const exposedIncidents = team
    ? opts.db.selectFrom('incident_exposed').select('incident_id').where('user_id', 'in', team)
    : undefined;
  const now = opts.now;
  const since = new Date(now.getTime() - opts.days * DAY);

  const previous = await opts.db
    .selectFrom('incidents')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', org)
    .$if(exposedIncidents !== undefined, (q) => q.where('id', 'in', exposedIncidents as never))
    .where('created_at', '>=', new Date(since.getTime() - opts.days * DAY))
    .where('created_at', '<', since)
    .executeTakeFirst();
  const today = now.toISOString().slice(0, 10);
  const restrictions = await opts.db
    .selectFrom('restrictions')
    .select([
      sql<number>`count(*)::int`.as('active'),
      sql<number>`count(*) filter (where review_on <= ${today})::int`.as('reviewDue'),
    ])
    .where('org_id', '=', org)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  const incidents = await opts.db
    .selectFrom('incidents')
    .select(['kind', 'severity', 'status', 'created_at'])
    .where('org_id', '=', org)
    .$if(exposedIncidents !== undefined, (q) => q.where('id', 'in', exposedIncidents as never))
    .where('created_at', '>=', since)
    .execute();
  const open = await opts.db
    .selectFrom('incidents')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', org)
    .$if(exposedIncidents !== undefined, (q) => q.where('id', 'in', exposedIncidents as never))
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  const bySeverity = { '1': 0, '2': 0, '3': 0 } as Record<string, number>;
  const byKind: Record<string, number> = {};
  const perWeekMap = new Map<string, number>();
  for (
    let t = weekStart(since);
    t <= weekStart(now);
    t = new Date(Date.parse(t) + 7 * DAY).toISOString().slice(0, 10)
  )
    perWeekMap.set(t, 0);
  for (const i of incidents) {
    bySeverity[String(i.severity)] = (bySeverity[String(i.severity)] ?? 0) + 1;
    byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;
    const w = weekStart(i.created_at);
    perWeekMap.set(w, (perWeekMap.get(w) ?? 0) + 1);
  }

  const escalations = await opts.db
    .selectFrom('escalations')
    .select(['status', 'created_at', 'acknowledged_at'])
    .where('org_id', '=', org)
    .$if(team !== undefined, (q) => q.where('raised_by', 'in', team as string[]))
    .where('created_at', '>=', since)
    .execute();
  const openEscalations = await opts.db
    .selectFrom('escalations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', org)
    .$if(team !== undefined, (q) => q.where('raised_by', 'in', team as string[]))
    .where('status', '!=', 'resolved')
    .executeTakeFirst();
  const ackMinutes = escalations
    .filter((e) => e.acknowledged_at)
    .map((e) => ((e.acknowledged_at as Date).getTime() - e.created_at.getTime()) / 60_000);

  const debriefs = await opts.db
    .selectFrom('debriefs')
    .select(['due_at', 'completed_at'])
    .where('org_id', '=', org)
    .$if(exposedIncidents !== undefined, (q) => q.where('incident_id', 'in', exposedIncidents as never))
    .where('created_at', '>=', since)
    .execute();
  const overdue = await opts.db
    .selectFrom('debriefs')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', org)
    .$if(exposedIncidents !== undefined, (q) => q.where('incident_id', 'in', exposedIncidents as never))
    .where('completed_at', 'is', null)
    .where('due_at', '<', now)
    .executeTakeFirst();
  const completed = debriefs.filter((d) => d.completed_at);
  const onTime = completed.filter((d) => (d.completed_at as Date) <= d.due_at).length;
  // a debrief counts against the rate once it is done, or once its deadline has passed undone
  const judged = completed.length + debriefs.filter((d) => !d.completed_at && d.due_at < now).length;

  const commitments = await opts.db
    .selectFrom('commitments')
    .select(['status', 'due_at'])
    .where('org_id', '=', org)
    .$if(team !== undefined, (q) => q.where('made_by', 'in', team as string[]))
    .where('created_at', '>=', since)
    .execute();
  const count = (s: string) => commitments.filter((c) => c.status === s).length;
  const openCommitments = commitments.filter((c) => c.status === 'open');

  const msgs = await opts.db
    .selectFrom('messages')
    .select([
      sql<number>`count(*)::int`.as('analysed'),
      sql<number>`count(*) filter (where has_abuse)::int`.as('withAbuse'),
    ])
    .where('org_id', '=', org)
    .$if(team !== undefined, (q) =>
      q.where(
        'conversation_id',
        'in',
        opts.db
          .selectFrom('conversations')
          .select('id')
          .where('assigned_user_id', 'in', team as string[]),
      ),
    )
    .where('created_at', '>=', since)
    .executeTakeFirst();

  return {
    periodDays: opts.days,
    generatedAt: now.toISOString(),
    incidents: {
      open: open?.n ?? 0,
      total: incidents.length,
      previousPeriodTotal: previous?.n ?? 0,
      bySeverity,
      byKind,
      perWeek: [...perWeekMap].map(([weekStart, count]) => ({ weekStart, count })),
    },
    escalations: {
      total: escalations.length,
      open: openEscalations?.n ?? 0,
      medianMinutesToAcknowledge: median(ackMinutes),
    },
    debriefs: {
      due: debriefs.filter((d) => !d.completed_at).length,
      overdue: overdue?.n ?? 0,
      completed: completed.length,
      onTime,
      onTimeRate: ratio(onTime, judged),
    },
    commitments: {
      open: openCommitments.length,
      overdue: openCommitments.filter((c) => c.due_at < now).length,
      kept: count('kept'),
      broken: count('broken'),
      keptRate: ratio(
        count('kept'),
        count('kept') + count('broken') + openCommitments.filter((c) => c.due_at < now).length,
      ),
    },
    messages: { analysed: msgs?.analysed ?? 0, withAbuse: msgs?.withAbuse ?? 0 },
    restrictions: { active: restrictions?.active ?? 0, reviewDue: restrictions?.reviewDue ?? 0 },
    training: await summarizeTraining({ ...opts, since }),
  };
}
