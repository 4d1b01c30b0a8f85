import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/postgres.ts';
import { RECORD_T0 as T0 } from '../../../test/helpers/records.ts';
import type { EventSink } from '../../ports/store.ts';
import { WEBHOOK_EVENTS } from '../../settings/domain/settings.ts';
import { deliveriesFor } from '../../webhooks/event-announcer.ts';
import { createKyselyStore, type KyselyStore } from '../kysely-store.ts';
import { preparingPool } from '../postgres/preparing-pool.ts';
import type { Database } from '../schema.ts';

/** Hands `seen` each statement `client` is given, and how many others were unanswered then. */
export function watchQueries(
  client: pg.PoolClient,
  seen: (text: string, unanswered: number) => void,
): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let unanswered = 0;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text: string };
    seen(typeof first === 'string' ? first : first.text, unanswered);
    unanswered++;
    const answer = query(...args);
    const answered = () => {
      unanswered--;
    };
    answer.then(answered, answered);
    return answer;
  };
}

/**
 * A PostgreSQL store whose connections count the statements the hot path sends and the round
 * trips they take: each round trip is a wait on a busy event loop, and each statement costs
 * the server, the largest costs of the clustered bench (docs/performance.md), so the hot
 * operations hold both down. The pool pipelines, as the store's own does (postgres-store.ts).
 */
export function recordedPostgresStore() {
  let database: TestDatabase;
  let store: KyselyStore;
  let db: Kysely<Database>;
  let url: string;
  /** The first words of every statement a connection was given, in order. */
  let sent: string[] = [];
  /** How many of those were given while no other was unanswered: each begins a round trip. */
  let roundTrips = 0;

  /** Records what `client` is given. */
  const recording = (client: pg.PoolClient) =>
    watchQueries(client, (text, unanswered) => {
      sent.push(text.split(/\s+/).slice(0, 3).join(' '));
      if (unanswered === 0) roundTrips++;
    });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  beforeEach(async () => {
    const schema = await database.createSchema();
    url = schema.url;
    const pool = new pg.Pool({ connectionString: schema.url, max: 2, pipeline: true });
    pool.on('connect', recording);
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    });
    store = createKyselyStore(db, 'postgres');
    await store.migrate();
    await store.createApp({ id: 'app_1', name: 'Acme', createdAt: T0 });
    sent = [];
    return async () => {
      await store.close();
      await schema.drop();
    };
  });

  return {
    /** The store of the test running now: each call goes to the one its `beforeEach` made. */
    store: new Proxy({} as KyselyStore, {
      get: (_target, name) => {
        const value = Reflect.get(store, name);
        return typeof value === 'function' ? value.bind(store) : value;
      },
    }),
    /** Its database, for rows no store operation writes. */
    get db() {
      return db;
    },
    /** Where another connection reaches the same schema. */
    get url() {
      return url;
    },
    /** The statements `run` sends, and the round trips they take. */
    async statementsOf(run: () => Promise<unknown>) {
      sent = [];
      roundTrips = 0;
      await run();
      return { sent, roundTrips };
    },
  };
}

const hooks = [{ url: 'https://hooks.example/otp', events: [...WEBHOOK_EVENTS], secret: 'x' }];
/** A sink subscribed to every event at one URL. */
export const sink: EventSink = (event) => deliveriesFor(event.verification.appId, hooks, event, T0);
