/**
 * The server's typed configuration: every environment variable, its default and its meaning, parsed
 * once by a schema at the boundary (main.ts). Everything else receives a plain `Config` object.
 */
import { z } from 'zod';

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

export const ENV_SCHEMA = z.object({
  /** TCP port the HTTP server listens on. */
  PORT: int(3000, 0, 65535),
  /** Interface to bind; loopback by default so a fresh install is not exposed to the network. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** postgres://… to use a PostgreSQL server; empty = embedded PGlite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Data directory of the embedded database. */
  DATA_DIR: z.string().min(1).default('.sangfroid/data'),
  /** Hours after an incident by which its debrief is due (the method: within hours or days). */
  DEBRIEF_DUE_HOURS: int(48, 1, 24 * 30),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: int(12, 1, 24 * 30),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT_BYTES: int(1024 * 1024, 1024, 50 * 1024 * 1024),
  /** Login attempts allowed per e-mail+IP in LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_ATTEMPTS: int(10, 1, 1000),
  LOGIN_WINDOW_MINUTES: int(15, 1, 24 * 60),
  /** Public origin (https://sangfroid.example.com) when behind a proxy; used for the Origin check. */
  PUBLIC_ORIGIN: z.url().optional(),
  /** Folder of the built web app served at `/`. */
  WEB_DIST: z.string().optional(),
  /** Outbound webhook for escalations and serious incidents (signed with NOTIFY_WEBHOOK_SECRET). */
  NOTIFY_WEBHOOK_URL: z.url().optional(),
  /** Shared secret of the outbound webhook's X-Sangfroid-Signature (required with its URL). */
  NOTIFY_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** smtp://user:pass@host:587 (or smtps://…) to e-mail supervisors when an escalation is raised. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender address of the notification e-mails. */
  NOTIFY_EMAIL_FROM: z.string().min(3).default('sangfroid <no-reply@localhost>'),
  /** `debug` | `info` | `warn` | `error` | `silent`. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof ENV_SCHEMA>;

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly debriefDueHours: number;
  readonly sessionTtlHours: number;
  readonly bodyLimitBytes: number;
  readonly loginMaxAttempts: number;
  readonly loginWindowMinutes: number;
  readonly publicOrigin: string | undefined;
  readonly webDist: string | undefined;
  readonly logLevel: Env['LOG_LEVEL'];
  readonly notifyWebhookUrl: string | undefined;
  readonly notifyWebhookSecret: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly notifyEmailFrom: string;
}

/** Parses an environment (process.env in main.ts, a literal in tests); throws with every bad variable named. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  if (e.NOTIFY_WEBHOOK_URL && !e.NOTIFY_WEBHOOK_SECRET) {
    throw new Error('invalid configuration: NOTIFY_WEBHOOK_SECRET is required with NOTIFY_WEBHOOK_URL');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    debriefDueHours: e.DEBRIEF_DUE_HOURS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    publicOrigin: e.PUBLIC_ORIGIN,
    webDist: e.WEB_DIST,
    logLevel: e.LOG_LEVEL,
    notifyWebhookUrl: e.NOTIFY_WEBHOOK_URL,
    notifyWebhookSecret: e.NOTIFY_WEBHOOK_SECRET,
    smtpUrl: e.SMTP_URL,
    notifyEmailFrom: e.NOTIFY_EMAIL_FROM,
  };
}

/** The defaults, for tests and for code that needs a config without an environment. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
