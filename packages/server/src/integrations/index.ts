/**
 * The integrations shipped with sangfroid. `BUILT_IN_INTEGRATIONS` are the signed inbound
 * endpoints (always on; each endpoint is created per organisation with `sangfroid integrations
 * add`); `configuredIntegrations` adds the outbound notifications the configuration enables.
 * To add one, write `src/integrations/<name>.ts` exporting an `Integration` and list it here.
 */
import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/schema.ts';
import { chatwootIntegration } from './chatwoot.ts';
import { genericWebhookIntegration } from './generic-webhook.ts';
import { type NotificationJob, type NotificationOptions, notificationsIntegration } from './notify.ts';
import type { Integration } from './types.ts';

export const BUILT_IN_INTEGRATIONS: readonly Integration[] = [chatwootIntegration, genericWebhookIntegration];

/** The outbound notification settings of a configuration, or undefined when none is enabled. */
export function notificationOptions(config: Config): NotificationOptions | undefined {
  const webhook =
    config.notifyWebhookUrl && config.notifyWebhookSecret
      ? { url: config.notifyWebhookUrl, secret: config.notifyWebhookSecret }
      : undefined;
  const email = config.smtpUrl
    ? {
        transport: nodemailer.createTransport(config.smtpUrl),
        from: config.notifyEmailFrom,
        ...(config.publicOrigin ? { appUrl: config.publicOrigin } : {}),
      }
    : undefined;
  return webhook || email ? { webhook, email } : undefined;
}

/** Built-in integrations plus outbound notifications when NOTIFY_WEBHOOK_URL or SMTP_URL is set. */
export function configuredIntegrations(
  db: Db,
  config: Config,
  enqueue?: (job: NotificationJob) => Promise<void>,
): Integration[] {
  const options = notificationOptions(config);
  if (!options) return [...BUILT_IN_INTEGRATIONS];
  return [
    ...BUILT_IN_INTEGRATIONS,
    notificationsIntegration(db, { ...options, ...(enqueue ? { enqueue } : {}) }),
  ];
}

export { createEndpoint, ENDPOINT_KINDS, type EndpointKind } from './endpoints.ts';
export { createNotifier, type NotificationJob } from './notify.ts';
export type { Integration, IntegrationContext } from './types.ts';
