/**
 * Folds the results of every conversation into the import's summary (`--json summary.json`):
 * counts per signal and action, incidents, clients ranked by risk, agents' reply quality per
 * skill, the worst examples with their spans, a day-by-day timeline and the input's problems.
 * Every collection is bounded (top-k lists), except one small row per client and per agent.
 */
import { ACTION_IDS, AGENT_QUALITY_IDS, AGENT_RISK_IDS, CLIENT_SIGNAL_IDS } from '@sangfroid/core/types';
import {
  type AgentTally,
  type ConversationResult,
  type Example,
  type Incident,
  type IncidentKind,
  newTally,
} from './analyse.ts';
import type { ImportIssue, ImportIssueCode } from './types.ts';

export interface SkillTable {
  readonly replies: number;
  /** Share of replies showing each quality of the method, in [0, 1]. */
  readonly skills: Record<string, number>;
  /** Share of replies showing each risk, in [0, 1]. */
  readonly risks: Record<string, number>;
  readonly afterAbuse: number;
  readonly boundaryAfterAbuse: number;
  /** The draft checker's mean score (0–100) of the replies for their moment; null if none checked. */
  readonly draftScore: number | null;
  /** Share of checked replies that missed a move their moment required, in [0, 1]. */
  readonly missedRequired: number;
}

export interface AgentRow extends SkillTable {
  readonly agent: string;
  readonly conversations: number;
}

export interface ClientRow {
  readonly client: string;
  readonly conversations: number;
  readonly messages: number;
  readonly abusiveMessages: number;
  readonly incidents: number;
  readonly maxRisk: number;
  /** Σ per conversation of its highest escalation risk, plus 2 per incident: the ranking key. */
  readonly score: number;
  readonly topSignals: readonly string[];
}

export interface ImportSummary {
  readonly version: 1;
  readonly source: { readonly name: string; readonly format: string };
  readonly totals: {
    readonly conversations: number;
    readonly messages: number;
    readonly clientMessages: number;
    readonly agentMessages: number;
    readonly abusiveMessages: number;
    readonly incidents: number;
    readonly skipped: number;
    readonly rejected: number;
  };
  readonly protocol: { readonly recommend: boolean; readonly checkDraft: boolean };
  readonly signals: Record<string, number>;
  readonly actions: Record<string, number>;
  readonly incidents: {
    readonly total: number;
    readonly byKind: Record<IncidentKind, number>;
    readonly items: readonly Incident[];
  };
  readonly clients: readonly ClientRow[];
  readonly agents: { readonly team: SkillTable; readonly byAgent: readonly AgentRow[] };
  readonly worst: { readonly client: readonly Example[]; readonly agent: readonly Example[] };
  readonly timeline: readonly { readonly day: string; readonly messages: number; readonly abusive: number }[];
  readonly skipped: Record<string, number>;
  readonly errors: {
    readonly total: number;
    readonly byCode: Partial<Record<ImportIssueCode, number>>;
    readonly first: readonly ImportIssue[];
  };
  run?: {
    readonly workers: number;
    readonly seconds: number;
    readonly messagesPerSecond: number;
    /** CPU time of every thread: on a shared machine, messages per CPU-second is the fair figure. */
    readonly cpuSeconds: number;
    readonly peakRssMB: number;
    /** CPU time of the reading thread (parse, assemble, dispatch), where the system says it. */
    readonly readerCpuSeconds?: number;
    /** CPU time of the worker threads together (analysis, protocol, summaries). */
    readonly workerCpuSeconds?: number;
    /**
     * How V8 collected garbage: on each thread itself (the `sangfroid import` command starts its
     * process so, see bin/sangfroid.mjs), or with its background threads (another host process).
     */
    readonly gc: 'single-threaded' | 'background';
  };
}

export const SUMMARY_LIMITS = { incidents: 200, clients: 50, agents: 100, examples: 20, errors: 20 } as const;

