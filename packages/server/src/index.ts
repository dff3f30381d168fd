/**
 * @sangfroid/server — the team's memory over HTTP: `createApp(deps)` (in-process, testable),
 * `startServer()` (reads the environment, listens), `openDatabase()` (PGlite or PostgreSQL, migrated).
 */
export { type DomainEvent, type DomainEventName, EventBus } from './alerts/event-bus.ts';
export { type Actor, USER_ROLES, type UserRole } from './auth/actor.ts';
export { hashPassword } from './auth/passwords.ts';
export { type Config, defaultConfig, ENV_SCHEMA, loadConfig } from './config.ts';
export { type Database, type OpenDatabaseOptions, openDatabase } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { MIGRATIONS } from './db/migrations.ts';
export type { DB, Db } from './db/schema.ts';
export { type AppDeps, type Clock, systemClock } from './deps.ts';
export { type AuditVerification, verifyAuditChain } from './domain/audit.ts';
export {
  findImportedMessageKeys,
  type ImportedConversationInput,
  type ImportedIncidentInput,
  type ImportedMessageInput,
  type StoreImportResult,
  storeImportedConversations,
} from './domain/imports.ts';
export { countUsers, createOrganisationWithAdmin } from './domain/users.ts';
export { AppError, ERROR_STATUS, type ErrorCode } from './errors.ts';
export { type App, createApp } from './http/app.ts';
export {
  BUILT_IN_INTEGRATIONS,
  createEndpoint,
  createNotifier,
  ENDPOINT_KINDS,
  type EndpointKind,
  type Integration,
  type IntegrationContext,
  type NotificationJob,
  notificationOptions,
} from './integrations/index.ts';
export { createLogger, type Logger, silentLogger } from './logger.ts';
export { type RunningServer, type StartOptions, startServer } from './main.ts';
export {
  type JobCounts,
  type JobInfo,
  type JobQueue,
  type NewJob,
  openJobQueue,
  QUEUES,
  type QueueName,
} from './queue/index.ts';
