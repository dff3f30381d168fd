/**
 * Analyses one assembled conversation: every message with the analysis engine (once), every agent
 * reply with the draft checker (against the turns before it), the conversation with the protocol,
 * which follows it turn by turn on those same analyses. Returns a compact result — counts, the
 * incident, per-agent skills and draft scores, a few worst examples — so that workers send back
 * little and the summary stays small whatever the export's size.
 */
import { type Analysis, type Finding, isAbuse, type Lang, type Role } from '@sangfroid/core/types';
import type { Engine } from './engine.ts';

/** A message as sent to a worker. */
export interface WireMessage {
  readonly role: Role;
  readonly text: string;
  readonly line: number;
  readonly at?: string;
  readonly author?: string;
  readonly lang?: Lang;
  readonly externalId?: string;
}

export interface WireConversation {
  readonly key: string;
  /** 1 for a conversation's first segment; more when a very long or interleaved one was split. */
  readonly part: number;
  readonly client?: string;
  readonly messages: readonly WireMessage[];
}

export interface SpanFinding {
  readonly id: string;
  readonly severity: number;
  readonly start: number;
  readonly end: number;
  readonly evidence: string;
}

export interface Example {
  readonly conversation: string;
  readonly line: number;
  readonly role: Role;
  readonly author?: string;
  readonly at?: string;
  readonly text: string;
  readonly findings: readonly SpanFinding[];
  readonly score: number;
}

export type IncidentKind = 'threat' | 'abuse' | 'legal' | 'agent_aggression';

export interface Incident {
  readonly conversation: string;
  /** Position of the message in its conversation segment. */
  readonly index: number;
  readonly client?: string;
  readonly kinds: readonly IncidentKind[];
  readonly severity: number;
  readonly line: number;
  readonly at?: string;
  readonly signal: string;
  readonly evidence: string;
}

export interface AgentTally {
  replies: number;
  counts: Record<string, number>;
  /** Replies that came right after an abusive client message, and how many set a boundary. */
  afterAbuse: number;
  boundaryAfterAbuse: number;
  /** Replies the draft checker read, the sum of its scores, and how many missed a required move. */
  checked: number;
  scoreSum: number;
  missedRequired: number;
}

/** What a worker keeps of one message when the import stores every finding (server mode). */
export interface MessageDetail {
  readonly line: number;
  readonly role: Role;
  readonly externalId?: string;
  readonly text: string;
  readonly at?: string;
  readonly author?: string;
  /** The engine's analysis of the message. */
  readonly analysis: Analysis;
}

export interface ConversationResult {
  readonly key: string;
  readonly part: number;
  readonly client?: string;
  readonly firstLine: number;
  readonly messages: number;
  readonly clientMessages: number;
  readonly agentMessages: number;
  /** Messages showing each signal (a message counts once per id). */
  readonly signals: Record<string, number>;
  readonly action?: string;
  readonly maxRisk: number;
  readonly abusiveMessages: number;
  readonly incident?: Incident;
  readonly agents: Record<string, AgentTally>;
  readonly examples: readonly Example[];
  /** Per day (YYYY-MM-DD of `at`): [messages, abusive client messages]. */
  readonly days: Record<string, [number, number]>;
  readonly details?: readonly MessageDetail[];
}

/** Longest text kept for an example in the summary and report. */
export const EXAMPLE_TEXT_LIMIT = 1200;
const EXAMPLES_PER_CONVERSATION = 2;
const ROLES_IN_EXAMPLES: readonly Role[] = ['client', 'agent'];

interface Candidate {
  readonly m: WireMessage;
  readonly findings: readonly Finding[];
  readonly score: number;
}

const worstFirst = (a: Candidate, b: Candidate): number => b.score - a.score || a.m.line - b.m.line;

function toSpans(findings: readonly Finding[]): SpanFinding[] {
  return findings.map((f) => ({
    id: f.id,
    severity: f.severity,
    start: f.start,
    end: f.end,
    evidence: f.evidence,
  }));
}

