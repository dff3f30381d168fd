/**
 * The extension point for integrations (inbound webhooks such as Chatwoot's `message_created`,
 * outbound notifications over webhook or SMTP, a pg-boss queue). An integration may mount routes
 * under `/api/v1/integrations/<name>/` — they bypass session auth, so each must check its own
 * shared secret or signature — and may react to domain events.
 */
import type { Hono } from 'hono';
import type { DomainEvent } from '../alerts/event-bus.ts';
import type { Deps } from '../deps.ts';

export interface IntegrationContext {
  readonly deps: Deps;
}

export interface Integration {
  readonly name: string;
  /** Mount routes on `router` (already prefixed with /api/v1/integrations/<name>). */
  routes?(router: Hono, ctx: IntegrationContext): void;
  /** Called after the transaction that produced the event committed. Errors are logged. */
  onEvent?(event: DomainEvent, ctx: IntegrationContext): void | Promise<void>;
}
