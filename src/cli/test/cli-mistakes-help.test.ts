import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupProcesses, runCli, tempDir } from '../../../test/helpers/process.ts';

afterEach(() => cleanupProcesses());

describe('otpd CLI: mistakes and help', () => {
  it('ends quietly when its reader stops reading, as `otpd --help | head -1` does', async () => {
    const child = spawn(process.execPath, ['bin/otpd.js', '--help'], {
      cwd: join(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the CLI has started: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('refuses an unknown app or key with exit 1 and one line', async () => {
    const env = { OTPD_DATA_DIR: tempDir() };
    for (const args of [
      ['keys', 'create', 'app_nope', '--json'],
      ['keys', 'list', 'app_nope'],
    ]) {
      const result = await runCli(args, env);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toBe('otpd: no app app_nope\n');
    }
    const revoke = await runCli(['keys', 'revoke', 'key_nope'], env);
    expect(revoke.code).toBe(1);
    expect(revoke.stderr).toBe('otpd: no active key key_nope\n');
  });

  it('explains a missing --name with the usage of apps create', async () => {
    const dataDir = tempDir();
    const result = await runCli(['apps', 'create'], { OTPD_DATA_DIR: dataDir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("required option '--name <name>'");
    expect(result.stderr).toContain('Usage: otpd apps create');
    expect(result.stdout).toBe('');
    const list = await runCli(['apps', 'list', '--json'], { OTPD_DATA_DIR: dataDir });
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('lists every command in otpd --help', async () => {
    const result = await runCli(['--help'], { OTPD_DATA_DIR: tempDir() });
    expect(result.code).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'apps create',
      'apps list',
      'keys create',
      'keys list',
      'keys revoke',
    ]) {
      expect(result.stdout, command).toMatch(new RegExp(`^\\s+(otpd )?${command}\\b`, 'm'));
    }
  });

  it('migrates a fresh data dir and exits 0', async () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const result = await runCli(['migrate'], { OTPD_DATA_DIR: dataDir });
    expect(result).toMatchObject({ code: 0, stdout: 'migrations applied\n', stderr: '' });
    const file = join(dataDir, 'otpd.db');
    expect(existsSync(file)).toBe(true);
    // Key and code hashes live here: private to the service's user.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const db = new Database(file, { readonly: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    db.close();
    expect(tables).toEqual(
      expect.arrayContaining(['apps', 'api_keys', 'verifications', 'outbox_jobs']),
    );
    // The message log is a file of its own, just as private.
    const log = join(dataDir, 'messages.db');
    expect(statSync(log).mode & 0o777).toBe(0o600);
    const logDb = new Database(log, { readonly: true });
    const logTables = logDb.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    logDb.close();
    expect(logTables).toContainEqual({ name: 'message_log' });
    const twice = await runCli(['migrate'], { OTPD_DATA_DIR: dataDir });
    expect(twice.code).toBe(0);
  });
});
