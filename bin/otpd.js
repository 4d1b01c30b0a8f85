#!/usr/bin/env -S node --max-semi-space-size=8
// Runs the CLI as compiled into dist/server by `npm install` (`npm run build:server` compiles
// it again). The flags are the server's (src/kernel/node-flags.ts): `otpd serve` runs like
// `npm start`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/server/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'otpd: the CLI is not built: run "npm run build:server" (npm install runs it)\n',
  );
  process.exit(1);
}
const { cliMain } = await import(cli.href);
await cliMain(process.argv.slice(2));
