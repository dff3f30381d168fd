/**
 * Well-being check-ins after an incident: how the employee feels and whether they want to talk.
 * Visible only to the employee and their own supervisor (scope in http/access.ts).
 */
import { visibleWellbeing } from '../http/access.ts';
import { newId, requireInOrg, toApi } from './common.ts';
import type { DomainContext } from './context.ts';

export async function createCheckIn(
  opts: DomainContext & {
    input: {
      mood: number;
      note?: string | undefined;
      wantsToTalk?: boolean | undefined;
      incidentId?: string | undefined;
    };
  },
) {
  const { input, actor } = opts;
  if (input.incidentId) await requireInOrg(opts.db, 'incidents', input.incidentId, actor.orgId, 'incident');
  const row = await opts.db
    .insertInto('wellbeing_checkins')
    .values({
      id: newId(),
      org_id: actor.orgId,
      user_id: actor.userId,
      incident_id: input.incidentId ?? null,
      mood: input.mood,
      note: input.note ?? null,
      wants_to_talk: input.wantsToTalk ?? false,
      created_at: opts.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApi(row);
}

export async function findCheckIns(opts: DomainContext & { limit: number }) {
  const rows = await opts.db
    .selectFrom('wellbeing_checkins')
    .selectAll()
    .where('org_id', '=', opts.actor.orgId)
    .where(visibleWellbeing(opts.actor))
    .orderBy('created_at', 'desc')
    .limit(opts.limit)
    .execute();
  return { items: rows.map(toApi), nextCursor: null };
}
