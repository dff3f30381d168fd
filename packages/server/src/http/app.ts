/**
 * createApp(deps): the whole HTTP application, built from injected dependencies. It reads no
 * environment and opens no socket (main.ts does), so tests call `app.request()` in-process.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { analyze } from '@sangfroid/core';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { EventBus } from '../alerts/event-bus.ts';
import { ActorCache } from '../auth/actor-cache.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import type { AppDeps, Deps } from '../deps.ts';
import { HistoryCache } from '../domain/history-cache.ts';
import { IngestEngine } from '../domain/ingest-engine.ts';
import { MessageWriteGroup } from '../domain/message-writes.ts';
import { AppError, type ErrorCode, fromDatabaseError } from '../errors.ts';
import type { Env } from './access.ts';
import { bodyLimit } from './body-limit.ts';
import { type AnyRoute, mountRoutes } from './route.ts';
import { ROUTES } from './routes/index.ts';
import { mountWebApp, securityHeaders } from './static.ts';

const STATUS_CODE: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export interface App {
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly request: Hono['request'];
  readonly deps: Deps;
  readonly routes: readonly AnyRoute[];
}

export interface CreateAppOptions {
  /** Serve the built web app at `/` (default: true when a dist folder is configured or found). */
  readonly web?: boolean;
}

export function createApp(input: AppDeps, options: CreateAppOptions = {}): App {
  const analyzer = input.analyzer ?? analyze;
  const deps: Deps = {
    ...input,
    events: input.events ?? new EventBus(),
    analyzer,
    engine: new IngestEngine(analyzer),
    actorCache: new ActorCache(),
    history: new HistoryCache(),
    messageWrites: input.groupCommit === false ? undefined : new MessageWriteGroup(input.db),
    loginLimiter: new RateLimiter(input.config.loginMaxAttempts, input.config.loginWindowMinutes * 60_000),
  };
  const app = new Hono();

  app.onError((error, c) => {
    let appError: AppError | undefined = error instanceof AppError ? error : fromDatabaseError(error);
    if (!appError && error instanceof HTTPException) {
      appError = new AppError(
        STATUS_CODE[error.status] ?? 'invalid_input',
        error.status === 415
          ? 'send the body as JSON with Content-Type: application/json'
          : error.message || 'bad request',
      );
    }
    if (!appError) {
      deps.logger.error('unhandled error', {
        path: c.req.path,
        method: c.req.method,
        error: error instanceof Error ? error.stack : String(error),
      });
      appError = new AppError('internal', 'internal error; it has been logged');
    }
    if (appError.retryAfter) c.header('Retry-After', String(appError.retryAfter));
    return c.json(errorBody(appError.code, appError.message), appError.status);
  });

  app.use('*', async (c, next) => {
    await next();
    securityHeaders(c.res.headers);
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('Content-Security-Policy'))
      c.res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (c.req.path.startsWith('/api/')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.config.bodyLimitBytes,
      onError: () => {
        throw new AppError('payload_too_large', `request body over ${deps.config.bodyLimitBytes} bytes`);
      },
    }),
  );

  const api = new OpenAPIHono<Env>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
        throw new AppError('invalid_input', issues.join('; '));
      }
    },
  });
  mountRoutes(api, deps, ROUTES);
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sf_session',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'sangfroid API',
      version: '1.0.0',
      description:
        'The team memory of sangfroid. Cookie sessions must send X-CSRF-Token on writes; see packages/server/API.md.',
    },
  });

  const context = { deps };
  for (const integration of deps.integrations ?? []) {
    if (integration.routes) {
      const router = new Hono();
      integration.routes(router, context);
      api.route(`/integrations/${integration.name}`, router);
    }
    if (integration.onEvent) {
      const onEvent = integration.onEvent.bind(integration);
      deps.events.subscribe((event) => {
        Promise.resolve(onEvent(event, context)).catch((error: unknown) =>
          deps.logger.error('integration failed', {
            integration: integration.name,
            event: event.name,
            error: String(error),
          }),
        );
      });
    }
  }

  app.route('/api/v1', api);
  app.all('/api/*', (c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));
  if (options.web !== false) mountWebApp(app, deps.config.webDist);

  return { fetch: app.fetch, request: app.request.bind(app), deps, routes: ROUTES };
}
