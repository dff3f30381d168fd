#!/usr/bin/env node
// Entry point of the `sangfroid` command: runs the TypeScript sources through tsx, so that a fresh
// clone works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main(process.argv);
