/**
 * The versioned, forward-only migrations, in order. One SQL dialect (PostgreSQL) serves both the
 * embedded PGlite and a PostgreSQL server. Never edit an applied migration: append a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const INITIAL = /* sql */ `
create table organisations (
  id uuid primary key,
  name text not null,
  created_at timestamptz not null
);

create table users (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  email text not null,
  name text not null,
  role text not null check (role in ('agent', 'supervisor', 'admin')),
  password_hash text not null,
  supervisor_id uuid references users(id),
  active boolean not null default true,
  created_at timestamptz not null
);
create unique index users_email_key on users (lower(email));
create index users_org_idx on users (org_id);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  org_id uuid not null references organisations(id),
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  user_id uuid not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table clients (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  name text not null,
  company text,
  email text,
  phone text,
  notes text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  erased_at timestamptz
);
create index clients_org_idx on clients (org_id, created_at desc, id desc);

create table restrictions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  client_id uuid not null references clients(id),
  kind text not null check (kind in ('written_contact_only', 'two_staff_present', 'service_suspended', 'other')),
  reason text not null,
  author_id uuid not null references users(id),
  review_on text not null check (review_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  created_at timestamptz not null,
  lifted_at timestamptz,
  lifted_by uuid references users(id),
  lift_reason text
);
create index restrictions_client_idx on restrictions (client_id);

create table conversations (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  client_id uuid references clients(id),
  channel text not null,
  subject text,
  external_ref text,
  status text not null default 'open' check (status in ('open', 'closed')),
  assigned_user_id uuid references users(id),
  created_by uuid references users(id),
  message_count integer not null default 0,
  recommendation jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index conversations_org_idx on conversations (org_id, created_at desc, id desc);

create table messages (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  conversation_id uuid not null references conversations(id),
  seq integer not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  channel text not null,
  author_name text,
  author_user_id uuid references users(id),
  text text not null,
  lang text not null,
  analysis jsonb not null,
  max_severity integer not null default 0,
  has_abuse boolean not null default false,
  sent_at timestamptz,
  created_at timestamptz not null,
  unique (conversation_id, seq)
);
create index messages_org_created_idx on messages (org_id, created_at);

create table incidents (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  conversation_id uuid references conversations(id),
  message_id uuid references messages(id),
  client_id uuid references clients(id),
  kind text not null,
  severity integer not null check (severity between 1 and 3),
  status text not null default 'open' check (status in ('open', 'in_review', 'closed')),
  summary text not null,
  source text not null check (source in ('auto', 'manual')),
  reported_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz
);
create index incidents_org_idx on incidents (org_id, created_at desc, id desc);

create table incident_evidence (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null references incidents(id),
  message_id uuid references messages(id),
  signal_id text,
  start_offset integer not null check (start_offset >= 0),
  end_offset integer not null check (end_offset >= start_offset),
  quote text not null,
  created_at timestamptz not null
);
create index incident_evidence_incident_idx on incident_evidence (incident_id);

create table incident_exposed (
  incident_id uuid not null references incidents(id),
  user_id uuid not null references users(id),
  org_id uuid not null references organisations(id),
  primary key (incident_id, user_id)
);
create index incident_exposed_user_idx on incident_exposed (user_id);

create table escalations (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  conversation_id uuid references conversations(id),
  incident_id uuid references incidents(id),
  raised_by uuid not null references users(id),
  supervisor_id uuid references users(id),
  reason text not null,
  status text not null default 'raised' check (status in ('raised', 'acknowledged', 'taken_over', 'resolved')),
  support_note text,
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id),
  taken_over_at timestamptz,
  taken_over_by uuid references users(id),
  resolved_at timestamptz,
  resolved_by uuid references users(id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index escalations_org_idx on escalations (org_id, created_at desc, id desc);

create table debriefs (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  incident_id uuid not null unique references incidents(id),
  due_at timestamptz not null,
  completed_at timestamptz,
  facilitator_id uuid references users(id),
  what_happened text,
  went_well text,
  do_differently text,
  strategy text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index debriefs_org_idx on debriefs (org_id, due_at);

create table commitments (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  conversation_id uuid references conversations(id),
  client_id uuid references clients(id),
  made_by uuid not null references users(id),
  what text not null,
  to_whom text not null,
  due_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'kept', 'broken', 'cancelled')),
  resolved_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index commitments_org_idx on commitments (org_id, created_at desc, id desc);

create table wellbeing_checkins (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  user_id uuid not null references users(id),
  incident_id uuid references incidents(id),
  mood integer not null check (mood between 1 and 5),
  note text,
  wants_to_talk boolean not null default false,
  created_at timestamptz not null
);
create index wellbeing_user_idx on wellbeing_checkins (user_id, created_at desc);

create table audit_log (
  seq integer generated always as identity primary key,
  org_id uuid not null references organisations(id),
  at timestamptz not null,
  actor_id uuid,
  entity_type text not null,
  entity_id uuid not null,
  action text not null,
  data jsonb not null,
  prev_hash text not null,
  hash text not null
);
create index audit_log_org_idx on audit_log (org_id, seq);
create index audit_log_entity_idx on audit_log (entity_id);

-- Append-only, enforced by the database itself: the audit log and incident evidence can be
-- inserted, never changed or removed (the hash chain then detects anything done around this).
create function sangfroid_forbid_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function sangfroid_forbid_change();
create trigger incident_evidence_append_only before update or delete on incident_evidence
  for each row execute function sangfroid_forbid_change();
`;

