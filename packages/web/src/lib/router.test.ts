import assert from 'node:assert/strict';
import { test } from 'node:test';
import { href, parseRoute, type Route } from './router.ts';

test('hashes map to routes, with ids', () => {
  const table: Array<[string, Route]> = [
    ['', { name: 'assist' }],
    ['#/', { name: 'assist' }],
    ['#/assist/c-12', { name: 'assist', conversationId: 'c-12' }],
    ['#/inbox', { name: 'inbox' }],
    ['#/dashboard?period=30', { name: 'dashboard' }],
    ['#/clients', { name: 'clients' }],
    ['#/clients/42', { name: 'client', id: '42' }],
    ['#/incidents/9', { name: 'incident', id: '9' }],
    ['#/debriefs/3', { name: 'debrief', id: '3' }],
    ['#/training', { name: 'training' }],
    ['#/login', { name: 'login' }],
  ];
  for (const [hash, route] of table) assert.deepEqual(parseRoute(hash), route, hash);
});

test('unknown paths, extra segments and odd ids are not found', () => {
  for (const hash of ['#/nope', '#/inbox/1', '#/clients/1/2', '#/clients/<img>', '#/incidents']) {
    assert.equal(parseRoute(hash).name, 'not_found', hash);
  }
});

test('href is the inverse of parseRoute', () => {
  const routes: Route[] = [
    { name: 'assist' },
    { name: 'assist', conversationId: 'abc' },
    { name: 'client', id: '7' },
    { name: 'incident', id: '8' },
    { name: 'debrief', id: '9' },
    { name: 'dashboard' },
  ];
  for (const r of routes) assert.deepEqual(parseRoute(href(r)), r);
});
