#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { cliMain } = await import('../src/cli/main.ts');
await cliMain(process.argv.slice(2));
