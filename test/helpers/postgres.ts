import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll } from 'vitest';
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
  /**
   * A fresh schema that `migrate` brings to its latest version once; `reset` then puts it
   * back in the state a fresh migration leaves, far faster than migrating another schema.
   */
  createMigratedSchema(migrate: (url: string) => Promise<void>): Promise<MigratedSchema>;
  drop(): Promise<void>;
}

/** A migrated schema that tests take turns on, emptied between them. */
export interface MigratedSchema {
  name: string;
  url: string;
  /**
   * Empties every table but the migration histories, restarting identities: the rows a
   * fresh migration leaves. Close every store on the schema first (TRUNCATE waits for them).
   */
  reset(): Promise<void>;
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
  const createSchema = async () => {
    const schema = randomName('t');
    await client.query(`create schema ${schema}`);
    return {
      name: schema,
      url: withSearchPath(url, schema),
      drop: async () => {
        await client.query(`drop schema ${schema} cascade`);
      },
    };
  };
  return {
    url,
    client,
    createSchema,
    async createMigratedSchema(migrate) {
      const schema = await createSchema();
      await migrate(schema.url);
      const { rows: tables } = await client.query<{ tablename: string }>(
        'select tablename from pg_tables where schemaname = $1',
        [schema.name],
      );
      const emptied: string[] = [];
      for (const { tablename } of tables) {
        const table = `${schema.name}."${tablename}"`;
        const { rowCount } = await client.query(`select 1 from ${table} limit 1`);
        if (rowCount === 0) emptied.push(table);
        // Only the histories may hold rows after a migration; a migration that seeds a
        // table would have `reset` erase what a fresh schema has.
        else if (!tablename.includes('migration')) {
          throw new Error(`a fresh migration leaves rows in ${tablename}: reset cannot empty it`);
        }
      }
      return {
        name: schema.name,
        url: schema.url,
        async reset() {
          // TRUNCATE costs a new file per table and index, so only the tables in use: a test
          // writes to a few of them. One query asks which.
          const probes = emptied.map(
            (table, i) => `select ${i} as i where exists (select 1 from ${table})`,
          );
          const { rows } = await client.query<{ i: number }>(probes.join(' union all '));
          const used = rows.map((row) => emptied[row.i]);
          if (used.length > 0) {
            await client.query(`truncate ${used.join(', ')} restart identity cascade`);
          }
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

/**
 * One throw-away database for the test file that calls this, and one schema in it that
 * `migrate` migrates once and the file's suites take turns on, each test emptying it first
 * (what a fresh migration leaves, without migrating again). Both are there once the file's
 * tests run; the database is dropped after them.
 */
export function useSharedSchema(migrate: (url: string) => Promise<void>) {
  const schemas = {} as { database: TestDatabase; shared: MigratedSchema };
  beforeAll(async () => {
    schemas.database = await createTestDatabase();
    schemas.shared = await schemas.database.createMigratedSchema(migrate);
  });
  afterAll(() => schemas.database?.drop());
  return schemas;
}
