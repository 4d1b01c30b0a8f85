import { describe, expect, it } from 'vitest';
import { describeDatabase } from '../../deps/open-databases.ts';
import { ConfigError, loadConfig } from '../../kernel/config/config.ts';

const SECRET = 'a-server-secret-of-at-least-32-characters';
const URL_WITH_PASSWORD = 'postgres://otpd:hunter2@db.internal:5432/otpd';

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('the configuration was accepted');
}

describe('database settings', () => {
  it('defaults to the embedded SQLite file with a pool size of 10', () => {
    const config = loadConfig({});
    expect(config.OTPD_DATABASE_URL).toBeUndefined();
    expect(config.OTPD_DATABASE_POOL_SIZE).toBe(10);
    expect(describeDatabase(config)).toBe('data/otpd.db');
  });

  it('takes a postgres:// or postgresql:// URL and a pool size', () => {
    for (const url of [URL_WITH_PASSWORD, 'postgresql://localhost/otpd']) {
      const config = loadConfig({
        OTPD_DATABASE_URL: url,
        OTPD_SECRET: SECRET,
        OTPD_DATABASE_POOL_SIZE: '25',
      });
      expect(config.OTPD_DATABASE_URL).toBe(url);
      expect(config.OTPD_DATABASE_POOL_SIZE).toBe(25);
    }
  });

  it('requires OTPD_SECRET with a database URL, since instances must share it', () => {
    const message = failure({ OTPD_DATABASE_URL: URL_WITH_PASSWORD });
    expect(message).toMatch(/^OTPD_SECRET: required with OTPD_DATABASE_URL/m);
    expect(message).not.toContain('hunter2');
  });

  it('reports the missing secret beside other mistakes', () => {
    const message = failure({ OTPD_DATABASE_URL: URL_WITH_PASSWORD, OTPD_PORT: 'x' });
    expect(message).toMatch(/^OTPD_PORT: /m);
    expect(message).toMatch(/^OTPD_SECRET: /m);
  });

  it('refuses another scheme or a bad pool size without echoing the URL', () => {
    const message = failure({
      OTPD_DATABASE_URL: 'mysql://otpd:hunter2@db/otpd',
      OTPD_SECRET: SECRET,
      OTPD_DATABASE_POOL_SIZE: '0',
    });
    expect(message).toMatch(/^OTPD_DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL$/m);
    expect(message).toMatch(/^OTPD_DATABASE_POOL_SIZE: must be a whole number from 1 to 1000$/m);
    expect(message).not.toContain('hunter2');
  });

  it('names the database without its password or options', () => {
    const config = loadConfig({
      OTPD_DATABASE_URL: `${URL_WITH_PASSWORD}?sslmode=require&password=hunter3`,
      OTPD_SECRET: SECRET,
    });
    expect(describeDatabase(config)).toBe('postgres://otpd@db.internal:5432/otpd');
  });
});
