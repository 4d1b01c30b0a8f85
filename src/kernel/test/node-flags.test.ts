import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../node-flags.ts';

const root = join(import.meta.dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the server’s Node flags', () => {
  it('are what `npm start` runs the server with', () => {
    const start = JSON.parse(read('package.json')).scripts.start as string;
    expect(start).toBe(`exec node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.mjs`);
  });

  it('are what the otpd command (`otpd serve`, `npm run otpd -- serve`) runs with', () => {
    const otpd = JSON.parse(read('package.json')).scripts.otpd as string;
    expect(otpd).toBe(`exec node ${SERVER_NODE_FLAGS.join(' ')} bin/otpd.js`);
    const shebang = read('bin/otpd.js').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
  });

  it('are what the bench starts its servers with', () => {
    expect(read('bench/server-child.ts')).toContain('execArgv: [...SERVER_NODE_FLAGS],');
  });
});
