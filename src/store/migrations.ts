import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { newDialectIds } from '../domain/dialect-ids.ts';
import { migrateConsole } from './console-migration.ts';
import type { AppsTable } from './schema.ts';

/**
 * The one migration history, written with Kysely's schema builder in types both SQLite and
 * PostgreSQL accept. Never edit a released migration; add the next one.
 */
export const STORE_MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('apps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();

      await db.schema
        .createTable('verifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('code_key_id', 'text', (c) => c.notNull())
        .addColumn('code_length', 'integer', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('sends', 'integer', (c) => c.notNull())
        .addColumn('max_sends', 'integer', (c) => c.notNull())
        .addColumn('resend_cooldown_ms', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('last_sent_at', 'bigint', (c) => c.notNull())
        .addColumn('approved_at', 'bigint')
        .addColumn('tx_code', 'text')
        .addColumn('device_id', 'text')
        .addColumn('message_id', 'text')
        .addColumn('metadata', 'text')
        .addColumn('content', 'text')
        .addColumn('delivery_status', 'text', (c) => c.notNull())
        .addColumn('delivery_provider', 'text')
        .addColumn('delivery_updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('verifications_by_destination')
        .on('verifications')
        .columns(['app_id', 'destination', 'created_at'])
        .execute();
      // Superseding looks up the pending verifications of a destination; a partial index
      // keeps that cost flat however long the destination's history grows.
      await db.schema
        .createIndex('verifications_pending_by_destination')
        .on('verifications')
        .columns(['app_id', 'destination'])
        .where(sql.ref('status'), '=', 'pending')
        .execute();

      await db.schema
        .createTable('outbox_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('verification_id', 'text', (c) => c.notNull().references('verifications.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('code_ciphertext', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('outbox_jobs_due')
        .on('outbox_jobs')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('outbox_jobs_by_verification')
        .on('outbox_jobs')
        .columns(['verification_id', 'status'])
        .execute();

      await db.schema
        .createTable('sandbox_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('verification_id', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('sandbox_messages_by_app')
        .on('sandbox_messages')
        .columns(['app_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('body', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['app_id', 'idempotency_key'])
        .execute();
    },
  },
  '0002_app_settings': {
    async up(db: Kysely<unknown>) {
      // One ADD COLUMN per statement: SQLite accepts no more. `settings` is the app's
      // settings document as JSON (secrets encrypted), null until first replaced;
      // `settings_revision` counts replacements, for compare-and-swap and cache checks.
      await db.schema.alterTable('apps').addColumn('settings', 'text').execute();
      await db.schema
        .alterTable('apps')
        .addColumn('settings_revision', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('apps').addColumn('settings_updated_at', 'bigint').execute();
    },
  },
  '0004_test_verifications': {
    async up(db: Kysely<unknown>) {
      // 1 marks a verification of one of the app's test numbers.
      await db.schema
        .alterTable('verifications')
        .addColumn('test', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '0005_fraud_decisions': {
    async up(db: Kysely<unknown>) {
      // The SMS-pumping guard's decisions: kept after they end (expired or lifted) as the
      // record of what the guard did and why.
      await db.schema
        .createTable('fraud_decisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('lifted_at', 'bigint')
        .execute();
      // Every guarded send looks up the live decisions of its prefix.
      await db.schema
        .createIndex('fraud_decisions_by_prefix')
        .on('fraud_decisions')
        .columns(['app_id', 'prefix', 'expires_at'])
        .execute();
      await db.schema
        .createIndex('fraud_decisions_by_app')
        .on('fraud_decisions')
        .columns(['app_id', 'created_at'])
        .execute();
    },
  },
  '0006_webhook_deliveries': {
    async up(db: Kysely<unknown>) {
      // The webhooks' outbox: one row per event and URL, written in the transaction of the
      // state change it announces, claimed and leased like send jobs.
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('attempt_limit', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('last_status_code', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_by_app')
        .on('webhook_deliveries')
        .columns(['app_id', 'created_at', 'id'])
        .execute();
      // The expiry sweeper finds pending verifications past their time without scanning
      // finished ones.
      await db.schema
        .createIndex('verifications_pending_by_expiry')
        .on('verifications')
        .columns(['expires_at'])
        .where(sql.ref('status'), '=', 'pending')
        .execute();
    },
  },
  '0007_sender_codes': {
    async up(db: Kysely<unknown>) {
      // A sender that makes its own code (integration mode 3): 1 marks a verification otpd
      // holds no code hash for (code_hash and code_key_id stay empty), and code_reference
      // keeps the sender's id for the code, which the app's validator is asked with.
      await db.schema
        .alterTable('verifications')
        .addColumn('external_code', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('verifications').addColumn('code_reference', 'text').execute();
    },
  },
  '0008_app_dialect_ids': {
    async up(db: Kysely<unknown>) {
      // How the compatible APIs (Twilio Verify, Beem OTP) name an app. Nullable only because
      // SQLite cannot add a NOT NULL column without a default; every app gets them here and
      // at creation. Unique indexes make each look-up one indexed read and a clash an error.
      await db.schema.alterTable('apps').addColumn('twilio_account_sid', 'text').execute();
      await db.schema.alterTable('apps').addColumn('twilio_service_sid', 'text').execute();
      await db.schema.alterTable('apps').addColumn('beem_app_id', 'integer').execute();
      const apps = db as unknown as Kysely<{ apps: AppsTable }>;
      const existing = await apps.selectFrom('apps').select('id').execute();
      for (const { id } of existing) {
        const ids = newDialectIds();
        await apps
          .updateTable('apps')
          .set({
            twilio_account_sid: ids.twilioAccountSid,
            twilio_service_sid: ids.twilioServiceSid,
            beem_app_id: ids.beemAppId,
          })
          .where('id', '=', id)
          .execute();
      }
      for (const column of ['twilio_account_sid', 'twilio_service_sid', 'beem_app_id']) {
        await db.schema
          .createIndex(`apps_by_${column}`)
          .on('apps')
          .column(column)
          .unique()
          .execute();
      }
    },
  },
  '0009_receipt_failover': {
    async up(db: Kysely<unknown>) {
      // A failover job's providers start after this one: the provider whose receipt said
      // the previous code never arrived. Null for every other job (all providers, in order).
      await db.schema.alterTable('outbox_jobs').addColumn('after_provider', 'text').execute();
    },
  },
  '0010_chat_messages': {
    async up(db: Kysely<unknown>) {
      // A chat message's text, image and buttons (Diyalog's sendmok), encrypted like the
      // code beside it and erased with it: the text may quote the code.
      await db.schema.alterTable('outbox_jobs').addColumn('message_ciphertext', 'text').execute();
      // A button press names the message it belongs to by the app's message id.
      await db.schema
        .createIndex('verifications_by_message_id')
        .on('verifications')
        .columns(['app_id', 'message_id'])
        .execute();
    },
  },
  '0011_verification_app_hash': {
    async up(db: Kysely<unknown>) {
      // A request's own Android SMS Retriever hash (Twilio's AppHash), over the app's setting.
      await db.schema.alterTable('verifications').addColumn('android_app_hash', 'text').execute();
    },
  },
  '0012_messenger': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('conversations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('name', 'text')
        .addColumn('email', 'text')
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('last_sequence', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // One open conversation per verified phone and app: a visitor who verifies again
      // returns to it. Both databases accept a partial unique index.
      await db.schema
        .createIndex('conversations_open_by_phone')
        .on('conversations')
        .columns(['app_id', 'phone'])
        .unique()
        .where(sql.ref('status'), '<>', 'closed')
        .execute();
      await db.schema
        .createIndex('conversations_by_app')
        .on('conversations')
        .columns(['app_id', 'status', 'id'])
        .execute();
      await db.schema
        .createTable('conversation_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('sequence', 'integer', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('image', 'text')
        .addColumn('buttons', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('conversation_messages_sequence', ['conversation_id', 'sequence'])
        .execute();
      await db.schema
        .createTable('messenger_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
    },
  },
  '0013_conversation_message_verifications': {
    async up(db: Kysely<unknown>) {
      // The verification a web messenger message delivered (its code, its Diyalog message).
      await db.schema
        .alterTable('conversation_messages')
        .addColumn('verification', 'text')
        .execute();
    },
  },
  '0014_api_key_scopes': {
    async up(db: Kysely<unknown>) {
      // What each key may do, space-separated. A key made before scopes existed could do
      // everything, and still can: every scope of this version, written out (a scope added
      // later is not granted to old keys by itself). New keys always name theirs.
      await db.schema
        .alterTable('api_keys')
        .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      const all =
        'verifications messages:read settings:read settings:write conversations analytics:read';
      await sql`update api_keys set scopes = ${all}`.execute(db);
    },
  },
  '0015_verification_country': {
    async up(db: Kysely<unknown>) {
      // The country of a phone destination, for the analytics' per-country counts; null for
      // email and for verifications made before this column (their numbers are not re-read).
      await db.schema.alterTable('verifications').addColumn('country', 'text').execute();
      // The analytics read one app's verifications over a time range.
      await db.schema
        .createIndex('verifications_by_app_and_time')
        .on('verifications')
        .columns(['app_id', 'created_at'])
        .execute();
    },
  },
  '0016_console': { up: migrateConsole },
  '0017_chat_code_form': {
    async up(db: Kysely<unknown>) {
      // How a chat message's own code is pressed back (JSON ChatCodeForm): whether it is
      // digits and whether only a signed press approves. Null for otpd's codes, and for chat
      // codes stored before: those were digits, pressed raw.
      await db.schema.alterTable('verifications').addColumn('chat_code', 'text').execute();
    },
  },
  '0018_conversation_agents': {
    async up(db: Kysely<unknown>) {
      // Who took a conversation in the console's inbox: an admin's id while its status is
      // `agent`. Null for every conversation before, as none was taken in the console.
      await db.schema.alterTable('conversations').addColumn('agent_id', 'text').execute();
      // The inbox's live stream reads what changed in the admin's apps since a moment.
      await db.schema
        .createIndex('conversations_by_app_and_update')
        .on('conversations')
        .columns(['app_id', 'updated_at'])
        .execute();
    },
  },
  '0019_webhook_attempt_log': {
    async up(db: Kysely<unknown>) {
      // What each try of a delivery got (JSON array of WebhookAttempt), for the console's
      // delivery detail; deliveries made before start with an empty log.
      await db.schema
        .alterTable('webhook_deliveries')
        .addColumn('attempt_log', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    },
  },
};

/** Kysely's default name for a migration history's table. */
const DEFAULT_MIGRATION_TABLE = 'kysely_migration';

/**
 * Refuses a SQLite file this otpd must not migrate, before anything is written to it: one
 * that holds another program's tables and no history of ours (a wrong OTPD_DATA_DIR), or
 * one whose history names migrations this version does not have (written by a newer otpd;
 * running on it could corrupt what the newer one wrote). The messages say what to do.
 */
async function assertOwnSqliteHistory(
  db: Kysely<unknown>,
  history: Record<string, Migration>,
  migrationTable: string,
): Promise<void> {
  const { rows: tables } = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%'
  `.execute(db);
  const names = tables.map((t) => t.name);
  if (!names.includes(migrationTable)) {
    if (names.length === 0) return;
    const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    throw new Error(
      `holds tables of another program (${shown}) and no otpd migration history; point ` +
        'OTPD_DATA_DIR at a directory of its own, or move the file away',
    );
  }
  const { rows: applied } = await sql<{ name: string }>`
    select name from ${sql.table(migrationTable)}
  `.execute(db);
  const unknown = applied.map((m) => m.name).filter((name) => !(name in history));
  if (unknown.length > 0) {
    throw new Error(
      `was migrated by a newer otpd (migration ${unknown.join(', ')} is unknown to this ` +
        'version); run that version or newer, or restore a backup made before the upgrade',
    );
  }
}

/** Where a migration history keeps its bookkeeping (defaults: Kysely's own table names). */
export interface MigrationTables {
  migrationTableName?: string;
  migrationLockTableName?: string;
}

/**
 * Applies a migration history; throws with the failing migration's error. Concurrent
 * callers are serialised by Kysely's migration lock (an advisory lock on PostgreSQL).
 */
export async function runMigrations(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres',
  history: Record<string, Migration>,
  tables: MigrationTables = {},
): Promise<void> {
  // On PostgreSQL the Migrator looks for its bookkeeping tables in every schema unless told
  // one: it would take another schema's history (another otpd, a test) for ours. Ours is
  // the schema our unqualified tables land in, the first on search_path.
  const migrationTableSchema = dialect === 'postgres' ? await currentSchema(db) : undefined;
  if (dialect === 'sqlite') {
    await assertOwnSqliteHistory(db, history, tables.migrationTableName ?? DEFAULT_MIGRATION_TABLE);
  }
  const provider: MigrationProvider = { getMigrations: async () => history };
  const { error } = await new Migrator({
    db,
    provider,
    migrationTableSchema,
    ...tables,
  }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Brings the store's schema up to date. */
export function migrateToLatest(
  db: Kysely<unknown>,
  dialect: 'sqlite' | 'postgres' = 'sqlite',
): Promise<void> {
  return runMigrations(db, dialect, STORE_MIGRATIONS);
}

async function currentSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('no schema of the search_path exists in the database');
  return schema;
}