/** Integrations: signed inbound endpoints (Chatwoot, generic JSON), delivery de-duplication, outbound log. */
const INTEGRATIONS = /* sql */ `
create table integration_endpoints (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  kind text not null check (kind in ('chatwoot', 'generic')),
  name text not null,
  secret text not null,
  acting_user_id uuid not null references users(id),
  active boolean not null default true,
  created_at timestamptz not null
);
create index integration_endpoints_org_idx on integration_endpoints (org_id);

create table inbound_deliveries (
  endpoint_id uuid not null references integration_endpoints(id),
  external_id text not null,
  message_id uuid references messages(id),
  received_at timestamptz not null,
  primary key (endpoint_id, external_id)
);

create table outbound_deliveries (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  channel text not null check (channel in ('webhook', 'email')),
  event text not null,
  target text not null,
  status text not null check (status in ('sent', 'failed')),
  attempts integer not null,
  last_error text,
  created_at timestamptz not null
);
create index outbound_deliveries_org_idx on outbound_deliveries (org_id, created_at desc);
`;

/**
 * Training: each finished simulator session of a user (issue #6). The server replays the session
 * from its seed and replies with the core engine, so the stored scores are its own.
 */
const TRAINING = /* sql */ `
create table training_sessions (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  user_id uuid not null references users(id),
  persona text not null,
  lang text not null check (lang in ('fr', 'en')),
  scenario integer not null,
  -- a 32-bit unsigned seed, kept as text (no int8-as-string driver differences)
  seed text not null,
  replies jsonb not null,
  outcome text not null check (outcome in ('resolved', 'escalated', 'failed', 'abandoned')),
  reason text not null,
  turns integer not null,
  overall integer not null check (overall between 0 and 100),
  skills jsonb not null,
  created_at timestamptz not null
);
create index training_sessions_user_idx on training_sessions (org_id, user_id, created_at desc, id desc);
create index training_sessions_org_idx on training_sessions (org_id, created_at desc, id desc);
`;

/**
 * Imports of exported history (issue #8): natural keys from the export (source + the export's own
 * conversation and message ids, or a content hash) make importing the same export twice, or
 * resuming a stopped import, store nothing twice.
 */
const IMPORTS = /* sql */ `
create table import_runs (
  id uuid primary key,
  org_id uuid not null references organisations(id),
  source text not null,
  status text not null check (status in ('running', 'queued', 'done')),
  jobs integer not null default 0,
  created_by uuid references users(id),
  summary jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index import_runs_org_idx on import_runs (org_id, created_at desc, id desc);

create table imported_conversations (
  org_id uuid not null references organisations(id),
  source text not null,
  external_id text not null,
  conversation_id uuid not null references conversations(id),
  created_at timestamptz not null,
  primary key (org_id, source, external_id)
);

create table imported_messages (
  org_id uuid not null references organisations(id),
  source text not null,
  external_id text not null,
  message_id uuid not null references messages(id),
  job_id text,
  created_at timestamptz not null,
  primary key (org_id, source, external_id)
);
create index imported_messages_message_idx on imported_messages (message_id);
`;

/** When the supervisor has planned to hold the debrief (the method: within hours or days). */
const DEBRIEF_SCHEDULE = /* sql */ `
alter table debriefs add column scheduled_at timestamptz;
`;

/**
 * A conversation's history version, bumped when stored turns change other than by a new message
 * (erasure): servers caching recent turns (domain/history-cache.ts) write only at the version they
 * read, so one instance's erasure cannot be undone by another instance's cache.
 */
const HISTORY_VERSION = /* sql */ `
alter table conversations add column history_version integer not null default 0;
`;

/**
 * A conversation's abusive messages, counted by every abusive ingest (repeated abuse escalates):
 * without it the count reads every message of the conversation, a cost that grows with its length
 * (60 messages: ~350 → ~80 µs per count on PGlite, in process). Partial: only abusive rows.
 */
const ABUSIVE_MESSAGES = /* sql */ `
create index messages_abusive_idx on messages (conversation_id) where has_abuse;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: INITIAL },
  { version: 2, name: 'integrations', sql: INTEGRATIONS },
  { version: 3, name: 'training', sql: TRAINING },
  { version: 4, name: 'imports', sql: IMPORTS },
  { version: 5, name: 'debrief_schedule', sql: DEBRIEF_SCHEDULE },
  { version: 6, name: 'history_version', sql: HISTORY_VERSION },
  { version: 7, name: 'abusive_messages', sql: ABUSIVE_MESSAGES },
];
