/**
 * Test fixtures for the HTTP layer: an app on a test database with a settable clock, and an
 * organisation seeded with one user per role (agent supervised by the supervisor), each with an
 * API token, plus helpers to call the API as them.
 */
import { type Analysis, type AnalyzeOptions, analyze, type Finding } from '@sangfroid/core';
import { type Actor, createApiToken, type UserRole } from '../auth/actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { type Config, defaultConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { newId } from '../domain/common.ts';
import { type App, createApp } from '../http/app.ts';
import { silentLogger } from '../logger.ts';

export class TestClock {
  constructor(public current = new Date('2026-03-02T09:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function makeTestApp(
  database: Database,
  opts: { config?: Partial<Config>; clock?: TestClock; setupToken?: string } = {},
) {
  const clock = opts.clock ?? new TestClock();
  const app = createApp(
    {
      db: database.db,
      config: defaultConfig(opts.config),
      logger: silentLogger,
      clock,
      analyzer: testAnalyzer,
      ...(opts.setupToken ? { setupToken: opts.setupToken } : {}),
    },
    { web: false },
  );
  return { app, clock };
}

export interface SeededUser {
  readonly id: string;
  readonly role: UserRole;
  readonly email: string;
  readonly token: string;
}

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

/** An organisation with admin, supervisor, agent (reporting to the supervisor) and a second agent. */
export async function seedOrg(app: App, label = 'Org') {
  const { db } = app.deps;
  const orgId = newId();
  const now = app.deps.clock.now();
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  await db
    .insertInto('organisations')
    .values({ id: orgId, name: `${label} ${orgId.slice(0, 4)}`, created_at: now })
    .execute();
  const make = async (role: UserRole, key: string, supervisorId: string | null): Promise<SeededUser> => {
    const id = newId();
    const email = `${key}.${id.slice(0, 8)}@${label.toLowerCase()}.test`;
    await db
      .insertInto('users')
      .values({
        id,
        org_id: orgId,
        email,
        name: `${label} ${key}`,
        role,
        password_hash: passwordHash,
        supervisor_id: supervisorId,
        created_at: now,
      })
      .execute();
    const actor: Actor = { userId: id, orgId, role, name: key, via: 'token' };
    const { token } = await createApiToken({ db, actor, name: 'test', now });
    return { id, role, email, token };
  };
  const admin = await make('admin', 'admin', null);
  const supervisor = await make('supervisor', 'supervisor', null);
  const agent = await make('agent', 'agent', supervisor.id);
  const otherAgent = await make('agent', 'agent2', supervisor.id);
  return { orgId, admin, supervisor, agent, otherAgent };
}

export interface CallResult {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON freely
  readonly body: any;
  readonly text: string;
  readonly headers: Headers;
}

/** Calls the API as `user` (Bearer token), JSON in and out. */
export async function call(
  app: App,
  user: { token: string } | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<CallResult> {
  const headers: Record<string, string> = {};
  if (user) headers.authorization = `Bearer ${user.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/**
 * The real analyser, plus one deterministic abuse rule for server tests (so they do not depend on
 * the lexicons in progress): « incapable(s) » is an insult, « je vais vous casser » a threat.
 */
export function testAnalyzer(text: string, options: AnalyzeOptions): Analysis {
  const base = analyze(text, options);
  if (options.role !== 'client') return base;
  const extra: Finding[] = [];
  const add = (re: RegExp, id: 'abuse.insult' | 'abuse.threat', severity: 3) => {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!base.findings.some((f) => f.id === id && f.start === start))
        extra.push({ id, severity, start, end, evidence: m[0], message: id });
    }
  };
  add(/incapables?/gi, 'abuse.insult', 3);
  add(/je vais vous casser/gi, 'abuse.threat', 3);
  const findings = [...base.findings, ...extra].sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1),
  );
  return { ...base, findings };
}
