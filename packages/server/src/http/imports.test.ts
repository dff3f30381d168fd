import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { call, makeTestApp, seedOrg } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../cli/src/import/fixtures/${name}`, import.meta.url)), 'utf8');

describeStorage('imports API', (getDb) => {
  it('imports a Zendesk export once: posting it again stores nothing twice; agents may not import', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const body = { content: fixture('zendesk-comments.json') };
    const first = await call(app, org.supervisor, 'POST', '/imports', body);
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.format, 'zendesk');
    assert.deepEqual(first.body.stored, {
      messages: 3,
      alreadyStored: 0,
      incidents: first.body.stored.incidents,
    });
    assert.equal(first.body.totals.skipped, 2);
    const again = await call(app, org.supervisor, 'POST', '/imports', body);
    assert.equal(again.status, 201);
    assert.deepEqual([again.body.stored.messages, again.body.totals.messages], [0, 0]);
    const conversations = await call(app, org.supervisor, 'GET', '/conversations');
    assert.equal(conversations.body.items.length, 1);
    assert.equal(conversations.body.items[0].externalRef, 'zendesk:48213');
    const denied = await call(app, org.agent, 'POST', '/imports', body);
    assert.equal(denied.status, 403);
  });

  it('a CSV whose mapped column is missing is a 400 naming it', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const res = await call(app, org.admin, 'POST', '/imports', {
      content: fixture('tickets.csv'),
      columns: 'text=message_body',
    });
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /"message_body"/);
  });
});
