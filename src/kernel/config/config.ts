import { readFileSync } from 'node:fs';
import { type Config, configSchema } from './config-schema.ts';
import { tlsMismatch } from './tls-files.ts';

/*
 * Loading the configuration: the environment over an optional JSON file, parsed once by the
 * schema (src/kernel/config/config-schema.ts) and the rules between its settings below.
 */

export type { Config } from './config-schema.ts';

const isObject = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null;

/** The rules between settings; reported beside any bad field rather than after it is fixed. */
const crossFieldRules = configSchema
  .refine((c) => !c.OTPD_DATABASE_URL || c.OTPD_SECRET, {
    path: ['OTPD_SECRET'],
    message:
      'required with OTPD_DATABASE_URL: every instance on one database must share the server secret',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .refine((c) => !c.OTPD_METRICS_PORT || c.OTPD_METRICS_PORT !== c.OTPD_PORT, {
    path: ['OTPD_METRICS_PORT'],
    message: 'must differ from OTPD_PORT (leave it unset to serve /metrics on OTPD_PORT)',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .refine((c) => !c.OTPD_TLS_KEY_FILE || c.OTPD_TLS_CERT_FILE, {
    path: ['OTPD_TLS_CERT_FILE'],
    message: 'required with OTPD_TLS_KEY_FILE: https needs both the certificate and its key',
    when: isObject,
  })
  .refine((c) => !c.OTPD_TLS_CERT_FILE || c.OTPD_TLS_KEY_FILE, {
    path: ['OTPD_TLS_KEY_FILE'],
    message: 'required with OTPD_TLS_CERT_FILE: https needs both the certificate and its key',
    when: isObject,
  })
  .superRefine((c, ctx) => {
    const mismatch = tlsMismatch(c);
    if (mismatch) {
      ctx.addIssue({
        code: 'custom',
        path: ['OTPD_TLS_KEY_FILE'],
        message: `does not serve with OTPD_TLS_CERT_FILE: ${mismatch}`,
      });
    }
  });

/** A bad setting, with one line per offending variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The file's settings: a JSON object whose keys are known setting names (a typo is an error). */
function readConfigFile(file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`OTPD_CONFIG_FILE: cannot read ${file}: ${error}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`OTPD_CONFIG_FILE: ${file} must hold a JSON object of settings`);
  }
  const unknown = Object.keys(parsed).filter((key) => !(key in configSchema.shape));
  if (unknown.length > 0) {
    throw new ConfigError(`OTPD_CONFIG_FILE: unknown setting ${unknown.join(', ')} in ${file}`);
  }
  return parsed as Record<string, unknown>;
}

/** Parses the environment (and the optional file) once; throws ConfigError naming each field. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const fromFile = env.OTPD_CONFIG_FILE ? readConfigFile(env.OTPD_CONFIG_FILE) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const key of Object.keys(configSchema.shape)) {
    if (env[key] !== undefined && env[key] !== '') merged[key] = env[key];
  }
  const parsed = crossFieldRules.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration\n${lines.join('\n')}`);
  }
  return parsed.data;
}
