/**
 * What one message-log write costs, one at a time against batched (SQLite, the embedded
 * mode's own `messages.db`). Not part of `npm test`:
 *
 *   node --import tsx bench/message-log-writes.ts [--writes 6000]
 *
 * Writes `--writes` attempts through the log's real `recordAttempt` in bursts of 1, 5 and
 * 20 made together (as the dispatcher finishes several leased jobs at once), once with
 * batches of one (each write its own commit) and once with the log's default batching, and
 * prints the process's CPU time and the wall time per write.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMessageIdSource } from '../src/message-log/adapters/message-ids.ts';
import { createSqliteMessageLog } from '../src/message-log/adapters/sqlite-message-log.ts';

const { values } = parseArgs({ options: { writes: { type: 'string', default: '6000' } } });
const WRITES = Number(values.writes);

async function measure(maxBatch: number | undefined, burst: number) {
  const dir = mkdtempSync(join(tmpdir(), 'otpd-bench-log-writes-'));
  const log = createSqliteMessageLog(join(dir, 'messages.db'), { maxBatch });
  await log.migrate();
  const nextId = createMessageIdSource();
  const write = (i: number) => {
    const now = Date.now();
    return log.recordAttempt({
      id: nextId(now),
      appId: 'app_a',
      verificationId: `ver_${i}`,
      channel: 'sms',
      to: `+90555${String(i % 100_000).padStart(7, '0')}`,
      country: 'TR',
      provider: 'sandbox',
      providerMessageId: `pm_${i}`,
      status: 'sent',
      latencyMs: 3,
      errorCode: null,
      txCode: `tx_${i}`,
      deviceId: `dev_${i % 50}`,
      messageId: `m_${i}`,
      createdAt: now,
    });
  };
  try {
    for (let i = 0; i < 500; i++) await write(-i - 1);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < WRITES; i += burst) {
      await Promise.all(Array.from({ length: burst }, (_, k) => write(i + k)));
    }
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - t0;
    return {
      cpu: Math.round((cpu.user + cpu.system) / WRITES),
      wall: Math.round((wallMs * 1000) / WRITES),
    };
  } finally {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  'burst  one by one: CPU µs/write  wall µs/write   batched: CPU µs/write  wall µs/write',
);
for (const burst of [1, 5, 20]) {
  const single = await measure(1, burst);
  const batched = await measure(undefined, burst);
  console.log(
    `${String(burst).padStart(5)}  ${String(single.cpu).padStart(24)}  ${String(single.wall).padStart(13)}` +
      `  ${String(batched.cpu).padStart(21)}  ${String(batched.wall).padStart(13)}`,
  );
}
