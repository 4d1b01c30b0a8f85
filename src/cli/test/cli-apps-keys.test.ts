import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../test/helpers/http-client.ts';
import {
  cleanupProcesses,
  createAppWithCli,
  runCli,
  startServerProcess,
  tempDir,
} from '../../../test/helpers/process.ts';
import { API_SCOPES } from '../../apps/domain/api-scopes.ts';

afterEach(() => cleanupProcesses());

/** Every cell of every table in a SQLite file, as text. */
function everyCell(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['apps', 'api_keys']));
    return tables.flatMap(({ name }) =>
      (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).flatMap((row) =>
        Object.values(row).map((value) => String(value)),
      ),
    );
  } finally {
    db.close();
  }
}

describe('otpd CLI: apps and keys', () => {
  it('creates an app, prints its key once as JSON and stores only its SHA-256 hash', async () => {
    const dataDir = tempDir();
    const result = await runCli(['apps', 'create', '--name', 'Shop', '--json'], {
      OTPD_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const created = JSON.parse(result.stdout);
    expect(created).toMatchObject({
      id: expect.stringMatching(/^app_/),
      name: 'Shop',
      apiKey: expect.stringMatching(/^otpd_.{40,}$/),
      keyId: expect.stringMatching(/^key_/),
    });

    const cells = everyCell(join(dataDir, 'otpd.db'));
    const secretPart = created.apiKey.slice('otpd_'.length + 6);
    expect(cells.some((cell) => cell.includes(secretPart))).toBe(false);
    const hash = createHash('sha256').update(created.apiKey).digest('hex');
    expect(cells).toContain(hash);

    // Nor in any file of the data dir (the WAL included), in any form.
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(secretPart), file).toBe(false);
      expect(bytes.includes(Buffer.from(secretPart, 'base64url')), file).toBe(false);
    }
  });

  it('lists apps as text and as JSON', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const empty = await runCli(['apps', 'list'], env);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('no apps yet');

    const shop = await createAppWithCli(dataDir, 'Shop');
    const bank = await createAppWithCli(dataDir, 'Bank');
    const text = await runCli(['apps', 'list'], env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${shop.id}\\s+Shop\\s+\\d{4}-\\d\\d-\\d\\dT`));
    expect(lines[1]).toMatch(new RegExp(`^${bank.id}\\s+Bank\\s`));
    expect(text.stdout).not.toContain(shop.apiKey);

    const json = await runCli(['apps', 'list', '--json'], env);
    expect(json.code).toBe(0);
    const apps = JSON.parse(json.stdout);
    expect(apps).toEqual([
      { id: shop.id, name: 'Shop', createdAt: expect.any(String) },
      { id: bank.id, name: 'Bank', createdAt: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(apps[0].createdAt))).toBe(false);
  });

  it('creates, lists and revokes keys', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = await createAppWithCli(dataDir);

    const created = await runCli(['keys', 'create', app.id, '--json'], env);
    expect(created.code).toBe(0);
    const second = JSON.parse(created.stdout);
    expect(second).toEqual({
      id: expect.stringMatching(/^key_/),
      appId: app.id,
      apiKey: expect.stringMatching(/^otpd_/),
      scopes: [...API_SCOPES],
    });
    expect(second.apiKey).not.toBe(app.apiKey);
    expect(second.id).not.toBe(app.keyId);

    const listed = await runCli(['keys', 'list', app.id], env);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${app.keyId}\\s+${app.apiKey.slice(0, 11)}…\\s+active\\s+${API_SCOPES.join(' ')}$`,
      ),
    );
    expect(lines[1]).toMatch(new RegExp(`^${second.id}\\s+.*active\\s+verifications `));
    expect(listed.stdout).not.toContain(app.apiKey);
    expect(listed.stdout).not.toContain(second.apiKey);

    const revoked = await runCli(['keys', 'revoke', app.keyId], env);
    expect(revoked).toMatchObject({ code: 0, stdout: `revoked ${app.keyId}\n` });
    const again = await runCli(['keys', 'revoke', app.keyId], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`otpd: no active key ${app.keyId}\n`);

    const json = JSON.parse((await runCli(['keys', 'list', app.id, '--json'], env)).stdout);
    expect(json).toEqual([
      {
        id: app.keyId,
        prefix: app.apiKey.slice(0, 11),
        scopes: [...API_SCOPES],
        createdAt: expect.any(String),
        revokedAt: expect.any(String),
      },
      {
        id: second.id,
        prefix: second.apiKey.slice(0, 11),
        scopes: [...API_SCOPES],
        createdAt: expect.any(String),
        revokedAt: null,
      },
    ]);
    const text = await runCli(['keys', 'list', app.id], env);
    expect(text.stdout).toMatch(new RegExp(`^${app.keyId}\\s.*revoked \\d{4}-`, 'm'));
  });
});

describe('otpd CLI: key scopes', () => {
  it('issues a key with only the scopes named and lists its scopes', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = await createAppWithCli(dataDir);
    const created = await runCli(
      ['keys', 'create', app.id, '--scope', 'verifications', '--scope', 'messages:read', '--json'],
      env,
    );
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key.scopes).toEqual(['verifications', 'messages:read']);

    const listed = await runCli(['keys', 'list', app.id], env);
    expect(listed.stdout).toMatch(
      new RegExp(`^${key.id}\\s+\\S+…\\s+active\\s+verifications messages:read$`, 'm'),
    );
  });

  it('refuses a scope it does not know, naming the ones there are', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const result = await runCli(['keys', 'create', app.id, '--scope', 'messages:write'], {
      OTPD_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `otpd: unknown scope messages:write; the scopes are ${API_SCOPES.join(', ')}\n`,
    );
  });
});

describe('otpd CLI next to a running server on the same data dir', () => {
  it('issues keys the server accepts and revokes them within the key refresh interval', async () => {
    const dataDir = tempDir();
    // A running server trusts a key it found active for OTPD_API_KEY_REFRESH_MS.
    const server = await startServerProcess({
      OTPD_DATA_DIR: dataDir,
      OTPD_API_KEY_REFRESH_MS: '200',
    });
    const app = await createAppWithCli(dataDir, 'Live Shop');
    const client = createClient(server.url, app.apiKey);

    const started = await client.post('/v1/verifications', { to: '+14155550100' });
    expect(started.status).toBe(201);
    expect(started.body.appId).toBe(app.id);

    const extra = JSON.parse(
      (await runCli(['keys', 'create', app.id, '--json'], { OTPD_DATA_DIR: dataDir })).stdout,
    );
    const extraClient = createClient(server.url, extra.apiKey);
    expect((await extraClient.get(`/v1/verifications/${started.body.id}`)).status).toBe(200);

    const revoked = await runCli(['keys', 'revoke', app.keyId], { OTPD_DATA_DIR: dataDir });
    expect(revoked.code).toBe(0);
    await expect
      .poll(async () => (await client.get(`/v1/verifications/${started.body.id}`)).status)
      .toBe(401);
    const refused = await client.post('/v1/verifications', { to: '+14155550101' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('invalid_api_key');

    // The other key of the app is untouched.
    const still = await extraClient.post('/v1/verifications', { to: '+14155550101' });
    expect(still.status).toBe(201);
  });
});
