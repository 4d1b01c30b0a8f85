import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../test/helpers/http-client.ts';
import {
  cleanupProcesses,
  createAppWithCli,
  readSandboxCode,
  runCli,
  startServerProcess,
  tempDir,
} from '../../../test/helpers/process.ts';

afterEach(() => cleanupProcesses());

const WEBHOOK_SECRET = 'whsec_C2FtcGxlLXNlY3JldC1mb3ItY2xp';

function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('otpd apps show / apps update', () => {
  it('shows defaults, replaces settings from a file, and shows secrets masked', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = await createAppWithCli(dataDir, 'Shop');

    const fresh = await runCli(['apps', 'show', app.id, '--json'], env);
    expect(fresh.code).toBe(0);
    const shown = JSON.parse(fresh.stdout);
    expect(shown).toMatchObject({ id: app.id, name: 'Shop', settingsRevision: 0 });
    expect(shown.settings.verification.codeLength).toBe(6);
    expect(shown.settings.channels.sms.providers).toEqual([{ type: 'console' }]);

    const file = writeJson(dataDir, 'settings.json', {
      verification: { codeLength: 8 },
      defaultLocale: 'sw',
      templates: { sms: { sw: 'Nambari yako ya {{app}} ni {{code}}' } },
      webhooks: [
        { url: 'https://hooks.example/a', events: ['message.sent'], secret: WEBHOOK_SECRET },
      ],
    });
    const updated = await runCli(['apps', 'update', app.id, '--settings', file], env);
    expect(updated.stderr).toBe('');
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('revision 1');

    const after = await runCli(['apps', 'show', app.id, '--json'], env);
    const settings = JSON.parse(after.stdout).settings;
    expect(settings.verification.codeLength).toBe(8);
    expect(settings.defaultLocale).toBe('sw');
    expect(settings.webhooks[0].secret).toBe('••••Y2xp');
    expect(after.stdout).not.toContain(WEBHOOK_SECRET);

    // The masked document goes back unchanged: the secret is kept, the revision moves on.
    const roundTrip = writeJson(dataDir, 'again.json', settings);
    const again = await runCli(['apps', 'update', app.id, '--settings', roundTrip], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('revision 2');

    const text = await runCli(['apps', 'show', app.id], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`app      ${app.id}  Shop`);
    expect(text.stdout).toContain('settings revision 2');
    expect(text.stdout).not.toContain(WEBHOOK_SECRET);

    for (const name of readdirSync(dataDir).filter((n) => n.startsWith('otpd.db'))) {
      expect(readFileSync(join(dataDir, name)).includes(WEBHOOK_SECRET), name).toBe(false);
    }
  });

  it('refuses an invalid document naming each bad field, exits 1 and saves nothing', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = await createAppWithCli(dataDir);
    const file = writeJson(dataDir, 'bad.json', {
      verification: { codeLength: 2, maxSends: 0 },
      channels: { sms: { providers: [{ type: 'pigeon' }] } },
      extra: true,
    });
    const result = await runCli(['apps', 'update', app.id, '--settings', file], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    for (const field of [
      'verification.codeLength',
      'verification.maxSends',
      'channels.sms.providers.0.type',
      'extra',
    ]) {
      expect(result.stderr).toContain(field);
    }
    expect(result.stderr).toContain('nothing saved');
    const shown = JSON.parse((await runCli(['apps', 'show', app.id, '--json'], env)).stdout);
    expect(shown.settingsRevision).toBe(0);
  });

  it('names an unknown app, an unreadable file and a file that is not JSON', async () => {
    const dataDir = tempDir();
    const env = { OTPD_DATA_DIR: dataDir };
    const app = await createAppWithCli(dataDir);
    const good = writeJson(dataDir, 'ok.json', {});
    const missingApp = await runCli(['apps', 'update', 'app_nope', '--settings', good], env);
    expect(missingApp.code).toBe(1);
    expect(missingApp.stderr).toContain('no app app_nope');
    expect((await runCli(['apps', 'show', 'app_nope'], env)).stderr).toContain('no app app_nope');

    const missingFile = await runCli(
      ['apps', 'update', app.id, '--settings', join(dataDir, 'absent.json')],
      env,
    );
    expect(missingFile.code).toBe(1);
    expect(missingFile.stderr).toContain('cannot read');

    const notJson = writeJson(dataDir, 'broken.json', '{"verification": ');
    const broken = await runCli(['apps', 'update', app.id, '--settings', notJson], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('reaches a running server within its refresh interval', async () => {
    const dataDir = tempDir();
    const app = await createAppWithCli(dataDir);
    const server = await startServerProcess({
      OTPD_DATA_DIR: dataDir,
      OTPD_SETTINGS_REFRESH_MS: '300',
    });
    const client = createClient(server.url, app.apiKey);
    const codeLength = async (to: string) => {
      const { body } = await client.post('/v1/verifications', { to });
      return (await readSandboxCode(client, body.id)).length;
    };
    expect(await codeLength('+905551260001')).toBe(6); // the server has cached the defaults

    const file = writeJson(dataDir, 's.json', { verification: { codeLength: 8 } });
    const updated = await runCli(['apps', 'update', app.id, '--settings', file], {
      OTPD_DATA_DIR: dataDir,
    });
    expect(updated.code).toBe(0);
    const changedAt = Date.now();
    let seen = 6;
    for (let i = 0; seen !== 8 && Date.now() - changedAt < 5_000; i++) {
      seen = await codeLength(`+9055512610${String(i).padStart(2, '0')}`);
    }
    expect(seen).toBe(8);
    expect(Date.now() - changedAt).toBeLessThan(3_000);
  });
});
