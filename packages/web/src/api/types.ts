/** The server's resources as the web app reads them (packages/server/API.md). */
import type { Analysis, Finding } from '@sangfroid/core';

export type UserRole = 'agent' | 'supervisor' | 'admin';

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly supervisorId: string | null;
  readonly active: boolean;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
}

export interface Session {
  readonly user: User;
  readonly organisation: Organisation;
  readonly csrfToken: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface Recommendation {
  readonly action: string;
  readonly why?: string;
  readonly reason?: string;
  readonly [k: string]: unknown;
}

export interface Conversation {
  readonly id: string;
  readonly clientId: string | null;
  readonly channel: string;
  readonly subject: string | null;
  readonly externalRef?: string | null;
  readonly status: 'open' | 'closed';
  readonly assignedUserId: string | null;
  readonly messageCount?: number;
  readonly recommendation?: Recommendation | null;
  readonly createdAt: string;
  readonly updatedAt?: string;
}

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly seq: number;
  readonly direction: 'inbound' | 'outbound';
  readonly channel: string;
  readonly authorName: string | null;
  readonly text: string;
  readonly lang: string;
  readonly analysis: Analysis;
  readonly hasAbuse?: boolean;
  readonly maxSeverity?: number;
  readonly createdAt: string;
}

export interface ConversationDetail extends Conversation {
  readonly messages: readonly Message[];
}

export interface Client {
  readonly id: string;
  readonly name: string;
  readonly company: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly notes: string | null;
  readonly createdAt: string;
}

export type RestrictionKind = 'written_contact_only' | 'two_staff_present' | 'service_suspended' | 'other';

export interface Restriction {
  readonly id: string;
  readonly clientId: string;
  readonly kind: RestrictionKind;
  readonly reason: string;
  readonly reviewOn: string;
  readonly createdAt: string;
  readonly liftedAt: string | null;
  readonly liftReason?: string | null;
}

export interface ClientDetail extends Client {
  readonly risk: Readonly<Record<string, unknown>> | null;
  readonly restrictions: readonly Restriction[];
}

export interface Incident {
  readonly id: string;
  readonly conversationId: string | null;
  readonly clientId: string | null;
  readonly kind: string;
  readonly severity: 1 | 2 | 3;
  readonly status: 'open' | 'in_review' | 'closed';
  readonly summary: string;
  readonly source?: 'auto' | 'manual';
  readonly reportedBy?: string | null;
  readonly createdAt: string;
}

export interface Evidence {
  readonly id?: string;
  readonly messageId: string | null;
  readonly signalId?: string | null;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
}

export interface Debrief {
  readonly id: string;
  readonly incidentId: string;
  readonly dueAt: string;
  /** When the supervisor plans to hold it, if planned. */
  readonly scheduledAt?: string | null;
  readonly completedAt: string | null;
  readonly whatHappened: string | null;
  readonly wentWell: string | null;
  readonly doDifferently: string | null;
  readonly strategy: string | null;
  readonly isOverdue?: boolean;
}

export interface Escalation {
  readonly id: string;
  readonly reason: string;
  readonly status: 'raised' | 'acknowledged' | 'taken_over' | 'resolved';
  readonly raisedBy: string;
  readonly supervisorId: string | null;
  readonly incidentId: string | null;
  readonly conversationId: string | null;
  readonly supportNote?: string | null;
  readonly acknowledgedAt?: string | null;
  readonly createdAt: string;
}

export interface IncidentDetail extends Incident {
  readonly evidence: readonly Evidence[];
  readonly exposed: readonly unknown[];
  readonly debrief: Debrief | null;
  readonly escalations: readonly Escalation[];
}

export interface Commitment {
  readonly id: string;
  readonly what: string;
  readonly toWhom: string;
  readonly dueAt: string;
  readonly status: 'open' | 'kept' | 'broken' | 'cancelled';
  readonly clientId: string | null;
  readonly conversationId: string | null;
  readonly isOverdue?: boolean;
}

export interface CheckIn {
  readonly id: string;
  readonly userId: string;
  readonly incidentId: string | null;
  readonly mood: number;
  readonly note: string | null;
  readonly wantsToTalk: boolean;
  readonly createdAt: string;
}

export interface Dashboard {
  readonly periodDays: number;
  readonly incidents: {
    readonly open: number;
    readonly total: number;
    readonly previousPeriodTotal?: number;
    readonly bySeverity: Readonly<Record<string, number>>;
    readonly byKind: Readonly<Record<string, number>>;
    readonly perWeek: readonly { readonly weekStart: string; readonly count: number }[];
  };
  readonly escalations: { readonly open: number; readonly medianMinutesToAcknowledge: number | null };
  readonly debriefs: {
    readonly due: number;
    readonly overdue: number;
    readonly completed: number;
    readonly onTimeRate: number | null;
  };
  readonly commitments: {
    readonly open: number;
    readonly overdue: number;
    readonly kept: number;
    readonly broken: number;
    readonly keptRate: number | null;
  };
  readonly messages: { readonly analysed: number; readonly withAbuse: number };
  readonly [k: string]: unknown;
}

export interface PostMessageResult {
  readonly message: Message;
  readonly incident: Incident | null;
  readonly recommendation: Recommendation | null;
}

export interface AssistResult {
  readonly analysis: Analysis;
  readonly recommendation: Recommendation | null;
  readonly draft: string | null;
  readonly draftCheck: unknown;
}

export type { Analysis, Finding };
