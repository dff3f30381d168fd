import assert from 'node:assert/strict';
import { it } from 'node:test';
import { call, makeTestApp, seedOrg, TEST_PASSWORD } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';

describeStorage('dashboard by team', (getDb) => {
  it('narrows incidents, escalations and commitments to a supervisor’s team, and refuses a non-supervisor', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const outsider = await call(app, org.admin, 'POST', '/users', {
      email: `outsider.${Date.now()}@org.test`,
      name: 'Hors équipe',
      role: 'agent',
      password: TEST_PASSWORD,
    });
    assert.equal(outsider.status, 201, outsider.text);
    const incident = (exposed: string) =>
      call(app, org.supervisor, 'POST', '/incidents', {
        kind: 'abuse.insult',
        severity: 3,
        summary: 'Insulte',
        exposedUserIds: [exposed],
      });
    assert.equal((await incident(org.agent.id)).status, 201);
    assert.equal((await incident(outsider.body.id)).status, 201);
    assert.equal((await incident(outsider.body.id)).status, 201);
    assert.equal(
      (await call(app, org.agent, 'POST', '/escalations', { reason: 'repeated_abuse' })).status,
      201,
    );
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    assert.equal(
      (await call(app, org.otherAgent, 'POST', '/commitments', { what: 'Rappeler', toWhom: 'M. Roy', dueAt }))
        .status,
      201,
    );

    const all = await call(app, org.supervisor, 'GET', '/dashboard?days=30');
    const mine = await call(
      app,
      org.supervisor,
      'GET',
      `/dashboard?days=30&supervisorId=${org.supervisor.id}`,
    );
    assert.equal(all.status, 200, all.text);
    assert.equal(mine.status, 200, mine.text);
    assert.equal(all.body.incidents.total, 3);
    assert.equal(mine.body.incidents.total, 1, 'only the incident of the supervisor’s own agent');
    assert.equal(mine.body.incidents.open, 1);
    assert.equal(mine.body.escalations.open, 1);
    assert.equal(mine.body.commitments.open, 1);
    assert.equal(mine.body.debriefs.due + mine.body.debriefs.overdue + mine.body.debriefs.completed, 1);

    const notALead = await call(app, org.supervisor, 'GET', `/dashboard?supervisorId=${org.agent.id}`);
    assert.equal(notALead.status, 404);
  });
});
