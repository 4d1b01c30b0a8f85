import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupProcesses, runCli as runProcess, tempDir } from '../../../test/helpers/process.ts';
import { runCli as runInProcess } from '../main.ts';

afterEach(() => cleanupProcesses());

/** The CLI in this process (fast); the first test runs the real executable. */
async function runCli(args: string[], env: Record<string, string>, input?: string) {
  let stdout = '';
  let stderr = '';
  const code = await runInProcess(args, {
    out: (text) => {
      stdout += text;
    },
    err: (text) => {
      stderr += text;
    },
    env: { OTPD_LOG_LEVEL: 'silent', ...env },
    stdin: async () => input ?? '',
  });
  return { code, stdout, stderr };
}

const PASSWORD = 'a long and uncommon passphrase 7';

describe('otpd CLI: admins and the audit log', () => {
  it('creates an admin from a password on standard input, stored only as an argon2id hash', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = await runCli(['apps', 'create', '--name', 'Shop', '--json'], env);
    const shop = JSON.parse(app.stdout);
    const created = await runProcess(
      [
        'admins',
        'create',
        '--email',
        'Ada@Example.com',
        '--role',
        'viewer',
        '--app',
        shop.id,
        '--password-stdin',
        '--json',
      ],
      env,
      `${PASSWORD}\n`,
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      email: 'ada@example.com',
      role: 'viewer',
      appIds: [shop.id],
      totp: false,
      disabledAt: null,
    });
    const db = new Database(join(dataDir, 'otpd.db'), { readonly: true });
    const row = db.prepare('select password_hash from admins').get() as { password_hash: string };
    db.close();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);

    const again = await runCli(
      ['admins', 'create', '--email', 'ada@example.com', '--role', 'owner', '--password-stdin'],
      env,
      PASSWORD,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('an admin with email ada@example.com exists');

    const list = await runCli(['admins', 'list', '--json'], env);
    expect(JSON.parse(list.stdout).map((a: { email: string }) => a.email)).toEqual([
      'ada@example.com',
    ]);
    const text = await runCli(['admins', 'list'], env);
    expect(text.stdout).toMatch(/ada@example\.com {2}viewer {2}app_/);
  });

  it('refuses short and common passwords, a missing --password-stdin, unknown roles and apps', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const owner = ['admins', 'create', '--email', 'o@example.com', '--role', 'owner'];
    const cases: [string[], string, RegExp][] = [
      [[...owner, '--password-stdin'], 'short pass', /at least 12 characters/],
      [[...owner, '--password-stdin'], 'qwerty123456', /most common/],
      [[...owner, '--password-stdin'], '1q2w3e4r5t6y', /most common/],
      [[...owner, '--password-stdin'], 'aaaaaaaaaaaaaaaa', /most common/],
      [owner, PASSWORD, /--password-stdin/],
      [
        ['admins', 'create', '--email', 'o@example.com', '--role', 'root', '--password-stdin'],
        PASSWORD,
        /owner, admin, viewer, agent/,
      ],
      [
        ['admins', 'create', '--email', 'o@example.com', '--role', 'agent', '--password-stdin'],
        PASSWORD,
        /at least one --app/,
      ],
      [
        [
          'admins',
          'create',
          '--email',
          'o@example.com',
          '--role',
          'agent',
          '--app',
          'app_none',
          '--password-stdin',
        ],
        PASSWORD,
        /no app app_none/,
      ],
    ];
    for (const [args, input, message] of cases) {
      const result = await runCli(args, env, input);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    const list = await runCli(['admins', 'list'], env);
    expect(list.stdout).toContain('no admins yet');
  });

  it('disables an admin', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    await runCli(
      ['admins', 'create', '--email', 'o@example.com', '--role', 'owner', '--password-stdin'],
      env,
      PASSWORD,
    );
    const disabled = await runCli(['admins', 'disable', 'O@example.com'], env);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toBe('disabled o@example.com\n');
    expect((await runCli(['admins', 'disable', 'o@example.com'], env)).code).toBe(1);
    const list = await runCli(['admins', 'list', '--json'], env);
    expect(JSON.parse(list.stdout)[0].disabledAt).toEqual(expect.any(String));
  });

  it('audits apps and keys made and revoked from the CLI, never with the key itself', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = JSON.parse(
      (await runCli(['apps', 'create', '--name', 'Shop', '--json'], env)).stdout,
    );
    const key = JSON.parse(
      (await runCli(['keys', 'create', app.id, '--scope', 'analytics:read', '--json'], env)).stdout,
    );
    expect((await runCli(['keys', 'revoke', key.id], env)).code).toBe(0);
    expect((await runCli(['keys', 'revoke', key.id], env)).code).toBe(1);

    const db = new Database(join(dataDir, 'otpd.db'), { readonly: true });
    const rows = db
      .prepare('select actor, action, app_id, target, details from audit_log order by seq')
      .all() as {
      actor: string;
      action: string;
      app_id: string;
      target: string;
      details: string;
    }[];
    db.close();
    expect(rows.map((r) => [r.actor, r.action, r.app_id, r.target])).toEqual([
      ['cli', 'app.created', app.id, app.id],
      ['cli', 'key.created', app.id, app.keyId],
      ['cli', 'key.created', app.id, key.id],
      ['cli', 'key.revoked', app.id, key.id],
    ]);
    expect(JSON.parse(rows[2]?.details ?? '{}')).toEqual({ scopes: ['analytics:read'] });
    const written = JSON.stringify(rows);
    expect(written).not.toContain(app.apiKey);
    expect(written).not.toContain(key.apiKey);
    expect((await runCli(['audit', 'verify'], env)).code).toBe(0);
  });

  it('audit verify: OK on an intact chain; names the first edited or deleted entry', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com']) {
      await runCli(
        ['admins', 'create', '--email', email, '--role', 'owner', '--password-stdin'],
        env,
        PASSWORD,
      );
    }
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('OK: 4 entries, the chain is intact\n');

    const file = join(dataDir, 'otpd.db');
    const db = new Database(file);
    db.prepare("update audit_log set target = 'mallory@example.com' where seq = 2").run();
    db.close();
    const edited = await runCli(['audit', 'verify'], env);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('entry 2 was altered');

    const db2 = new Database(file);
    db2.prepare("update audit_log set target = 'b@example.com' where seq = 2").run();
    expect((await runCli(['audit', 'verify'], env)).code).toBe(0);
    db2.prepare('delete from audit_log where seq = 3').run();
    db2.close();
    const deleted = await runCli(['audit', 'verify'], env);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('entry 3 is missing');
  });
});
