import assert from 'node:assert/strict';
import { it } from 'node:test';
import { call, makeTestApp, seedOrg } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';

describeStorage('debrief scheduling', (getDb) => {
  it('lets a supervisor plan the debrief, change the plan and clear it; a bad date is refused', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const incident = await call(app, org.agent, 'POST', '/incidents', {
      kind: 'abuse.insult',
      severity: 3,
      summary: 'Insulte au téléphone',
      exposedUserIds: [org.agent.id],
    });
    assert.equal(incident.status, 201, incident.text);
    const file = await call(app, org.supervisor, 'GET', `/incidents/${incident.body.id}`);
    const debriefId = file.body.debrief.id as string;
    assert.equal(file.body.debrief.scheduledAt, null);

    const planned = await call(app, org.supervisor, 'PATCH', `/debriefs/${debriefId}`, {
      scheduledAt: '2026-12-02T09:30:00+01:00',
    });
    assert.equal(planned.status, 200, planned.text);
    assert.equal(new Date(planned.body.scheduledAt).toISOString(), '2026-12-02T08:30:00.000Z');
    assert.equal(planned.body.completedAt, null, 'planning does not complete the debrief');

    const read = await call(app, org.supervisor, 'GET', `/debriefs/${debriefId}`);
    assert.equal(new Date(read.body.scheduledAt).toISOString(), '2026-12-02T08:30:00.000Z');

    const bad = await call(app, org.supervisor, 'PATCH', `/debriefs/${debriefId}`, {
      scheduledAt: 'demain matin',
    });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /scheduledAt/);

    const agent = await call(app, org.agent, 'PATCH', `/debriefs/${debriefId}`, { scheduledAt: null });
    assert.equal(agent.status, 403, 'only supervisors and admins write debriefs');

    const cleared = await call(app, org.supervisor, 'PATCH', `/debriefs/${debriefId}`, { scheduledAt: null });
    assert.equal(cleared.status, 200);
    assert.equal(cleared.body.scheduledAt, null);
  });
});