function clientScore(findings: readonly Finding[]): number {
  let score = 0;
  for (const f of findings) score += f.severity + (isAbuse(f.id) ? 3 : 0);
  return score;
}

function agentScore(findings: readonly Finding[]): number {
  let score = 0;
  for (const f of findings) if (f.id.startsWith('risk.')) score += f.severity + 1;
  return score;
}

function example(
  conv: WireConversation,
  m: WireMessage,
  findings: readonly Finding[],
  score: number,
): Example {
  const text = m.text.length > EXAMPLE_TEXT_LIMIT ? m.text.slice(0, EXAMPLE_TEXT_LIMIT) : m.text;
  return {
    conversation: conv.key,
    line: m.line,
    role: m.role,
    ...(m.author ? { author: m.author } : {}),
    ...(m.at ? { at: m.at } : {}),
    text,
    findings: toSpans(findings.filter((f) => f.end <= text.length)),
    score,
  };
}

function incidentKind(id: string): IncidentKind | undefined {
  if (id === 'abuse.threat') return 'threat';
  if (id.startsWith('abuse.')) return 'abuse';
  if (id === 'pressure.legal') return 'legal';
  if (id === 'risk.aggression') return 'agent_aggression';
  return undefined;
}

const KIND_SEVERITY: Record<IncidentKind, number> = { threat: 3, abuse: 3, agent_aggression: 3, legal: 2 };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The distinct ids of the findings, in order of first appearance (a message counts once per id). */
function distinctIds(findings: readonly Finding[]): Finding['id'][] {
  const ids: Finding['id'][] = [];
  for (const f of findings) if (!ids.includes(f.id)) ids.push(f.id);
  return ids;
}

/** The language the protocol reads the conversation in: the export's, when all its messages agree. */
function conversationLang(conv: WireConversation, engine: Engine, analyses?: readonly Analysis[]): Lang {
  const given = conv.messages[0]?.lang;
  if (given && allIn(conv.messages, given)) return given;
  return engine.languageOf(conv.messages, analyses);
}

function allIn(messages: readonly WireMessage[], lang: Lang): boolean {
  for (const m of messages) if (m.lang !== lang) return false;
  return true;
}

export function newTally(): AgentTally {
  return {
    replies: 0,
    counts: {},
    afterAbuse: 0,
    boundaryAfterAbuse: 0,
    checked: 0,
    scoreSum: 0,
    missedRequired: 0,
  };
}

export interface AnalyseOptions {
  /** Keep every message's analysis in the result (server storage). */
  readonly keepDetails?: boolean;
  /** The messages' analyses, made beforehand by `engine.analyze` (see analyseBatch). */
  readonly analyses?: readonly Analysis[];
}

