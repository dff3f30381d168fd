import assert from 'node:assert/strict';
import { it } from 'node:test';
import { verifyAuditChain } from '../domain/audit.ts';
import { call, makeTestApp, seedOrg } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';

describeStorage('team memory flows', (getDb) => {
  it('analyses an abusive inbound message, opens an incident with exact evidence and a debrief due in 48 h', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const client = await call(app, org.agent, 'POST', '/clients', { name: 'Jean Dupont', company: 'ACME' });
    assert.equal(client.status, 201, client.text);
    const conv = await call(app, org.agent, 'POST', '/conversations', {
      channel: 'email',
      clientId: client.body.id,
      subject: 'Retard',
    });
    assert.equal(conv.status, 201, conv.text);
    const text = 'Bande d’incapables, vous êtes des escrocs !';
    const msg = await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text,
    });
    assert.equal(msg.status, 201, msg.text);
    const findings = msg.body.message.analysis.findings as {
      id: string;
      start: number;
      end: number;
      evidence: string;
    }[];
    const abuse = findings.filter((f) => f.id.startsWith('abuse.'));
    assert.ok(abuse.length > 0, `expected abuse findings, got ${JSON.stringify(findings.map((f) => f.id))}`);
    assert.ok(msg.body.incident, 'an incident is opened');
    assert.equal(msg.body.incident.source, 'auto');
    assert.equal(msg.body.incident.clientId, client.body.id);
    const incident = await call(app, org.supervisor, 'GET', `/incidents/${msg.body.incident.id}`);
    assert.equal(incident.status, 200, incident.text);
    for (const e of incident.body.evidence) assert.equal(e.quote, text.slice(e.start, e.end));
    assert.deepEqual(
      incident.body.exposed.map((u: { id: string }) => u.id),
      [org.agent.id],
    );
    assert.equal(
      Date.parse(incident.body.debrief.dueAt) - Date.parse(incident.body.createdAt),
      48 * 3600_000,
    );
    assert.equal(typeof msg.body.recommendation?.action, 'string');
    const risk = await call(app, org.agent, 'GET', `/clients/${client.body.id}`);
    assert.equal(risk.body.risk.incidents, 1);
    assert.notEqual(risk.body.risk.level, 'none');
  });

  it("shows a client's active restrictions on their conversations and flags those due for review", async () => {
    const { app, clock } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const client = await call(app, org.agent, 'POST', '/clients', { name: 'M. Restreint' });
    const tomorrow = new Date(clock.now().getTime() + 86_400_000).toISOString().slice(0, 10);
    assert.equal(
      (
        await call(app, org.agent, 'POST', `/clients/${client.body.id}/restrictions`, {
          kind: 'written_contact_only',
          reason: 'r',
          reviewOn: tomorrow,
        })
      ).status,
      403,
    );
    assert.equal(
      (
        await call(app, org.supervisor, 'POST', `/clients/${client.body.id}/restrictions`, {
          kind: 'written_contact_only',
          reason: 'insultes répétées au téléphone',
          reviewOn: '2000-01-01',
        })
      ).status,
      400,
      'no review date in the past',
    );
    const r = await call(app, org.supervisor, 'POST', `/clients/${client.body.id}/restrictions`, {
      kind: 'written_contact_only',
      reason: 'insultes répétées au téléphone',
      reviewOn: tomorrow,
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.authorId, org.supervisor.id);
    const conv = await call(app, org.agent, 'POST', '/conversations', {
      channel: 'phone',
      clientId: client.body.id,
    });
    const seen = await call(app, org.agent, 'GET', `/conversations/${conv.body.id}`);
    assert.deepEqual(
      seen.body.restrictions.map((x: { kind: string; isReviewDue: boolean }) => [x.kind, x.isReviewDue]),
      [['written_contact_only', false]],
    );
    clock.advance(2 * 86_400_000);
    const later = await call(app, org.agent, 'GET', `/conversations/${conv.body.id}`);
    assert.equal(later.body.restrictions[0].isReviewDue, true);
    assert.equal((await call(app, org.supervisor, 'GET', '/dashboard')).body.restrictions.reviewDue, 1);
    const lifted = await call(app, org.supervisor, 'POST', `/restrictions/${r.body.id}/lift`, {
      reason: 'revu avec le client',
    });
    assert.equal(lifted.body.liftReason, 'revu avec le client');
    assert.deepEqual(
      (await call(app, org.agent, 'GET', `/conversations/${conv.body.id}`)).body.restrictions,
      [],
    );
    const audit = await call(app, org.admin, 'GET', `/audit?entityId=${r.body.id}`);
    assert.deepEqual(
      audit.body.items.map((a: { action: string }) => a.action),
      ['lifted', 'created'],
    );
  });

  it('keeps recommendations true when another instance writes to the same conversation (history cache)', async () => {
    const database = getDb();
    const { app: one } = makeTestApp(database);
    const { app: two } = makeTestApp(database);
    const org = await seedOrg(one);
    const conv = await call(one, org.agent, 'POST', '/conversations', { channel: 'chat' });
    const path = `/conversations/${conv.body.id}/messages`;
    await call(one, org.agent, 'POST', path, {
      direction: 'inbound',
      text: 'Bonjour, ma commande 1234 n’est jamais arrivée.',
    });
    await call(one, org.agent, 'POST', path, {
      direction: 'outbound',
      text: 'Je suis désolée, je regarde tout de suite.',
    });
    // written by the other instance: the first one's cache must not miss it
    await call(two, org.agent, 'POST', path, {
      direction: 'inbound',
      text: 'Vous êtes des incapables, c’est la troisième fois !',
    });
    const last = await call(one, org.agent, 'POST', path, {
      direction: 'inbound',
      text: 'Alors, vous répondez ?',
    });
    assert.equal(last.body.message.seq, 4);
    const fromDatabase = await call(two, org.agent, 'POST', '/assist', { conversationId: conv.body.id });
    assert.deepEqual(last.body.recommendation, fromDatabase.body.recommendation);
    const stored = await call(one, org.agent, 'GET', `/conversations/${conv.body.id}`);
    assert.deepEqual(stored.body.recommendation, last.body.recommendation);
    assert.deepEqual(
      stored.body.messages.map((m: { seq: number }) => m.seq),
      [1, 2, 3, 4],
    );
  });

  it('keeps an erasure made through another instance out of the turns this one cached (history version)', async () => {
    const database = getDb();
    const { app: one } = makeTestApp(database);
    const { app: two } = makeTestApp(database);
    const org = await seedOrg(one);
    const client = await call(one, org.agent, 'POST', '/clients', { name: 'Paul Martin' });
    const conv = await call(one, org.agent, 'POST', '/conversations', {
      channel: 'chat',
      clientId: client.body.id,
    });
    const path = `/conversations/${conv.body.id}/messages`;
    const first = await call(one, org.agent, 'POST', path, {
      direction: 'inbound',
      text: 'Je vais contacter mon avocat et laisser un avis sur Google si rien ne bouge.',
    });
    assert.match(JSON.stringify(first.body.recommendation), /avocat/, 'the recommendation quotes the client');
    const erased = await call(two, org.admin, 'POST', `/clients/${client.body.id}/erase`, {
      reason: 'request',
    });
    assert.equal(erased.status, 200, erased.text);
    // instance one still holds the original text in its cache: it must not write from it (a
    // client's run of messages is read as one turn, so this recommendation would quote it)
    const last = await call(one, org.agent, 'POST', path, { direction: 'inbound', text: 'Alors ?' });
    assert.equal(last.status, 201, last.text);
    assert.doesNotMatch(JSON.stringify(last.body.recommendation), /avocat|Google/);
    const fromDatabase = await call(two, org.agent, 'POST', '/assist', { conversationId: conv.body.id });
    assert.deepEqual(last.body.recommendation, fromDatabase.body.recommendation);
    const stored = await call(two, org.agent, 'GET', `/conversations/${conv.body.id}`);
    assert.equal(stored.body.historyVersion, undefined, 'the version is internal');
    assert.deepEqual(
      stored.body.messages.map((m: { seq: number }) => m.seq),
      [1, 2],
    );
  });

  it('does not open an incident for a calm message', async () => {
    const { app } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const conv = await call(app, org.agent, 'POST', '/conversations', { channel: 'chat' });
    const msg = await call(app, org.agent, 'POST', `/conversations/${conv.body.id}/messages`, {
      direction: 'inbound',
      text: 'Bonjour, pourriez-vous me dire où en est ma commande ? Merci.',
    });
    assert.equal(msg.status, 201);
    assert.equal(msg.body.incident, null);
    assert.equal(msg.body.message.seq, 1);
  });

  it('walks an escalation through acknowledge, take-over and resolve, audited and hash-chained', async () => {
    const { app, clock } = makeTestApp(getDb());
    const org = await seedOrg(app);
    const esc = await call(app, org.agent, 'POST', '/escalations', { reason: 'client keeps insulting me' });
    assert.equal(esc.status, 201, esc.text);
    assert.equal(esc.body.supervisorId, org.supervisor.id, 'defaults to the agent’s supervisor');
    assert.equal(
      (await call(app, org.agent, 'POST', `/escalations/${esc.body.id}/acknowledge`, {})).status,
      403,
    );
    clock.advance(4 * 60_000);
    const ack = await call(app, org.supervisor, 'POST', `/escalations/${esc.body.id}/acknowledge`, {});
    assert.equal(ack.body.status, 'acknowledged');
    assert.equal(
      (await call(app, org.supervisor, 'POST', `/escalations/${esc.body.id}/acknowledge`, {})).status,
      409,
    );
    await call(app, org.supervisor, 'POST', `/escalations/${esc.body.id}/take-over`, {});
    const done = await call(app, org.supervisor, 'POST', `/escalations/${esc.body.id}/resolve`, {
      supportNote: 'Tu as bien fait de passer la main.',
    });
    assert.equal(done.body.status, 'resolved');
    assert.equal(done.body.supportNote, 'Tu as bien fait de passer la main.');
    const dash = await call(app, org.supervisor, 'GET', '/dashboard');
    assert.equal(dash.body.escalations.medianMinutesToAcknowledge, 4);
    const audit = await call(app, org.admin, 'GET', '/audit');
    assert.deepEqual(
      audit.body.items.map((a: { action: string }) => a.action),
      ['resolve', 'take_over', 'acknowledge', 'raised'],
    );
    const verify = await call(app, org.admin, 'GET', '/audit/verify');
    assert.equal(verify.body.ok, true);
    assert.equal(verify.body.entries, 4);
  });

  it('keeps one unbroken audit chain when two instances write incidents and escalations at once', async () => {
    const database = getDb();
    const { app: one } = makeTestApp(database);
    const { app: two } = makeTestApp(database);
    const org = await seedOrg(one);
    const conversations = await Promise.all(
      [0, 1, 2, 3].map(
        async () => (await call(one, org.agent, 'POST', '/conversations', { channel: 'chat' })).body.id,
      ),
    );
    // each abusive message opens an incident (one entry), the second in a conversation also an
    // escalation (a second entry in the same transaction); manual escalations interleave
    const writes = conversations.flatMap((id, i) => [
      call(i % 2 ? one : two, org.agent, 'POST', `/conversations/${id}/messages`, {
        direction: 'inbound',
        text: `Bande d’incapables ${i} 😡 !`,
      }),
      call(i % 2 ? two : one, org.agent, 'POST', '/escalations', {
        reason: `à l’aide ${i} — « ${'é'.repeat(i)} »`,
      }),
    ]);
    for (const res of await Promise.all(writes)) assert.equal(res.status, 201, res.text);
    const seconds = await Promise.all(
      conversations.map((id, i) =>
        call(i % 2 ? two : one, org.agent, 'POST', `/conversations/${id}/messages`, {
          direction: 'inbound',
          text: 'Toujours des incapables.',
        }),
      ),
    );
    for (const res of seconds) assert.ok(res.body.escalation, 'repeated abuse escalates');
    const result = await verifyAuditChain({ db: database.db, orgId: org.orgId });
    assert.deepEqual(result, { ok: true, entries: 4 + 4 + 2 * 4, organisations: 1, brokenAt: null });
  });

  it('detects a tampered audit entry', async () => {
    const database = getDb();
    const { app } = makeTestApp(database);
    const org = await seedOrg(app);
    await call(app, org.agent, 'POST', '/escalations', { reason: 'r1' });
    await call(app, org.agent, 'POST', '/escalations', { reason: 'r2' });
    // bypass the append-only trigger as a database owner could, then change history
    await database.db.transaction().execute(async (trx) => {
      const { sql } = await import('kysely');
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx);
      await sql`update audit_log set data = jsonb_set(data, '{reason}', '"edited"') where org_id = ${org.orgId} and data->>'reason' = 'r1'`.execute(
        trx,
      );
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(trx);
    });
    const result = await verifyAuditChain({ db: database.db, orgId: org.orgId });
    assert.equal(result.ok, false);
    assert.match(result.brokenAt?.reason ?? '', /altered/);
  });

  it('flags overdue debriefs and commitments and counts what was kept on time', async () => {
    const { app, clock } = makeTestApp(getDb(), { config: { debriefDueHours: 24 } });
    const org = await seedOrg(app);
    const inc = await call(app, org.agent, 'POST', '/incidents', {
      kind: 'abuse.insult',
      severity: 2,
      summary: 'insulted on the phone',
    });
    assert.equal(inc.status, 201, inc.text);
    const inc2 = await call(app, org.agent, 'POST', '/incidents', {
      kind: 'abuse.threat',
      severity: 3,
      summary: 'threat',
    });
    const due = new Date(clock.now().getTime() + 3600_000).toISOString();
    const c1 = await call(app, org.agent, 'POST', '/commitments', {
      what: 'call back with the refund date',
      toWhom: 'M. Martin',
      dueAt: due,
    });
    await call(app, org.agent, 'POST', '/commitments', {
      what: 'send the invoice',
      toWhom: 'Mme Durand',
      dueAt: due,
    });
    clock.advance(2 * 3600_000);
    const overdueC = await call(app, org.agent, 'GET', '/commitments?overdue=true');
    assert.equal(overdueC.body.items.length, 2);
    assert.ok(overdueC.body.items.every((c: { isOverdue: boolean }) => c.isOverdue));
    assert.equal(
      (await call(app, org.otherAgent, 'PATCH', `/commitments/${c1.body.id}`, { status: 'kept' })).status,
      404,
      'not theirs',
    );
    assert.equal(
      (await call(app, org.agent, 'PATCH', `/commitments/${c1.body.id}`, { status: 'kept' })).body.status,
      'kept',
    );
    const debriefs = await call(app, org.supervisor, 'GET', '/debriefs');
    const d1 = debriefs.body.items.find((d: { incidentId: string }) => d.incidentId === inc.body.id);
    await call(app, org.supervisor, 'PATCH', `/debriefs/${d1.id}`, {
      whatHappened: 'x',
      wentWell: 'y',
      doDifferently: 'z',
      strategy: 'w',
      complete: true,
    });
    clock.advance(24 * 3600_000);
    const overdue = await call(app, org.supervisor, 'GET', '/debriefs?overdue=true');
    assert.deepEqual(
      overdue.body.items.map((d: { incidentId: string }) => d.incidentId),
      [inc2.body.id],
    );
    const dash = await call(app, org.supervisor, 'GET', '/dashboard');
    assert.equal(dash.body.debriefs.overdue, 1);
    assert.equal(dash.body.debriefs.onTimeRate, 0.5);
    assert.equal(dash.body.commitments.kept, 1);
    assert.equal(dash.body.commitments.overdue, 1);
    assert.equal(dash.body.commitments.keptRate, 0.5);
    assert.equal(dash.body.incidents.total, 2);
    assert.equal(dash.body.incidents.previousPeriodTotal, 0);
    assert.deepEqual(dash.body.incidents.bySeverity, { '1': 0, '2': 1, '3': 1 });
  });
});
