/**
 * Outbound notifications: when an escalation is raised or changes, or an incident opens, tell the
 * people who must act — a signed JSON webhook (Slack-style relays, a ticketing tool) and/or an
 * e-mail over SMTP to the supervisor in charge (or every supervisor and admin of the team).
 * The method: the supervisor backs the employee at once, so the alert must not wait for a page
 * reload. Each delivery is retried with exponential back-off and logged in `outbound_deliveries`;
 * with a job queue configured (`enqueue`), deliveries go through it instead, with its retries.
 */
import { randomUUID } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { DomainEvent } from '../alerts/event-bus.ts';
import type { Db } from '../db/schema.ts';
import { newId } from '../domain/common.ts';
import { signPayload } from './signature.ts';
import type { Integration } from './types.ts';

export interface NotificationJob {
  readonly channel: 'webhook' | 'email';
  readonly event: DomainEvent;
  /** Unique per job: receivers de-duplicate on it (header X-Sangfroid-Delivery). */
  readonly deliveryId: string;
}

export interface NotificationOptions {
  readonly webhook?: { readonly url: string; readonly secret: string } | undefined;
  readonly email?:
    | { readonly transport: Transporter; readonly from: string; readonly appUrl?: string }
    | undefined;
  readonly retry?: { readonly attempts: number; readonly baseDelayMs: number };
  /** Hands a job to a queue (pg-boss) instead of delivering in-process. */
  readonly enqueue?: (job: NotificationJob) => Promise<void>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
}

const NOTIFIED: ReadonlySet<DomainEvent['name']> = new Set([
  'escalation.created',
  'escalation.updated',
  'incident.created',
]);

/** E-mail only what asks a supervisor to act: a new escalation, or an incident of severity 3. */
function wantsEmail(event: DomainEvent): boolean {
  if (event.name === 'escalation.created') return true;
  return event.name === 'incident.created' && Number(event.data.severity) >= 3;
}

const REASONS: Record<string, { fr: string; en: string }> = {
  threat: { fr: 'menace envers un membre de l’équipe', en: 'threat against a team member' },
  repeated_abuse: {
    fr: 'propos abusifs répétés après une limite',
    en: 'abuse repeated after a limit was set',
  },
};

/** Plain-text, bilingual message: client words stay text, never HTML. */
export function composeEmail(event: DomainEvent, appUrl?: string): { subject: string; text: string } {
  const d = event.data;
  const link = appUrl ? `${appUrl.replace(/\/$/, '')}/#/inbox` : undefined;
  if (event.name === 'escalation.created') {
    const reason = REASONS[String(d.reason)] ?? { fr: String(d.reason), en: String(d.reason) };
    return {
      subject: `[sangfroid] Escalade à prendre en charge / Escalation to take over`,
      text: [
        `Un collègue vous passe la main : ${reason.fr}.`,
        'Soutenez-le face au client, accusez réception dans sangfroid, puis prévoyez le débriefing.',
        link ? `Boîte de réception : ${link}` : '',
        '',
        `A colleague is handing over to you: ${reason.en}.`,
        'Back them in front of the client, acknowledge it in sangfroid, then plan the debrief.',
        link ? `Inbox: ${link}` : '',
      ]
        .filter((l, i, all) => l !== '' || all[i - 1] !== '')
        .join('\n'),
    };
  }
  return {
    subject: `[sangfroid] Incident grave signalé / Serious incident reported`,
    text: [
      `Incident (${String(d.kind)}, gravité ${String(d.severity)}) : ${String(d.summary ?? '')}`,
      'Vérifiez que la personne exposée va bien et planifiez le débriefing.',
      link ? `Boîte de réception : ${link}` : '',
      '',
      `Incident (${String(d.kind)}, severity ${String(d.severity)}): ${String(d.summary ?? '')}`,
      'Check that the person exposed is all right and plan the debrief.',
      link ? `Inbox: ${link}` : '',
    ].join('\n'),
  };
}