export function analyseConversation(
  conv: WireConversation,
  engine: Engine,
  options: AnalyseOptions = {},
): ConversationResult {
  const signals: Record<string, number> = {};
  const agents: Record<string, AgentTally> = {};
  const days: Record<string, [number, number]> = {};
  const follower =
    engine.hasRecommend || engine.hasCheckDraft
      ? engine.follow(conversationLang(conv, engine, options.analyses))
      : undefined;
  const candidates: Candidate[] = [];
  const details: MessageDetail[] = [];
  const kinds = new Set<IncidentKind>();
  let incident: Incident | undefined;
  let clientMessages = 0;
  let agentMessages = 0;
  let maxRisk = 0;
  let abusiveMessages = 0;
  let previousAbusive = false;

  let lastDay = '';
  let dayCounts: [number, number] | undefined;
  for (let index = 0; index < conv.messages.length; index++) {
    const m = conv.messages[index] as WireMessage;
    let abusive = false;
    const analysis = options.analyses?.[index] ?? engine.analyze(m.text, m.role, m.lang);
    // a wire message is the protocol's Turn as it is (role, text, at, author; no channel)
    const verdict = follower?.add(m, analysis);
    const findings = analysis.findings;
    const ids = distinctIds(findings);
    if (m.role === 'client') {
      clientMessages++;
      if (analysis.scores.escalationRisk > maxRisk) maxRisk = analysis.scores.escalationRisk;
      abusive = ids.some(isAbuse);
      if (abusive) abusiveMessages++;
      const score = clientScore(findings);
      if (score > 0) candidates.push({ m, findings, score });
    } else {
      agentMessages++;
      const agent = m.author ?? '—';
      let tally = agents[agent];
      if (!tally) {
        tally = newTally();
        agents[agent] = tally;
      }
      tally.replies++;
      if (verdict) {
        tally.checked++;
        tally.scoreSum += verdict.score;
        if (verdict.missedRequired) tally.missedRequired++;
      }
      for (const id of ids) tally.counts[id] = (tally.counts[id] ?? 0) + 1;
      if (previousAbusive) {
        tally.afterAbuse++;
        if (ids.includes('reply.boundary')) tally.boundaryAfterAbuse++;
      }
      const score = agentScore(findings);
      if (score > 0) candidates.push({ m, findings, score });
    }
    previousAbusive = m.role === 'client' ? abusive : false;
    for (const id of ids) signals[id] = (signals[id] ?? 0) + 1;
    for (const f of findings) {
      const kind = incidentKind(f.id);
      if (!kind) continue;
      if (kind === 'agent_aggression' && m.role !== 'agent') continue;
      if (kind !== 'agent_aggression' && m.role !== 'client') continue;
      kinds.add(kind);
      const severity = Math.max(KIND_SEVERITY[kind], f.severity);
      if (!incident || severity > incident.severity) {
        incident = {
          conversation: conv.key,
          index,
          ...(conv.client ? { client: conv.client } : {}),
          kinds: [],
          severity,
          line: m.line,
          ...(m.at ? { at: m.at } : {}),
          signal: f.id,
          evidence: f.evidence.slice(0, 200),
        };
      }
    }
    if (m.at) {
      // a conversation's messages mostly fall on one day: its counts are looked up once
      if (lastDay.length !== 10 || !m.at.startsWith(lastDay)) {
        lastDay = m.at.slice(0, 10);
        dayCounts = undefined;
        if (DAY.test(lastDay)) {
          dayCounts = days[lastDay] ?? [0, 0];
          days[lastDay] = dayCounts;
        }
      }
      if (dayCounts) {
        dayCounts[0]++;
        if (abusive) dayCounts[1]++;
      }
    }
    if (options.keepDetails) {
      details.push({
        line: m.line,
        role: m.role,
        ...(m.externalId ? { externalId: m.externalId } : {}),
        text: m.text,
        ...(m.at ? { at: m.at } : {}),
        ...(m.author ? { author: m.author } : {}),
        analysis,
      });
    }
  }
  const action = follower?.action();
  // examples are written out for the few kept, worst first (ties: earliest line)
  candidates.sort(worstFirst);
  const examples: Example[] = [];
  for (const role of ROLES_IN_EXAMPLES) {
    let kept = 0;
    for (const c of candidates) {
      if (c.m.role !== role || kept === EXAMPLES_PER_CONVERSATION) continue;
      examples.push(example(conv, c.m, c.findings, c.score));
      kept++;
    }
  }
  return {
    key: conv.key,
    part: conv.part,
    ...(conv.client ? { client: conv.client } : {}),
    firstLine: conv.messages[0]?.line ?? 0,
    messages: conv.messages.length,
    clientMessages,
    agentMessages,
    signals,
    ...(action ? { action } : {}),
    maxRisk,
    abusiveMessages,
    ...(incident ? { incident: { ...incident, kinds: [...kinds].sort() } } : {}),
    agents,
    examples,
    days,
    ...(options.keepDetails ? { details } : {}),
  };
}