/** Keeps the k best items by `better`, sorting only when the buffer doubles. */
class TopK<T> {
  #items: T[] = [];
  constructor(
    private readonly k: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}
  push(item: T): void {
    this.#items.push(item);
    if (this.#items.length >= this.k * 2) this.#trim();
  }
  #trim(): void {
    this.#items.sort(this.compare);
    this.#items.length = Math.min(this.#items.length, this.k);
  }
  values(): T[] {
    this.#trim();
    return [...this.#items];
  }
}

/** Adds the counts of `from` into `into`. */
function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const id in from) into[id] = (into[id] ?? 0) + (from[id] as number);
}

interface ClientAcc {
  conversations: number;
  messages: number;
  abusiveMessages: number;
  incidents: number;
  maxRisk: number;
  score: number;
  signals: Record<string, number>;
}

interface AgentAcc extends AgentTally {
  conversations: number;
}

const newAgentAcc = (): AgentAcc => ({ ...newTally(), conversations: 0 });

const newClientAcc = (): ClientAcc => ({
  conversations: 0,
  messages: 0,
  abusiveMessages: 0,
  incidents: 0,
  maxRisk: 0,
  score: 0,
  signals: {},
});

function addAgent(into: AgentAcc, from: Omit<AgentAcc, 'conversations'>): void {
  into.replies += from.replies;
  into.afterAbuse += from.afterAbuse;
  into.boundaryAfterAbuse += from.boundaryAfterAbuse;
  into.checked += from.checked;
  into.scoreSum += from.scoreSum;
  into.missedRequired += from.missedRequired;
  addCounts(into.counts, from.counts);
}

/**
 * What a SummaryBuilder has gathered from conversation results, as plain data: a worker thread
 * folds its results into its own builder and hands this over once, at the end, instead of
 * sending every result to the reading thread. (Input problems and skipped records stay with the
 * reader, which finds them.)
 */
export interface SummarySnapshot {
  readonly conversations: number;
  readonly messages: number;
  readonly clientMessages: number;
  readonly agentMessages: number;
  readonly abusive: number;
  readonly incidentCount: number;
  readonly signals: Record<string, number>;
  readonly actions: Record<string, number>;
  readonly byKind: Record<IncidentKind, number>;
  readonly clients: readonly (readonly [string, ClientAcc])[];
  readonly agents: readonly (readonly [string, AgentAcc])[];
  readonly team: AgentAcc;
  readonly days: readonly (readonly [string, [number, number]])[];
  readonly incidents: readonly Incident[];
  readonly worstClient: readonly Example[];
  readonly worstAgent: readonly Example[];
}

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

