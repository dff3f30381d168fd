/**
 * The part every signed inbound endpoint shares: look the endpoint up, check the signature over
 * the raw body, parse the JSON with the format's schema, hand the mapped message to
 * `ingestInbound`. Unknown endpoint → 404, bad signature → 401, bad payload → 400 — all in the
 * API's one error shape, and nothing is written unless every check passed.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { AppError, invalid, notFound } from '../errors.ts';
import { type EndpointKind, findEndpoint } from './endpoints.ts';
import { type InboundMessage, ingestInbound } from './inbound.ts';
import { verifySignature } from './signature.ts';
import type { IntegrationContext } from './types.ts';

export interface SignedWebhookFormat<S extends z.ZodType> {
  readonly kind: EndpointKind;
  readonly signatureHeader: string;
  readonly timestampHeader: string;
  readonly schema: S;
  /** The message to record, or a reason to acknowledge and ignore the delivery. */
  toMessage(payload: z.infer<S>): InboundMessage | { readonly ignored: string };
}

export function mountSignedWebhook<S extends z.ZodType>(
  router: Hono,
  ctx: IntegrationContext,
  format: SignedWebhookFormat<S>,
): void {
  router.post('/:endpointId', async (c: Context) => {
    const { deps } = ctx;
    const endpoint = await findEndpoint({
      db: deps.db,
      kind: format.kind,
      id: c.req.param('endpointId') ?? '',
    });
    if (!endpoint) throw notFound('integration endpoint');
    const body = await c.req.text();
    const check = verifySignature({
      secret: endpoint.secret,
      body,
      signature: c.req.header(format.signatureHeader),
      timestamp: c.req.header(format.timestampHeader),
      now: deps.clock.now(),
    });
    if (!check.ok) throw new AppError('unauthenticated', `webhook signature ${check.reason}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw invalid('the body is not valid JSON');
    }
    const parsed = format.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw invalid(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid payload'}`);
    }
    const message = format.toMessage(parsed.data);
    if ('ignored' in message) return c.json({ status: 'ignored', reason: message.ignored }, 202);
    const result = await ingestInbound({ deps, endpoint, message });
    return c.json(result, result.status === 'recorded' ? 201 : 200);
  });
}
