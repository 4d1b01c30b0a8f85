import { z } from 'zod';
import { parseDialectHosts } from '../dialect-hosts.ts';
import { BUILT_IN_PROVIDER_NAMES } from '../provider-names.ts';
import { cidrList, commaList, flag, int, readableFile } from './setting-types.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting otpd reads, by its environment variable name. The same names may be given
 * in a JSON file named by OTPD_CONFIG_FILE; the environment wins over the file.
 * Secrets have no defaults.
 */
export const configSchema = z.object({
  OTPD_PORT: int(0, 65535).default(8080).describe('HTTP port'),
  OTPD_HOST: z.string().min(1).default('0.0.0.0').describe('Interface to listen on'),
  OTPD_TLS_CERT_FILE: readableFile()
    .optional()
    .describe(
      'PEM certificate chain: with OTPD_TLS_KEY_FILE, otpd serves https itself (also on ' +
        'OTPD_METRICS_PORT); unset = plain http, e.g. behind a proxy that ends TLS',
    ),
  OTPD_TLS_KEY_FILE: readableFile()
    .optional()
    .describe("PEM private key of OTPD_TLS_CERT_FILE's certificate; set both or neither"),
  OTPD_DATA_DIR: z
    .string()
    .min(1)
    .default('./data')
    .describe('Embedded mode: directory of the SQLite database and the generated server key'),
  OTPD_SQLITE_SYNCHRONOUS: z
    .enum(['normal', 'full'])
    .default('normal')
    .describe(
      'Embedded mode: how otpd.db commits reach the disk. normal survives a crash of otpd; ' +
        'full also survives an OS crash or power loss, at one fsync per commit',
    ),
  OTPD_DATABASE_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v),
      'must be a postgres:// or postgresql:// URL',
    )
    .optional()
    .describe('Clustered mode: the PostgreSQL database (postgres://…); unset = embedded SQLite'),
  OTPD_DATABASE_POOL_SIZE: int(1, 1_000)
    .default(10)
    .describe('PostgreSQL connections each instance may hold open'),
  OTPD_MESSAGE_LOG_URL: z
    .string()
    .refine(
      (v) => /^postgres(ql)?:\/\//.test(v) && URL.canParse(v),
      'must be a postgres:// or postgresql:// URL',
    )
    .optional()
    .describe(
      'The message log in its own PostgreSQL database; unset = OTPD_DATABASE_URL (own tables) ' +
        'when that is set, else the SQLite file messages.db in the data dir',
    ),
  OTPD_MESSAGE_LOG_RETENTION_DAYS: int(1, 3_650)
    .default(90)
    .describe('Message log entries older than this many days are deleted'),
  OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS: int(1_000, 86_400_000)
    .default(3_600_000)
    .describe('How often the server deletes message log entries past their retention'),
  OTPD_CONSOLE_IDLE_MINUTES: int(1, 1_440)
    .default(30)
    .describe('An admin console session ends after this many minutes without a request'),
  OTPD_CONSOLE_SESSION_HOURS: int(1, 168)
    .default(12)
    .describe('An admin console session ends this many hours after login, however active'),
  OTPD_SANDBOX_RETENTION_HOURS: int(1, 8_760)
    .default(24)
    .describe(
      'Messages the sandbox (console) provider captured, which hold plaintext codes, are ' +
        'deleted this many hours after they were made; purged with the message log',
    ),
  OTPD_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .describe(
      'Server secret for code hashes and outbox encryption; generated into the data dir when unset',
    ),
  OTPD_PREVIOUS_SECRETS: commaList(
    z.string().min(32, 'each previous secret must be at least 32 characters'),
  ).describe('Comma-separated retired secrets, still accepted for codes made before a rotation'),
  OTPD_LOG_LEVEL: z.enum(LOG_LEVELS).default('info').describe('pino log level'),
  OTPD_SHUTDOWN_GRACE_MS: int(0, 600_000)
    .default(10_000)
    .describe('On SIGTERM, how long in-flight requests may take before the process exits'),
  OTPD_DISPATCH_INTERVAL_MS: int(10, 60_000)
    .default(1_000)
    .describe('How often the dispatcher looks for due jobs when nothing woke it'),
  OTPD_DISPATCH_LEASE_MS: int(1_000, 3_600_000)
    .default(30_000)
    .describe(
      'How long a delivery job or webhook delivery claimed by one instance is its alone; ' +
        'renewed every third of it while the work runs, so if the instance dies another ' +
        'takes the work over within this long',
    ),
  OTPD_DISPATCH_CONCURRENCY: int(1, 10_000)
    .default(64)
    .describe('Deliveries one instance has in flight at once, all apps together'),
  OTPD_DISPATCH_APP_CONCURRENCY: int(1, 10_000)
    .default(16)
    .describe("Deliveries of one app in flight at once: one app's slow gateway holds no more"),
  OTPD_DISPATCH_PROVIDER_CONCURRENCY: int(1, 10_000)
    .default(32)
    .describe(
      'Calls in flight at once to one provider (its type and host, e.g. one SMS gateway), ' +
        'all apps together; a job whose first provider is at this cap waits one poll interval',
    ),
  OTPD_WEBHOOK_CONCURRENCY: int(1, 10_000)
    .default(128)
    .describe('Webhook deliveries one instance sends at once, all apps together'),
  OTPD_WEBHOOK_APP_CONCURRENCY: int(1, 10_000)
    .default(32)
    .describe("Webhook deliveries of one app sent at once: one app's slow receiver holds no more"),
  OTPD_WEBHOOK_RETENTION_DAYS: int(1, 3_650)
    .default(30)
    .describe(
      'Days a delivered or failed webhook delivery stays in the delivery log; purged with the ' +
        'message log, every OTPD_MESSAGE_LOG_PURGE_INTERVAL_MS',
    ),
  OTPD_EXPIRY_SWEEP_INTERVAL_MS: int(100, 3_600_000)
    .default(5_000)
    .describe(
      'How often pending verifications whose time ran out are written down as expired, ' +
        'which is when webhooks hear `verification.expired`',
    ),
  OTPD_SETTINGS_REFRESH_MS: int(0, 60_000)
    .default(2_000)
    .describe(
      'How long a process uses cached app settings before checking the database for a ' +
        'change made elsewhere (the CLI, another instance)',
    ),
  OTPD_API_KEY_REFRESH_MS: int(0, 60_000)
    .default(2_000)
    .describe(
      'How long a process trusts an API key it found active before checking the database ' +
        'again: the most a key revoked elsewhere (the CLI, another instance) still works there',
    ),
  OTPD_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .max(2_048)
    .refine((v) => !/[?#]/.test(v), 'must have no query or fragment')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional()
    .describe(
      'The URL providers reach otpd at (https://otp.example.com), e.g. behind a proxy: Twilio ' +
        'receipt signatures are checked against it; unset = the URL the request names',
    ),
  OTPD_ALLOW_NETWORKS: cidrList().describe(
    'Comma-separated CIDRs that app-configured URLs may reach although internal (loopback, private, link-local); default none',
  ),
  OTPD_TRUST_PROXY: cidrList().describe(
    'Comma-separated CIDRs of reverse proxies whose X-Forwarded-For gives the client address, ' +
      'which per-IP limits count when a request names no clientIp; default none: the ' +
      'connection address is used',
  ),
  OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART: flag()
    .default(false)
    .describe(
      'Accept email destinations with a quoted local part ("john smith"@example.com); ' +
        'default false: refused as invalid_recipient',
    ),
  OTPD_METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .describe(
      'Bearer token a scrape of /metrics must send (Authorization: Bearer …); unset = open',
    ),
  OTPD_METRICS_PORT: int(0, 65535)
    .optional()
    .describe(
      'Serve /metrics on this port only (on OTPD_HOST), apart from the API; unset = on OTPD_PORT',
    ),
  OTPD_METRICS_PROVIDERS: commaList(z.string().min(1))
    .transform((names) => (names.length > 0 ? names : [...BUILT_IN_PROVIDER_NAMES]))
    .describe(
      'Comma-separated provider names that keep their own `provider` label in the metrics; ' +
        'every other name is counted as `other`. Default: console, convertalk-twilio, web-messenger',
    ),
  OTPD_REDIS_URL: z
    .string()
    .refine(
      (v) => /^rediss?:\/\//.test(v) && URL.canParse(v),
      'must be a redis:// or rediss:// URL',
    )
    .optional()
    .describe('Clustered mode: the Redis holding rate-limit counters; unset = in process memory'),
  OTPD_REDIS_KEY_PREFIX: z
    .string()
    .min(1)
    .max(100)
    .default('otpd:rl:')
    .describe('Put before every Redis key, so several deployments can share one Redis'),
  OTPD_DIALECT_HOSTS: commaList(z.string())
    .transform((entries, ctx) => {
      const hosts = parseDialectHosts(entries);
      if (typeof hosts !== 'string') return hosts;
      ctx.addIssue({ code: 'custom', message: hosts });
      return z.NEVER;
    })
    .describe(
      'Comma-separated DIALECT=HOST pairs (twilio, beem), e.g. twilio=verify.example.com: ' +
        'requests whose Host is HOST are served by that compatible API at the root, so SDKs ' +
        'with a hard-coded host work after a DNS change; default none',
    ),
});

export type Config = z.infer<typeof configSchema>;
