import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { DomainEvent } from '../alerts/event-bus.ts';
import { defaultConfig } from '../config.ts';
import { createApp } from '../http/app.ts';
import { silentLogger } from '../logger.ts';
import { call, seedOrg, TestClock } from '../testing/app.ts';
import { describeStorage } from '../testing/storage.ts';
import { notificationsIntegration } from './notify.ts';
import { verifySignature } from './signature.ts';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP receiver on loopback that fails its first `failures` requests with 503. */
async function webhookReceiver(failures = 0) {
  const received: Received[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      calls++;
      if (calls <= failures) {
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A real SMTP server (smtp-server) on loopback that keeps what it receives. */
async function smtpReceiver() {
  const mails: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return { mails, transport, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describeStorage('outbound notifications', (getDb) => {
  it('posts a signed JSON webhook and e-mails the supervisor when an agent escalates', async () => {
    const hook = await webhookReceiver();
    const smtp = await smtpReceiver();
    const clock = new TestClock();
    const db = getDb().db;
    const app = createApp(
      {
        db,
        config: defaultConfig(),
        logger: silentLogger,
        clock,
        integrations: [
          notificationsIntegration(db, {
            webhook: { url: hook.url, secret: 'hook-secret' },
            email: {
              transport: smtp.transport,
              from: 'sangfroid@example.org',
              appUrl: 'http://localhost:3000',
            },
            now: () => clock.now(),
          }),
        ],
      },
      { web: false },
    );
    try {
      const org = await seedOrg(app);
      const res = await call(app, org.agent, 'POST', '/escalations', {
        reason: 'repeated_abuse',
        supervisorId: org.supervisor.id,
      });
      assert.equal(res.status, 201, res.text);
      await waitFor(() => hook.received.length === 1 && smtp.mails.length === 1);

      const delivery = hook.received[0] as Received;
      const payload = JSON.parse(delivery.body);
      assert.equal(payload.event, 'escalation.created');
      assert.equal(payload.organisationId, org.orgId);
      assert.equal(payload.data.id, res.body.id);
      assert.equal(delivery.headers['x-sangfroid-event'], 'escalation.created');
      const check = verifySignature({
        secret: 'hook-secret',
        body: delivery.body,
        signature: delivery.headers['x-sangfroid-signature'] as string,
        timestamp: delivery.headers['x-sangfroid-timestamp'] as string,
        now: clock.now(),
      });
      assert.deepEqual(check, { ok: true });

      const mail = smtp.mails[0] as { to: string[]; data: string };
      assert.deepEqual(mail.to, [org.supervisor.email]);
      assert.match(mail.data, /A colleague is handing over to you: abuse repeated after a limit was set\./);
      assert.match(mail.data, /Content-Type: text\/plain/);

      await waitFor(() => false, 100).catch(() => undefined); // let the delivery log commit
      const log = await db
        .selectFrom('outbound_deliveries')
        .selectAll()
        .where('org_id', '=', org.orgId)
        .execute();
      assert.deepEqual(log.map((r) => `${r.channel}:${r.status}`).sort(), ['email:sent', 'webhook:sent']);
    } finally {
      await hook.close();
      await smtp.close();
    }
  });

  it('retries a failing webhook with back-off, then logs it sent with its attempt count', async () => {
    const hook = await webhookReceiver(2);
    const db = getDb().db;
    const delays: number[] = [];
    const clock = new TestClock();
    const app = createApp({ db, config: defaultConfig(), logger: silentLogger, clock }, { web: false });
    const org = await seedOrg(app);
    const integration = notificationsIntegration(db, {
      webhook: { url: hook.url, secret: 's' },
      retry: { attempts: 4, baseDelayMs: 100 },
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    const event: DomainEvent = {
      name: 'incident.created',
      orgId: org.orgId,
      data: { id: 'i1', kind: 'abuse.threat', severity: 3 },
    };
    try {
      await integration.onEvent?.(event, { deps: app.deps });
      assert.equal(hook.calls(), 3);
      assert.deepEqual(delays, [100, 200]);
      const log = await db
        .selectFrom('outbound_deliveries')
        .selectAll()
        .where('org_id', '=', org.orgId)
        .execute();
      assert.equal(log.length, 1);
      assert.equal(log[0]?.status, 'sent');
      assert.equal(log[0]?.attempts, 3);
    } finally {
      await hook.close();
    }
  });

  it('gives up after the last attempt and logs the failure with its error', async () => {
    const hook = await webhookReceiver(100);
    const db = getDb().db;
    const app = createApp(
      { db, config: defaultConfig(), logger: silentLogger, clock: new TestClock() },
      { web: false },
    );
    const org = await seedOrg(app);
    const integration = notificationsIntegration(db, {
      webhook: { url: hook.url, secret: 's' },
      retry: { attempts: 3, baseDelayMs: 1 },
      sleep: async () => {},
    });
    try {
      await integration.onEvent?.(
        { name: 'escalation.updated', orgId: org.orgId, data: { id: 'e1' } },
        { deps: app.deps },
      );
      const log = await db
        .selectFrom('outbound_deliveries')
        .selectAll()
        .where('org_id', '=', org.orgId)
        .execute();
      assert.equal(log[0]?.status, 'failed');
      assert.equal(log[0]?.attempts, 3);
      assert.match(log[0]?.last_error ?? '', /503/);
    } finally {
      await hook.close();
    }
  });
});
