import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'otpd-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function configFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('has safe defaults and no default secret', () => {
    expect(loadConfig({})).toEqual({
      OTPD_PORT: 8080,
      OTPD_HOST: '0.0.0.0',
      OTPD_TLS_CERT_FILE: undefined,
      OTPD_TLS_KEY_FILE: undefined,
      OTPD_DATA_DIR: './data',
      OTPD_SQLITE_SYNCHRONOUS: 'normal',
      OTPD_DATABASE_URL: undefined,
      OTPD_DATABASE_POOL_SIZE: 10,
      OTPD_MESSAGE_LOG_URL: undefined,
      OTPD_MESSAGE_LOG_RETENTION_DAYS: 90,
      OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS: 3_600_000,
      OTPD_SECRET: undefined,
      OTPD_PREVIOUS_SECRETS: [],
      OTPD_LOG_LEVEL: 'info',
      OTPD_SHUTDOWN_GRACE_MS: 10_000,
      OTPD_DISPATCH_INTERVAL_MS: 1_000,
      OTPD_DISPATCH_LEASE_MS: 30_000,
      OTPD_DISPATCH_CONCURRENCY: 64,
      OTPD_DISPATCH_APP_CONCURRENCY: 16,
      OTPD_DISPATCH_PROVIDER_CONCURRENCY: 32,
      OTPD_WEBHOOK_CONCURRENCY: 128,
      OTPD_WEBHOOK_APP_CONCURRENCY: 32,
      OTPD_WEBHOOK_RETENTION_DAYS: 30,
      OTPD_EXPIRY_SWEEP_INTERVAL_MS: 5_000,
      OTPD_SETTINGS_REFRESH_MS: 2_000,
      OTPD_API_KEY_REFRESH_MS: 2_000,
      OTPD_ALLOW_NETWORKS: [],
      OTPD_DIALECT_HOSTS: new Map(),
      OTPD_TRUST_PROXY: [],
      OTPD_REDIS_URL: undefined,
      OTPD_REDIS_KEY_PREFIX: 'otpd:rl:',
      OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART: false,
      OTPD_SANDBOX_RETENTION_HOURS: 24,
      OTPD_CONSOLE_IDLE_MINUTES: 30,
      OTPD_CONSOLE_SESSION_HOURS: 12,
      OTPD_METRICS_TOKEN: undefined,
      OTPD_METRICS_PORT: undefined,
      OTPD_METRICS_PROVIDERS: ['console', 'convertalk-twilio', 'web-messenger'],
    });
  });

  it('reads values from the environment, coercing numbers', () => {
    const config = loadConfig({
      OTPD_PORT: '9090',
      OTPD_LOG_LEVEL: 'debug',
      OTPD_SECRET: 's'.repeat(32),
      OTPD_PREVIOUS_SECRETS: ` ${'p'.repeat(32)} , ${'q'.repeat(40)},`,
    });
    expect(config.OTPD_PORT).toBe(9090);
    expect(config.OTPD_LOG_LEVEL).toBe('debug');
    expect(config.OTPD_SECRET).toBe('s'.repeat(32));
    expect(config.OTPD_PREVIOUS_SECRETS).toEqual(['p'.repeat(32), 'q'.repeat(40)]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ OTPD_PORT: '' }).OTPD_PORT).toBe(8080);
  });

  it.each(['abc', '70000', '-1', '80.5'])('refuses OTPD_PORT=%s, naming the variable', (port) => {
    expect(failure({ OTPD_PORT: port }).message).toMatch(
      /^OTPD_PORT: must be a whole number from 0 to 65535$/m,
    );
  });

  it('refuses a secret shorter than 32 characters without echoing it', () => {
    const error = failure({ OTPD_SECRET: 'short-secret-value' });
    expect(error.message).toMatch(/^OTPD_SECRET: /m);
    expect(error.message).not.toContain('short-secret-value');
    expect(failure({ OTPD_PREVIOUS_SECRETS: 'tooshort' }).message).toMatch(/OTPD_PREVIOUS_SECRETS/);
  });

  it('names every offending variable at once', () => {
    const { message } = failure({ OTPD_PORT: 'x', OTPD_LOG_LEVEL: 'loud' });
    expect(message).toMatch(/^OTPD_PORT: /m);
    expect(message).toMatch(/^OTPD_LOG_LEVEL: /m);
  });

  it('reads the JSON file named by OTPD_CONFIG_FILE', () => {
    const file = configFile(
      'file.json',
      JSON.stringify({ OTPD_PORT: 9000, OTPD_HOST: '127.0.0.1', OTPD_LOG_LEVEL: 'warn' }),
    );
    expect(loadConfig({ OTPD_CONFIG_FILE: file })).toMatchObject({
      OTPD_PORT: 9000,
      OTPD_HOST: '127.0.0.1',
      OTPD_LOG_LEVEL: 'warn',
    });
  });

  it('lets the environment win over the file', () => {
    const file = configFile('both.json', JSON.stringify({ OTPD_PORT: 9000, OTPD_HOST: '::1' }));
    const config = loadConfig({ OTPD_CONFIG_FILE: file, OTPD_PORT: '9001' });
    expect(config.OTPD_PORT).toBe(9001);
    expect(config.OTPD_HOST).toBe('::1');
  });

  it('validates values from the file like the environment', () => {
    const file = configFile('bad.json', JSON.stringify({ OTPD_PORT: 'eighty' }));
    expect(failure({ OTPD_CONFIG_FILE: file }).message).toMatch(/^OTPD_PORT: /m);
  });

  it('refuses a missing or malformed file, naming OTPD_CONFIG_FILE', () => {
    expect(failure({ OTPD_CONFIG_FILE: join(dir, 'absent.json') }).message).toMatch(
      /^OTPD_CONFIG_FILE: /,
    );
    const broken = configFile('broken.json', '{ "OTPD_PORT": ');
    expect(failure({ OTPD_CONFIG_FILE: broken }).message).toMatch(/^OTPD_CONFIG_FILE: /);
  });

  it('refuses unknown settings and non-object files, naming OTPD_CONFIG_FILE', () => {
    const typo = configFile('typo.json', JSON.stringify({ OTPD_PROT: 9000 }));
    expect(failure({ OTPD_CONFIG_FILE: typo }).message).toMatch(
      /^OTPD_CONFIG_FILE: unknown setting OTPD_PROT/,
    );
    const scalar = configFile('scalar.json', JSON.stringify('OTPD_PORT=9000'));
    expect(failure({ OTPD_CONFIG_FILE: scalar }).message).toMatch(/must hold a JSON object/);
  });
});
