/**
 * Runs one statement on PGlite in ONE call into the WebAssembly engine, as a named prepared
 * statement reused by its SQL text (statements with parameters; others as the unnamed one).
 *
 * Why: `PGlite.query()` sends Parse, Describe, Bind, Describe, Execute and Sync as six separate
 * calls (the first Describe only to learn parameter types for its JS serialisers), and parses and
 * plans the SQL every time. For the message-ingest statement that is ~1.1 ms of CPU; batched and
 * prepared it is ~0.45 ms (a trivial SELECT: 0.22 → 0.08 ms). Kysely compiles the same text for
 * the same query shape, so a bounded cache of statement names covers the hot paths.
 *
 * Parameters are sent as text, as `query()` would send them: strings as is, numbers and bigints
 * in decimal, booleans as true/false, dates in ISO 8601 (PGlite's own serialisers for every type).
 * A statement with any other kind of parameter (bytes, arrays, objects) returns `undefined`, and
 * the caller uses `query()`, whose serialisers depend on the described types.
 *
 * Prepared statements are session state, not transactional: a statement whose Parse succeeded
 * exists even if its execution failed or its transaction rolled back. A plan made stale by DDL is
 * replanned by PostgreSQL itself; if the result shape changed ("cached plan must not change result
 * type", 0A000) the statement is dropped and the query parsed afresh once.
 */
import type { PGlite, Results } from '@electric-sql/pglite';
import { parse, protocol } from '@electric-sql/pglite';

/** Statements kept prepared; the least recently used is closed beyond this. */
export const MAX_PREPARED_STATEMENTS = 256;

type BackendMessage = { name: string };
const { serialize } = protocol;

export type TextParameter = string | null;

function toText(value: unknown): TextParameter | undefined {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return value instanceof Date ? value.toISOString() : undefined;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Bind (all parameters as text, all results as text), Describe the portal, Execute, Sync: the
 * messages `serialize.bind/describe/execute/sync` make, written into one buffer. PGlite's writer
 * starts each message from a small buffer, grows it by copies and copies it out again, which for
 * an ingest's parameters (the analysis and recommendation JSON, a few kB) cost more than running
 * the statement's parse and plan once did.
 */
export function bindAndRun(statement: string, values: readonly TextParameter[]): Buffer {
  // Bind: length, portal "" and statement name (C strings), one format code per parameter (0:
  // text), the parameters (length, -1 for null, then bytes), 0 result format codes (all text)
  let length = 4 + 1 + Buffer.byteLength(statement) + 1 + 2 + 2 * values.length + 2 + 2;
  for (const v of values) length += 4 + (v === null ? 0 : Buffer.byteLength(v));
  const out = Buffer.allocUnsafe(1 + length + TAIL.length);
  out[0] = 0x42; // 'B'
  out.writeInt32BE(length, 1);
  let at = 5;
  out[at++] = 0;
  at += out.write(statement, at);
  out[at++] = 0;
  out.writeInt16BE(values.length, at);
  out.fill(0, at + 2, at + 2 + 2 * values.length);
  at += 2 + 2 * values.length;
  out.writeInt16BE(values.length, at);
  at += 2;
  for (const v of values) {
    if (v === null) {
      out.writeInt32BE(-1, at);
      at += 4;
    } else {
      const n = out.write(v, at + 4);
      out.writeInt32BE(n, at);
      at += 4 + n;
    }
  }
  out.writeInt16BE(0, at);
  at += 2;
  out.set(TAIL, at);
  return out;
}

/** Describe portal "" ('D', 'P'), Execute portal "" with no row limit ('E'), Sync ('S'). */
const TAIL = Uint8Array.of(0x44, 0, 0, 0, 6, 0x50, 0, 0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0x53, 0, 0, 0, 4);

/** Statement names are unique in the process, so two caches on one session never collide. */
let statementCounter = 0;

const isCachedPlanShapeError = (error: unknown) => (error as { code?: string }).code === '0A000';

export class PreparedStatements {
  readonly #names = new Map<string, string>();
  #toClose: string[] = [];

  constructor(
    readonly client: PGlite,
    readonly max = MAX_PREPARED_STATEMENTS,
  ) {}

  /** Number of statements currently prepared (tests). */
  get size(): number {
    return this.#names.size;
  }

  /**
   * Runs `sql` with `parameters`; `undefined` when a parameter cannot be sent as text (the caller
   * then uses `query()`). The caller holds the connection: nothing else runs meanwhile.
   */
  async run<R>(sql: string, parameters: readonly unknown[]): Promise<Results<R> | undefined> {
    const values: TextParameter[] = [];
    for (const p of parameters) {
      const text = toText(p);
      if (text === undefined) return undefined;
      values.push(text);
    }
    const wasPrepared = this.#names.has(sql);
    try {
      return await this.#execute<R>(sql, values);
    } catch (error) {
      if (!wasPrepared || !isCachedPlanShapeError(error)) throw error;
      this.#forget(sql);
      // inside a transaction the error has aborted it: the caller sees the error, as it would
      // have from query(); outside one, the statement is parsed afresh
      if (this.client.isInTransaction()) throw error;
      return this.#execute<R>(sql, values);
    }
  }

  async #execute<R>(sql: string, values: TextParameter[]): Promise<Results<R>> {
    const parts: Uint8Array[] = [];
    for (const name of this.#toClose) parts.push(serialize.close({ type: 'S', name }));
    this.#toClose = [];
    let name = this.#names.get(sql);
    // statements without parameters (BEGIN, COMMIT, DDL, constant reads) are not worth keeping
    const isNew = name === undefined && values.length > 0;
    if (name === undefined) {
      name = isNew ? `sf_${(++statementCounter).toString(36)}` : '';
      parts.push(serialize.parse({ name, text: sql }));
    } else {
      this.#names.delete(sql); // most recently used goes last
      this.#names.set(sql, name);
    }
    const run = bindAndRun(name, values);
    const { messages } = await this.client.runExclusive(() =>
      this.client.execProtocol(parts.length > 0 ? concat([...parts, run]) : run, { throwOnError: false }),
    );
    if (isNew && (messages as BackendMessage[]).some((m) => m.name === 'parseComplete'))
      this.#remember(sql, name);
    const failure = (messages as BackendMessage[]).find((m) => m.name === 'error');
    if (failure) throw Object.assign(failure as unknown as Error, { query: sql, params: values });
    const [result] = parse.parseResults(messages, this.client.parsers) as Results<R>[];
    if (!result) throw new Error('PGlite returned no result for a statement');
    return result;
  }

  #remember(sql: string, name: string): void {
    this.#names.set(sql, name);
    if (this.#names.size > this.max) {
      const [oldest] = this.#names.keys();
      if (oldest !== undefined) this.#forget(oldest);
    }
  }

  #forget(sql: string): void {
    const name = this.#names.get(sql);
    if (name === undefined) return;
    this.#names.delete(sql);
    this.#toClose.push(name);
  }
}
