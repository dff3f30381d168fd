/**
 * One endpoint = one `defineRoute` call: its access, its zod schemas (which validate the request
 * and generate the OpenAPI document) and a handler that calls one domain function. `mountRoutes`
 * is the only way routes reach the app, and it puts `guard` (http/access.ts) in front of each.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { type Access, type Env, guard } from './access.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Schema = z.ZodType;
type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export interface HandlerContext<P, Q, B> {
  readonly c: Context<Env>;
  readonly deps: Deps;
  /** The authenticated caller (routes with access 'public' must not read it). */
  readonly actor: Actor;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

export interface RouteDef<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
> {
  readonly method: Method;
  /** OpenAPI-style path under /api/v1, e.g. `/incidents/{id}`. */
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  readonly tag: string;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Schema of a successful JSON response (documented; not re-validated at runtime). */
  readonly response?: Schema;
  readonly status?: 200 | 201 | 204;
  /** Non-JSON success responses (HTML, SSE). */
  readonly contentType?: string;
  /** Returns the JSON body, or a Response for non-JSON answers. */
  handler(ctx: HandlerContext<Infer<P>, Infer<Q>, Infer<B>>): Promise<unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry of heterogeneous routes.
export type AnyRoute = RouteDef<any, any, any>;

export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(def: RouteDef<P, Q, B>): AnyRoute {
  return def as AnyRoute;
}

const ERROR_SCHEMA = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

export function mountRoutes(app: OpenAPIHono<Env>, deps: Deps, routes: readonly AnyRoute[]): void {
  for (const def of routes) {
    const status = def.status ?? 200;
    const successContent =
      status === 204
        ? undefined
        : def.contentType
          ? { [def.contentType]: { schema: z.string() } }
          : { 'application/json': { schema: def.response ?? z.unknown() } };
    const route = createRoute({
      method: def.method,
      path: def.path,
      summary: def.summary,
      tags: [def.tag],
      ...(def.access === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      middleware: [guard(def.access, deps)] as const,
      request: {
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { query: def.query } : {}),
        ...(def.body
          ? { body: { content: { 'application/json': { schema: def.body } }, required: true } }
          : {}),
      },
      responses: {
        [status]: { description: 'success', ...(successContent ? { content: successContent } : {}) },
        default: { description: 'error', content: { 'application/json': { schema: ERROR_SCHEMA } } },
      },
    });
    // biome-ignore lint/suspicious/noExplicitAny: validated by the route's schemas before this runs.
    const handler = async (c: any) => {
      const result = await def.handler({
        c,
        deps,
        actor: c.get('actor'),
        params: def.params ? c.req.valid('param') : undefined,
        query: def.query ? c.req.valid('query') : undefined,
        body: def.body ? c.req.valid('json') : undefined,
      });
      if (result instanceof Response) return result;
      if (status === 204) return c.body(null, 204);
      return c.json(result, status);
    };
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    app.openapi(route, handler as any);
  }
}
