#!/usr/bin/env -S node --max-semi-space-size=8
// Runs the TypeScript CLI directly: tsx compiles on load, so there is no build step. The
// flags are the server's (src/kernel/node-flags.ts): `otpd serve` runs like `npm start`.
import { register } from 'tsx/esm/api';

register();
const { cliMain } = await import('../src/cli/executable.ts');
await cliMain(process.argv.slice(2));
