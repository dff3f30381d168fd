import assert from 'node:assert/strict';
import { it } from 'node:test';
import * as server from './index.ts';

it('pins the public export list of @sangfroid/server', () => {
  assert.deepEqual(Object.keys(server).sort(), [
    'AppError',
    'BUILT_IN_INTEGRATIONS',
    'ENDPOINT_KINDS',
    'ENV_SCHEMA',
    'ERROR_STATUS',
    'EventBus',
    'MIGRATIONS',
    'QUEUES',
    'USER_ROLES',
    'countUsers',
    'createApp',
    'createEndpoint',
    'createLogger',
    'createNotifier',
    'createOrganisationWithAdmin',
    'defaultConfig',
    'findImportedMessageKeys',
    'hashPassword',
    'loadConfig',
    'migrate',
    'notificationOptions',
    'openDatabase',
    'openJobQueue',
    'silentLogger',
    'startServer',
    'storeImportedConversations',
    'systemClock',
    'verifyAuditChain',
  ]);
});

it('reads the environment through one schema with documented defaults', () => {
  const config = server.loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.dataDir, '.sangfroid/data');
  assert.equal(config.debriefDueHours, 48);
  assert.equal(config.databaseUrl, undefined);
  assert.equal(server.loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db' }).port, 8080);
  assert.throws(() => server.loadConfig({ PORT: 'abc' }), /PORT/);
  assert.throws(() => server.loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
});
