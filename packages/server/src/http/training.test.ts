import assert from 'node:assert/strict';
import { it } from 'node:test';
import { call, makeTestApp, seedOrg } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';

const BOUNDARY_THEN_HANDOVER = [
  "I understand how annoying it is to wait this long, and I want to help. But I can't accept insults: let's keep this respectful, please.",
  "I asked you to keep this respectful and the insults continue, so I'm ending this conversation here.",
];

describeStorage('training sessions', (getDb) => {
  it('replays an uploaded session from its seed and stores the scores it computed itself', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const upload = {
      persona: 'rude',
      lang: 'en',
      scenario: 1,
      seed: 42,
      replies: [{ text: BOUNDARY_THEN_HANDOVER[0] }, { text: BOUNDARY_THEN_HANDOVER[1], escalate: true }],
    };
    const saved = await call(app, org.agent, 'POST', '/training/sessions', upload);
    assert.equal(saved.status, 201, saved.text);
    assert.equal(saved.body.outcome, 'escalated');
    assert.equal(saved.body.reason, 'abuse_persisted');
    assert.equal(saved.body.turns, 2);
    assert.equal(saved.body.seed, 42);
    assert.deepEqual(Object.keys(saved.body.skills), [
      'listening',
      'empathy',
      'reformulation',
      'facts',
      'solutions',
      'boundaries',
      'honesty',
    ]);
    const again = await call(app, org.agent, 'POST', '/training/sessions', upload);
    assert.equal(again.body.overall, saved.body.overall, 'same seed and replies, same score');
    const abandoned = await call(app, org.otherAgent, 'POST', '/training/sessions', {
      persona: 'power',
      lang: 'fr',
      scenario: 0,
      seed: 7,
      replies: [],
    });
    assert.equal(abandoned.status, 201, abandoned.text);
    assert.equal(abandoned.body.outcome, 'abandoned');
    assert.equal(abandoned.body.overall < 50, true);
  });

  it('rejects what the simulator cannot replay', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const bad = (body: unknown) => call(app, org.agent, 'POST', '/training/sessions', body);
    assert.equal(
      (await bad({ persona: 'nobody', lang: 'fr', scenario: 0, seed: 1, replies: [] })).status,
      400,
    );
    assert.equal((await bad({ persona: 'rude', lang: 'fr', scenario: 9, seed: 1, replies: [] })).status, 400);
    const tooMany = Array.from({ length: 13 }, () => ({ text: 'ok' }));
    assert.equal(
      (await bad({ persona: 'rude', lang: 'fr', scenario: 0, seed: 1, replies: tooMany })).status,
      400,
    );
  });

  it('history is scoped: agents see their own, supervisors their reports, the dashboard the org', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const post = (user: typeof org.agent, seed: number) =>
      call(app, user, 'POST', '/training/sessions', {
        persona: 'anxious-deadline',
        lang: 'fr',
        scenario: 0,
        seed,
        replies: [{ text: 'Je comprends votre inquiétude.' }],
      });
    await post(org.agent, 1);
    await post(org.agent, 2);
    await post(org.otherAgent, 3);
    const mine = await call(app, org.agent, 'GET', '/training/sessions');
    assert.equal(mine.status, 200, mine.text);
    assert.deepEqual(
      new Set(mine.body.items.map((s: { userId: string }) => s.userId)),
      new Set([org.agent.id]),
    );
    assert.equal(mine.body.items.length, 2);
    const team = await call(app, org.supervisor, 'GET', '/training/sessions');
    assert.equal(team.body.items.length, 3);
    const one = await call(app, org.supervisor, 'GET', `/training/sessions?userId=${org.otherAgent.id}`);
    assert.equal(one.body.items.length, 1);
    const denied = await call(app, org.agent, 'GET', `/training/sessions?userId=${org.otherAgent.id}`);
    assert.equal(denied.status, 403);
    const progress = await call(app, org.agent, 'GET', '/training/progress?mine=true');
    assert.equal(progress.status, 200, progress.text);
    assert.equal(progress.body.sessions, 2);
    assert.equal(progress.body.perWeek.length, 1);
    assert.equal(typeof progress.body.skills.empathy, 'number');
    const dash = await call(app, org.supervisor, 'GET', '/dashboard');
    assert.equal(dash.status, 200, dash.text);
    assert.equal(dash.body.training.sessions, 3);
    assert.equal(dash.body.training.users, 2);
    assert.equal(dash.body.training.completed, 0);
    assert.equal(typeof dash.body.training.averageScore, 'number');
    const other = await seedOrg(app, 'Other');
    const foreign = await call(app, other.admin, 'GET', '/training/sessions');
    assert.equal(foreign.body.items.length, 0);
    const foreignUser = await call(app, other.admin, 'GET', `/training/sessions?userId=${org.agent.id}`);
    assert.equal(foreignUser.status, 404);
  });
});
