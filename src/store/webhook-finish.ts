import { type Kysely, sql } from 'kysely';
import { prepare } from './prepared.ts';
import type { Database } from './schema.ts';
import { turnBatch } from './turn-batch.ts';

/** A delivery's last attempt, as its row records it. */
export type FinishedDelivery = {
  id: string;
  attempts: number;
  status: string;
  error: string | null;
  statusCode: number | null;
  deliveredAt: number | null;
  now: number;
  attemptLog: string;
};

/**
 * Records how deliveries ended, each only while its sender still holds it (pending, and not
 * claimed again since: the same `attempts`). Every delivery ends through here.
 *
 * On PostgreSQL the deliveries that end in one turn of the event loop are recorded by one
 * UPDATE (turn-batch.ts), their values passed as arrays so the SQL never changes and is
 * compiled once; SQLite, whose statements cost no round trip and whose commits are grouped
 * already, records each with its own.
 */
export function createWebhookFinish(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
): (delivery: FinishedDelivery) => Promise<void> {
  if (dialect === 'sqlite') {
    const finish = prepare((p: FinishedDelivery) =>
      db
        .updateTable('webhook_deliveries')
        .set({
          status: p.status,
          lease_until: null,
          last_error: p.error,
          last_status_code: p.statusCode,
          delivered_at: p.deliveredAt,
          updated_at: p.now,
          attempt_log: p.attemptLog,
        })
        .where('id', '=', p.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', p.attempts),
    );
    return async (delivery) => {
      await finish(db, delivery);
    };
  }
  const finishAll = prepare((p: { [K in keyof FinishedDelivery]: FinishedDelivery[K][] }) => {
    const query = sql`update webhook_deliveries as w
      set status = v.status, lease_until = null, last_error = v.error,
        last_status_code = v.status_code, delivered_at = v.delivered_at,
        updated_at = v.now, attempt_log = v.attempt_log
      from unnest(cast(${p.id} as text[]), cast(${p.attempts} as integer[]),
          cast(${p.status} as text[]), cast(${p.error} as text[]),
          cast(${p.statusCode} as integer[]), cast(${p.deliveredAt} as bigint[]),
          cast(${p.now} as bigint[]), cast(${p.attemptLog} as text[]))
        as v(id, attempts, status, error, status_code, delivered_at, now, attempt_log)
      where w.id = v.id and w.status = 'pending' and w.attempts = v.attempts`;
    return { compile: () => query.compile(db) };
  });
  return turnBatch(async (deliveries: FinishedDelivery[]) => {
    await finishAll(db, {
      id: deliveries.map((d) => d.id),
      attempts: deliveries.map((d) => d.attempts),
      status: deliveries.map((d) => d.status),
      error: deliveries.map((d) => d.error),
      statusCode: deliveries.map((d) => d.statusCode),
      deliveredAt: deliveries.map((d) => d.deliveredAt),
      now: deliveries.map((d) => d.now),
      attemptLog: deliveries.map((d) => d.attemptLog),
    });
    return deliveries.map(() => undefined);
  });
}
