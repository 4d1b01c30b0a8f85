/**
 * `node --import tsx bench/costs.ts [--iterations N]`: what each building block of otpd's hot
 * path costs, in µs per call, measured in-process on the embedded store (no sockets, no
 * load generator). Read it beside `npm run bench -- --cpu-prof` to see where a request's
 * time goes and what a change would save.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { DATABASE_FILE } from '../src/deps/open-databases.ts';
import { createDeps } from '../src/deps.ts';
import { loadConfig } from '../src/kernel/config/config.ts';
import { newId } from '../src/kernel/ids.ts';
import { normalizeRecipient } from '../src/kernel/recipients.ts';
import { BENCH_SETTINGS, randomDestination } from './workloads.ts';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '2000' } } });
const N = Number(values.iterations);

const rows: [string, number][] = [];

/** Runs `fn` N/5 times to warm up, then N times; records the mean µs per call. */
async function time(label: string, fn: (i: number) => unknown, n = N): Promise<void> {
  for (let i = 0; i < Math.ceil(n / 5); i++) await fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  rows.push([label, Number(process.hrtime.bigint() - started) / 1000 / n]);
}

const dataDir = mkdtempSync(join(tmpdir(), 'otpd-costs-'));
const deps = createDeps(loadConfig({ OTPD_DATA_DIR: dataDir, OTPD_LOG_LEVEL: 'warn' }));
await deps.store.migrate();
await deps.messageLog.migrate();
const app = await buildApp(deps);
await app.ready();
const { app: owner, apiKey } = await deps.apps.createApp('Costs');
await deps.settings.replace(owner.id, BENCH_SETTINGS);
const raw = new SqliteDatabase(join(dataDir, DATABASE_FILE));
raw.pragma('busy_timeout = 5000');

try {
  const ids: string[] = [];
  const code = '123456';
  const hashed = deps.keyring.hashCode('ver_x', code);
  const sealed = deps.keyring.encrypt(code, 'job_x');

  await time('newId()', () => newId('ver'));
  await time('normalizeRecipient() (libphonenumber, max metadata)', () =>
    normalizeRecipient(randomDestination(), 'sms'),
  );
  await time('keyring.hashCode() (HMAC-SHA256)', (i) => deps.keyring.hashCode(`ver_${i}`, code));
  await time('keyring.verifyCode()', () =>
    deps.keyring.verifyCode('ver_x', code, hashed.hash, hashed.keyId),
  );
  await time('keyring.encrypt() (AES-256-GCM)', (i) => deps.keyring.encrypt(code, `job_${i}`));
  await time('keyring.decrypt()', () => deps.keyring.decrypt(sealed, 'job_x'));
  await time('apps.authenticate() (SHA-256 + 1 select)', () => deps.apps.authenticate(apiKey));
  await time('Kysely: store.ping() (select 1)', () => deps.store.ping());
  const select1 = raw.prepare('select 1');
  await time('better-sqlite3 direct: select 1 (prepared once)', () => select1.get());
  const insert = raw.prepare(
    'insert into sandbox_messages (id, app_id, verification_id, destination, channel, body, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  await time('better-sqlite3 direct: insert 1 row, autocommit (a WAL commit)', (i) =>
    insert.run(`msg_costs_${i}_${Math.random()}`, owner.id, 'ver_x', '+1', 'sms', 'body', i),
  );
  await time('verifications.start() (5 statements in 1 transaction)', async () => {
    ids.push((await deps.verifications.start(owner, { to: randomDestination() })).id);
  });
  // Jobs queued by the starts above, delivered the way the running dispatcher does.
  const jobs = ids.length;
  const startedAt = process.hrtime.bigint();
  let delivered = 0;
  while (delivered < jobs) {
    const claimed = await deps.dispatcher.runOnce();
    if (claimed === 0) break;
    delivered += claimed;
  }
  rows.push([
    'dispatcher: deliver one job to the sandbox (batches of 50)',
    Number(process.hrtime.bigint() - startedAt) / 1000 / Math.max(1, delivered),
  ]);
  await time('dispatcher.runOnce() with one job due', async () => {
    await deps.verifications.start(owner, { to: randomDestination() });
    await deps.dispatcher.runOnce();
  });
  rows.push([
    '  minus verifications.start() = one-job round',
    (rows.at(-1)?.[1] ?? 0) - (rows.find((r) => r[0].startsWith('verifications.start'))?.[1] ?? 0),
  ]);
  await time('store.getVerification()', (i) =>
    deps.store.getVerification(owner.id, ids[i % ids.length] as string),
  );
  await time('verifications.check() wrong code (read + atomic update)', (i) =>
    deps.verifications.check(owner.id, ids[i % ids.length] as string, '000000'),
  );
  const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
  const created: string[] = [];
  await time('HTTP inject: POST /v1/verifications (no socket, no dispatch)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/verifications',
      headers,
      payload: `{"to":"${randomDestination()}"}`,
    });
    created.push(response.json().id);
  });
  await time('HTTP inject: POST /v1/verifications/{id}/check', (i) =>
    app.inject({
      method: 'POST',
      url: `/v1/verifications/${created[i % created.length]}/check`,
      headers,
      payload: '{"code":"000000"}',
    }),
  );
  await time('HTTP inject: GET /healthz (framework floor)', () =>
    app.inject({ method: 'GET', url: '/healthz' }),
  );
} finally {
  raw.close();
  await app.close();
  await deps.store.close();
  await deps.messageLog.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([label]) => label.length));
process.stdout.write(`µs per call, mean of ${N} (after ${Math.ceil(N / 5)} warm-up calls)\n`);
for (const [label, us] of rows) {
  process.stdout.write(`${label.padEnd(width)}  ${us.toFixed(1).padStart(8)}\n`);
}