function skillTable(acc: Omit<AgentAcc, 'conversations'>): SkillTable {
  return {
    replies: acc.replies,
    skills: Object.fromEntries(AGENT_QUALITY_IDS.map((id) => [id, rate(acc.counts[id] ?? 0, acc.replies)])),
    risks: Object.fromEntries(AGENT_RISK_IDS.map((id) => [id, rate(acc.counts[id] ?? 0, acc.replies)])),
    afterAbuse: acc.afterAbuse,
    boundaryAfterAbuse: acc.boundaryAfterAbuse,
    draftScore: acc.checked === 0 ? null : Math.round((acc.scoreSum / acc.checked) * 10) / 10,
    missedRequired: rate(acc.missedRequired, acc.checked),
  };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Worst first; ties in a fixed order, so that the summary is the same whichever thread saw what. */
const byScore = (a: Example, b: Example) =>
  b.score - a.score ||
  compareText(a.conversation, b.conversation) ||
  a.line - b.line ||
  compareText(a.role, b.role) ||
  compareText(a.text, b.text);

const byIncident = (a: Incident, b: Incident) =>
  b.severity - a.severity ||
  (a.at ?? '').localeCompare(b.at ?? '') ||
  a.line - b.line ||
  compareText(a.conversation, b.conversation) ||
  a.index - b.index;

export class SummaryBuilder {
  readonly #signals: Record<string, number> = Object.fromEntries(
    [...CLIENT_SIGNAL_IDS, ...AGENT_QUALITY_IDS, ...AGENT_RISK_IDS].map((id) => [id, 0]),
  );
  readonly #actions: Record<string, number> = Object.fromEntries(ACTION_IDS.map((id) => [id, 0]));
  readonly #clients = new Map<string, ClientAcc>();
  readonly #agents = new Map<string, AgentAcc>();
  readonly #team: AgentAcc = newAgentAcc();
  readonly #days = new Map<string, [number, number]>();
  readonly #incidents = new TopK<Incident>(SUMMARY_LIMITS.incidents, byIncident);
  readonly #byKind: Record<IncidentKind, number> = { threat: 0, abuse: 0, legal: 0, agent_aggression: 0 };
  readonly #worstClient = new TopK<Example>(SUMMARY_LIMITS.examples, byScore);
  readonly #worstAgent = new TopK<Example>(SUMMARY_LIMITS.examples, byScore);
  readonly #skipped: Record<string, number> = {};
  readonly #errorsByCode: Partial<Record<ImportIssueCode, number>> = {};
  readonly #firstErrors: ImportIssue[] = [];
  #errors = 0;
  #conversations = 0;
  #messages = 0;
  #clientMessages = 0;
  #agentMessages = 0;
  #abusive = 0;
  #incidentCount = 0;

  get messages(): number {
    return this.#messages;
  }

  get rejected(): number {
    return this.#errors;
  }

  get incidents(): number {
    return this.#incidentCount;
  }

  addIssue(issue: ImportIssue): void {
    this.#errors++;
    this.#errorsByCode[issue.code] = (this.#errorsByCode[issue.code] ?? 0) + 1;
    if (this.#firstErrors.length < SUMMARY_LIMITS.errors) this.#firstErrors.push(issue);
  }

  addSkipped(reason: string): void {
    this.#skipped[reason] = (this.#skipped[reason] ?? 0) + 1;
  }

  add(r: ConversationResult): void {
    if (r.part === 1) this.#conversations++;
    this.#messages += r.messages;
    this.#clientMessages += r.clientMessages;
    this.#agentMessages += r.agentMessages;
    this.#abusive += r.abusiveMessages;
    addCounts(this.#signals, r.signals);
    if (r.action) this.#actions[r.action] = (this.#actions[r.action] ?? 0) + 1;
    if (r.incident) {
      this.#incidentCount++;
      for (const kind of r.incident.kinds) this.#byKind[kind]++;
      this.#incidents.push(r.incident);
    }
    const clientKey = r.client ?? r.key;
    let c = this.#clients.get(clientKey);
    if (!c) {
      c = newClientAcc();
      this.#clients.set(clientKey, c);
    }
    if (r.part === 1) c.conversations++;
    c.messages += r.clientMessages;
    c.abusiveMessages += r.abusiveMessages;
    if (r.incident) c.incidents++;
    c.maxRisk = Math.max(c.maxRisk, r.maxRisk);
    c.score += r.maxRisk + (r.incident ? 2 : 0);
    for (const id in r.signals) {
      if (!id.startsWith('reply.') && !id.startsWith('risk.'))
        c.signals[id] = (c.signals[id] ?? 0) + (r.signals[id] as number);
    }
    for (const [name, tally] of Object.entries(r.agents)) {
      let a = this.#agents.get(name);
      if (!a) {
        a = newAgentAcc();
        this.#agents.set(name, a);
      }
      a.conversations++;
      addAgent(a, tally);
      addAgent(this.#team, tally);
    }
    for (const e of r.examples) (e.role === 'client' ? this.#worstClient : this.#worstAgent).push(e);
    for (const [day, [messages, abusive]] of Object.entries(r.days)) {
      const d = this.#days.get(day) ?? [0, 0];
      d[0] += messages;
      d[1] += abusive;
      this.#days.set(day, d);
    }
  }

  /** What was gathered from results so far (see SummarySnapshot). */
  snapshot(): SummarySnapshot {
    return {
      conversations: this.#conversations,
      messages: this.#messages,
      clientMessages: this.#clientMessages,
      agentMessages: this.#agentMessages,
      abusive: this.#abusive,
      incidentCount: this.#incidentCount,
      signals: { ...this.#signals },
      actions: { ...this.#actions },
      byKind: { ...this.#byKind },
      clients: [...this.#clients.entries()],
      agents: [...this.#agents.entries()],
      team: this.#team,
      days: [...this.#days.entries()],
      incidents: this.#incidents.values(),
      worstClient: this.#worstClient.values(),
      worstAgent: this.#worstAgent.values(),
    };
  }

  /** Adds what another builder gathered: the same as if its results had been added here. */
  merge(s: SummarySnapshot): void {
    this.#conversations += s.conversations;
    this.#messages += s.messages;
    this.#clientMessages += s.clientMessages;
    this.#agentMessages += s.agentMessages;
    this.#abusive += s.abusive;
    this.#incidentCount += s.incidentCount;
    addCounts(this.#signals, s.signals);
    addCounts(this.#actions, s.actions);
    for (const kind of Object.keys(s.byKind) as IncidentKind[]) this.#byKind[kind] += s.byKind[kind];
    for (const [key, from] of s.clients) {
      const c = this.#clients.get(key);
      if (!c) {
        this.#clients.set(key, { ...from, signals: { ...from.signals } });
        continue;
      }
      c.conversations += from.conversations;
      c.messages += from.messages;
      c.abusiveMessages += from.abusiveMessages;
      c.incidents += from.incidents;
      c.maxRisk = Math.max(c.maxRisk, from.maxRisk);
      c.score += from.score;
      addCounts(c.signals, from.signals);
    }
    for (const [name, from] of s.agents) {
      let a = this.#agents.get(name);
      if (!a) {
        a = newAgentAcc();
        this.#agents.set(name, a);
      }
      a.conversations += from.conversations;
      addAgent(a, from);
    }
    addAgent(this.#team, s.team);
    for (const [day, [messages, abusive]] of s.days) {
      const d = this.#days.get(day) ?? [0, 0];
      d[0] += messages;
      d[1] += abusive;
      this.#days.set(day, d);
    }
    for (const i of s.incidents) this.#incidents.push(i);
    for (const e of s.worstClient) this.#worstClient.push(e);
    for (const e of s.worstAgent) this.#worstAgent.push(e);
  }

  build(
    source: { name: string; format: string },
    protocol: { recommend: boolean; checkDraft: boolean },
  ): ImportSummary {
    const clients = [...this.#clients.entries()]
      .filter(([, c]) => c.score > 0 || c.incidents > 0 || c.abusiveMessages > 0)
      .sort(
        ([ka, a], [kb, b]) =>
          b.score - a.score || b.incidents - a.incidents || (ka < kb ? -1 : ka > kb ? 1 : 0),
      )
      .slice(0, SUMMARY_LIMITS.clients)
      .map(([client, c]) => ({
        client,
        conversations: c.conversations,
        messages: c.messages,
        abusiveMessages: c.abusiveMessages,
        incidents: c.incidents,
        maxRisk: Math.round(c.maxRisk * 1000) / 1000,
        score: Math.round(c.score * 1000) / 1000,
        topSignals: Object.entries(c.signals)
          .sort(([ia, a], [ib, b]) => b - a || (ia < ib ? -1 : 1))
          .slice(0, 3)
          .map(([id]) => id),
      }));
    const byAgent = [...this.#agents.entries()]
      .sort(([ka, a], [kb, b]) => b.replies - a.replies || (ka < kb ? -1 : ka > kb ? 1 : 0))
      .slice(0, SUMMARY_LIMITS.agents)
      .map(([agent, a]) => ({ agent, conversations: a.conversations, ...skillTable(a) }));
    return {
      version: 1,
      source,
      totals: {
        conversations: this.#conversations,
        messages: this.#messages,
        clientMessages: this.#clientMessages,
        agentMessages: this.#agentMessages,
        abusiveMessages: this.#abusive,
        incidents: this.#incidentCount,
        skipped: Object.values(this.#skipped).reduce((s, n) => s + n, 0),
        rejected: this.#errors,
      },
      protocol,
      signals: { ...this.#signals },
      actions: { ...this.#actions },
      incidents: { total: this.#incidentCount, byKind: { ...this.#byKind }, items: this.#incidents.values() },
      clients,
      agents: { team: skillTable(this.#team), byAgent },
      worst: { client: this.#worstClient.values(), agent: this.#worstAgent.values() },
      timeline: [...this.#days.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([day, [messages, abusive]]) => ({ day, messages, abusive })),
      skipped: { ...this.#skipped },
      errors: { total: this.#errors, byCode: { ...this.#errorsByCode }, first: [...this.#firstErrors] },
    };
  }
}
