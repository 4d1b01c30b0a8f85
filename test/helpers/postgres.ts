import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { describeDatabaseUrl } from '../../src/store/postgres/postgres-store.ts';

/**
 * The PostgreSQL server the tests use, through its maintenance database. These tests never
 * skip: when the server is down they fail with a message that says so.
 */
export const POSTGRES_ADMIN_URL =
  process.env.OTPD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throw-away database on the test server; `drop` removes it with every connection to it. */
export interface TestDatabase {
  url: string;
  /** A connection to it for probes and set-up, closed by `drop`. */
  client: Client;
  /** A fresh empty schema; the URL's search_path puts every unqualified table in it. */
  createSchema(): Promise<{ name: string; url: string; drop(): Promise<void> }>;
  drop(): Promise<void>;
}

const randomName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The URL with a search_path of just `schema`, in the `options` startup parameter. */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    const reason =
      error instanceof AggregateError
        ? error.errors.map((e) => String(e?.message ?? e)).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
    throw new Error(
      `PostgreSQL tests cannot reach ${describeDatabaseUrl(url)} (${reason}). ` +
        'Start PostgreSQL or point OTPD_TEST_POSTGRES_URL at a server; these tests never skip.',
    );
  }
  return client;
}

/** Creates `otpd_test_<random>` through the maintenance database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = randomName('otpd_test');
  const admin = await connect(POSTGRES_ADMIN_URL);
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(POSTGRES_ADMIN_URL, name);
  const client = await connect(url);
  return {
    url,
    client,
    async createSchema() {
      const schema = randomName('t');
      await client.query(`create schema ${schema}`);
      return {
        name: schema,
        url: withSearchPath(url, schema),
        drop: async () => {
          await client.query(`drop schema ${schema} cascade`);
        },
      };
    },
    async drop() {
      await client.end();
      const admin = await connect(POSTGRES_ADMIN_URL);
      try {
        // FORCE terminates whatever connection a failed test left open.
        await admin.query(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