async function recipients(db: Db, event: DomainEvent): Promise<string[]> {
  const supervisorId = typeof event.data.supervisorId === 'string' ? event.data.supervisorId : undefined;
  let query = db
    .selectFrom('users')
    .select('email')
    .where('org_id', '=', event.orgId)
    .where('active', '=', true);
  query = supervisorId
    ? query.where('id', '=', supervisorId)
    : query.where('role', 'in', ['supervisor', 'admin']);
  return (await query.execute()).map((r) => r.email);
}

export function createNotifier(db: Db, options: NotificationOptions) {
  const attempts = options.retry?.attempts ?? 4;
  const baseDelayMs = options.retry?.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => new Date());

  /** One attempt; throws on failure (the queue or the retry loop tries again). */
  async function deliverOnce(job: NotificationJob): Promise<string> {
    if (job.channel === 'webhook') {
      if (!options.webhook) throw new Error('no webhook configured');
      const body = JSON.stringify({
        event: job.event.name,
        organisationId: job.event.orgId,
        occurredAt: now().toISOString(),
        data: job.event.data,
      });
      const ts = String(Math.floor(now().getTime() / 1000));
      const res = await fetch(options.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'sangfroid-notifier',
          'x-sangfroid-event': job.event.name,
          'x-sangfroid-delivery': job.deliveryId,
          'x-sangfroid-timestamp': ts,
          'x-sangfroid-signature': signPayload(options.webhook.secret, ts, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
      return options.webhook.url;
    }
    if (!options.email) throw new Error('no SMTP configured');
    const to = await recipients(db, job.event);
    if (to.length === 0) return '(no recipient)';
    const { subject, text } = composeEmail(job.event, options.email.appUrl);
    await options.email.transport.sendMail({
      from: options.email.from,
      to,
      subject,
      text,
      headers: { 'X-Sangfroid-Delivery': job.deliveryId },
    });
    return to.join(', ');
  }

  async function record(
    job: NotificationJob,
    status: 'sent' | 'failed',
    target: string,
    tries: number,
    error?: string,
  ) {
    await db
      .insertInto('outbound_deliveries')
      .values({
        id: newId(),
        org_id: job.event.orgId,
        channel: job.channel,
        event: job.event.name,
        target,
        status,
        attempts: tries,
        last_error: error ?? null,
        created_at: now(),
      })
      .execute();
  }

  /** Delivers with retries and exponential back-off, then logs the outcome. */
  async function deliver(job: NotificationJob): Promise<boolean> {
    let lastError = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const target = await deliverOnce(job);
        await record(job, 'sent', target, attempt);
        return true;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (attempt < attempts) await sleep(baseDelayMs * 2 ** (attempt - 1));
      }
    }
    await record(
      job,
      'failed',
      job.channel === 'webhook' ? (options.webhook?.url ?? '') : 'smtp',
      attempts,
      lastError,
    );
    return false;
  }

  /** For a queue worker: one attempt, logged when sent; a failure throws so the queue retries it. */
  async function deliverQueued(job: NotificationJob): Promise<void> {
    const target = await deliverOnce(job);
    await record(job, 'sent', target, 1);
  }

  function jobsFor(event: DomainEvent): NotificationJob[] {
    if (!NOTIFIED.has(event.name)) return [];
    const jobs: NotificationJob[] = [];
    if (options.webhook) jobs.push({ channel: 'webhook', event, deliveryId: randomUUID() });
    if (options.email && wantsEmail(event)) jobs.push({ channel: 'email', event, deliveryId: randomUUID() });
    return jobs;
  }

  return { deliver, deliverOnce, deliverQueued, jobsFor };
}

export function notificationsIntegration(db: Db, options: NotificationOptions): Integration {
  const notifier = createNotifier(db, options);
  return {
    name: 'notifications',
    async onEvent(event) {
      const jobs = notifier.jobsFor(event);
      await Promise.all(jobs.map((job) => (options.enqueue ? options.enqueue(job) : notifier.deliver(job))));
    },
  };
}
