import { type Kysely, sql } from 'kysely';
import { STATUS_RANK } from '../../receipts/domain/message-status.ts';
import type { MessageAttempt, MessageEvent, MessageLogEntry } from '../message-log-ports.ts';
import { toEntry } from './message-log-rows.ts';
import type { MessageLogDatabase, MessageLogTable } from './schema.ts';

/** One write to the log, as the write-behind queue carries it. */
export type MessageLogWrite =
  | { kind: 'attempt'; attempt: MessageAttempt }
  | { kind: 'status'; appId: string; id: string; event: MessageEvent };

type Db = Kysely<MessageLogDatabase>;

/** The stored status's rank (domain/message-status.ts), as SQL. */
const rankOf = sql.raw(
  `(case status ${Object.entries(STATUS_RANK)
    .map(([status, rank]) => `when '${status}' then ${rank}`)
    .join(' ')} else 0 end)`,
);

function eventJson(event: MessageEvent): string {
  const { status, at, error } = event;
  return JSON.stringify(error ? { status, at, error } : { status, at });
}

function attemptRow(a: MessageAttempt): MessageLogTable {
  const first: MessageEvent = { status: a.status, at: a.createdAt, error: a.errorCode };
  return {
    id: a.id,
    app_id: a.appId,
    verification_id: a.verificationId,
    channel: a.channel,
    destination: a.to,
    country: a.country,
    provider: a.provider,
    provider_message_id: a.providerMessageId,
    status: a.status,
    timeline: `[${eventJson(first)}]`,
    latency_ms: Math.max(0, Math.round(a.latencyMs)),
    error_code: a.errorCode,
    price_amount: null,
    price_currency: null,
    tx_code: a.txCode,
    device_id: a.deviceId,
    message_id: a.messageId,
    created_at: a.createdAt,
  };
}

/** The log's writes over a connection or a transaction; the dialect only changes JSON. */
export function createMessageLogWrites(dialect: 'sqlite' | 'postgres') {
  // One statement appends to the stored array, so concurrent receipts never overwrite each other.
  const appended = (event: MessageEvent) =>
    dialect === 'postgres'
      ? sql<string>`(timeline::jsonb || ${eventJson(event)}::jsonb)::text`
      : sql<string>`json_insert(timeline, '$[#]', json(${eventJson(event)}))`;

  async function insertAttempts(db: Db, attempts: readonly MessageAttempt[]): Promise<void> {
    await db.insertInto('message_log').values(attempts.map(attemptRow)).execute();
  }

  async function appendStatus(
    db: Db,
    appId: string,
    id: string,
    event: MessageEvent,
  ): Promise<MessageLogEntry | undefined> {
    // Decided inside the statement against the stored status, so racing receipts cannot
    // move it back; RETURNING hands back the row as this statement left it.
    const moves = sql<boolean>`${STATUS_RANK[event.status]} > ${rankOf}`;
    const row = await db
      .updateTable('message_log')
      .set({
        status: sql<string>`case when ${moves} then ${event.status} else status end`,
        timeline: appended(event),
        ...(event.error
          ? { error_code: sql<string>`case when ${moves} then ${event.error} else error_code end` }
          : {}),
        // The newest price a receipt reports stands, whatever the status does.
        ...(event.price
          ? { price_amount: event.price.amount, price_currency: event.price.currency }
          : {}),
      })
      .where('app_id', '=', appId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toEntry(row);
  }

  /** One write on its own. */
  async function applyOne(db: Db, w: MessageLogWrite): Promise<MessageLogEntry | undefined> {
    if (w.kind === 'attempt') return void (await insertAttempts(db, [w.attempt]));
    return appendStatus(db, w.appId, w.id, w.event);
  }

  /**
   * Several writes in order, in one transaction: each run of attempts is one multi-row
   * insert, each status one update (it may name an attempt inserted just before it).
   */
  async function applyBatch(
    db: Db,
    writes: readonly MessageLogWrite[],
  ): Promise<(MessageLogEntry | undefined)[]> {
    return db.transaction().execute(async (trx) => {
      const results: (MessageLogEntry | undefined)[] = [];
      let attempts: MessageAttempt[] = [];
      const insertRun = async () => {
        if (attempts.length > 0) await insertAttempts(trx, attempts);
        attempts = [];
      };
      for (const w of writes) {
        if (w.kind === 'attempt') {
          attempts.push(w.attempt);
          results.push(undefined);
          continue;
        }
        await insertRun();
        results.push(await appendStatus(trx, w.appId, w.id, w.event));
      }
      await insertRun();
      return results;
    });
  }

  return { applyOne, applyBatch };
}

/**
 * What a process log may say about a failed write: the database's error code and its message
 * with every quoted value cut out, so no destination or code from the write reaches the log.
 */
export function writeErrorSummary(error: unknown): { code: string | null; reason: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: typeof code === 'string' ? code : null,
    reason: message.replace(/"[^"]*"|'[^']*'/g, '"…"').slice(0, 200),
  };
}
