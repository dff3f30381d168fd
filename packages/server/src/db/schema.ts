/**
 * The database's tables as Kysely types (columns snake_case, as in migrations.ts). Timestamps come
 * back as Date from both PGlite and pg; counts are cast to int in SQL because pg returns int8 as text.
 */
import type { Generated, Kysely, Transaction } from 'kysely';

type Ts = Date;
type Json = unknown;

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: Ts;
}
export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
  password_hash: string;
  supervisor_id: string | null;
  active: Generated<boolean>;
  created_at: Ts;
}
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  org_id: string;
  csrf_token: string;
  created_at: Ts;
  expires_at: Ts;
}
export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Ts;
  last_used_at: Ts | null;
  revoked_at: Ts | null;
}
export interface ClientsTable {
  id: string;
  org_id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  created_at: Ts;
  updated_at: Ts;
  erased_at: Ts | null;
}
export interface RestrictionsTable {
  id: string;
  org_id: string;
  client_id: string;
  kind: string;
  reason: string;
  author_id: string;
  review_on: string;
  created_at: Ts;
  lifted_at: Ts | null;
  lifted_by: string | null;
  lift_reason: string | null;
}
export interface ConversationsTable {
  id: string;
  org_id: string;
  client_id: string | null;
  channel: string;
  subject: string | null;
  external_ref: string | null;
  status: Generated<'open' | 'closed'>;
  assigned_user_id: string | null;
  created_by: string | null;
  message_count: Generated<number>;
  /** Bumped when stored turns change other than by a new message (erasure); internal. */
  history_version: Generated<number>;
  recommendation: Json | null;
  created_at: Ts;
  updated_at: Ts;
}
export interface MessagesTable {
  id: string;
  org_id: string;
  conversation_id: string;
  seq: number;
  direction: 'inbound' | 'outbound';
  channel: string;
  author_name: string | null;
  author_user_id: string | null;
  text: string;
  lang: string;
  analysis: Json;
  max_severity: number;
  has_abuse: boolean;
  sent_at: Ts | null;
  created_at: Ts;
}
export interface IncidentsTable {
  id: string;
  org_id: string;
  conversation_id: string | null;
  message_id: string | null;
  client_id: string | null;
  kind: string;
  severity: number;
  status: Generated<'open' | 'in_review' | 'closed'>;
  summary: string;
  source: 'auto' | 'manual';
  reported_by: string | null;
  created_at: Ts;
  updated_at: Ts;
  closed_at: Ts | null;
}
export interface IncidentEvidenceTable {
  id: string;
  org_id: string;
  incident_id: string;
  message_id: string | null;
  signal_id: string | null;
  start_offset: number;
  end_offset: number;
  quote: string;
  created_at: Ts;
}
export interface IncidentExposedTable {
  incident_id: string;
  user_id: string;
  org_id: string;
}
export interface EscalationsTable {
  id: string;
  org_id: string;
  conversation_id: string | null;
  incident_id: string | null;
  raised_by: string;
  supervisor_id: string | null;
  reason: string;
  status: Generated<'raised' | 'acknowledged' | 'taken_over' | 'resolved'>;
  support_note: string | null;
  acknowledged_at: Ts | null;
  acknowledged_by: string | null;
  taken_over_at: Ts | null;
  taken_over_by: string | null;
  resolved_at: Ts | null;
  resolved_by: string | null;
  created_at: Ts;
  updated_at: Ts;
}
export interface DebriefsTable {
  id: string;
  org_id: string;
  incident_id: string;
  due_at: Ts;
  scheduled_at: Ts | null;
  completed_at: Ts | null;
  facilitator_id: string | null;
  what_happened: string | null;
  went_well: string | null;
  do_differently: string | null;
  strategy: string | null;
  created_at: Ts;
  updated_at: Ts;
}
export interface CommitmentsTable {
  id: string;
  org_id: string;
  conversation_id: string | null;
  client_id: string | null;
  made_by: string;
  what: string;
  to_whom: string;
  due_at: Ts;
  status: Generated<'open' | 'kept' | 'broken' | 'cancelled'>;
  resolved_at: Ts | null;
  created_at: Ts;
  updated_at: Ts;
}
export interface WellbeingTable {
  id: string;
  org_id: string;
  user_id: string;
  incident_id: string | null;
  mood: number;
  note: string | null;
  wants_to_talk: boolean;
  created_at: Ts;
}
export interface AuditLogTable {
  seq: Generated<number>;
  org_id: string;
  at: Ts;
  actor_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  data: Json;
  prev_hash: string;
  hash: string;
}

export interface IntegrationEndpointsTable {
  id: string;
  org_id: string;
  kind: 'chatwoot' | 'generic';
  name: string;
  secret: string;
  acting_user_id: string;
  active: Generated<boolean>;
  created_at: Ts;
}
export interface InboundDeliveriesTable {
  endpoint_id: string;
  external_id: string;
  message_id: string | null;
  received_at: Ts;
}
export interface OutboundDeliveriesTable {
  id: string;
  org_id: string;
  channel: 'webhook' | 'email';
  event: string;
  target: string;
  status: 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: Ts;
}

export interface TrainingSessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  persona: string;
  lang: 'fr' | 'en';
  scenario: number;
  /** The session's 32-bit seed, as decimal text. */
  seed: string;
  replies: Json;
  outcome: 'resolved' | 'escalated' | 'failed' | 'abandoned';
  reason: string;
  turns: number;
  overall: number;
  skills: Json;
  created_at: Ts;
}

export interface ImportRunsTable {
  id: string;
  org_id: string;
  source: string;
  status: 'running' | 'queued' | 'done';
  jobs: Generated<number>;
  created_by: string | null;
  summary: Json | null;
  created_at: Ts;
  updated_at: Ts;
}
export interface ImportedConversationsTable {
  org_id: string;
  source: string;
  external_id: string;
  conversation_id: string;
  created_at: Ts;
}
export interface ImportedMessagesTable {
  org_id: string;
  source: string;
  external_id: string;
  message_id: string;
  job_id: string | null;
  created_at: Ts;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  clients: ClientsTable;
  restrictions: RestrictionsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  incidents: IncidentsTable;
  incident_evidence: IncidentEvidenceTable;
  incident_exposed: IncidentExposedTable;
  escalations: EscalationsTable;
  debriefs: DebriefsTable;
  commitments: CommitmentsTable;
  wellbeing_checkins: WellbeingTable;
  audit_log: AuditLogTable;
  training_sessions: TrainingSessionsTable;
  integration_endpoints: IntegrationEndpointsTable;
  inbound_deliveries: InboundDeliveriesTable;
  outbound_deliveries: OutboundDeliveriesTable;
  import_runs: ImportRunsTable;
  imported_conversations: ImportedConversationsTable;
  imported_messages: ImportedMessagesTable;
}

export type Db = Kysely<DB>;
/** A database handle or an open transaction: domain functions accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;
