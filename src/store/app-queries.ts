import type { Kysely } from 'kysely';
import type { AppStore } from '../apps/app-store-ports.ts';
import { storedScopes } from '../apps/domain/api-scopes.ts';
import { newDialectIds } from '../dialects/domain/dialect-ids.ts';
import type { SettingsStore } from '../settings/settings-store-ports.ts';
import { prepare } from './prepared.ts';
import { toApiKey, toApp, toStoredSettings } from './rows.ts';
import type { Database } from './schema.ts';

type AppQueries = Pick<
  AppStore,
  | 'createApp'
  | 'listApps'
  | 'getApp'
  | 'renameApp'
  | 'createApiKey'
  | 'listApiKeys'
  | 'revokeApiKey'
  | 'revokeAppApiKey'
  | 'findActiveApiKey'
> &
  Pick<SettingsStore, 'getAppSettings' | 'replaceAppSettings'>;

const APP_COLUMNS = [
  'id',
  'name',
  'created_at',
  'twilio_account_sid',
  'twilio_service_sid',
  'beem_app_id',
] as const;

export function createAppQueries(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): AppQueries {
  // Every request's key look-up and the settings' refresh, built and compiled once (see prepare).
  const activeKey = prepare((p: { keyHash: string }) =>
    db
      .selectFrom('api_keys')
      .innerJoin('apps', 'apps.id', 'api_keys.app_id')
      .select([
        'api_keys.id',
        'api_keys.app_id',
        'api_keys.key_hash',
        'api_keys.prefix',
        'api_keys.scopes',
        'api_keys.created_at',
        'api_keys.revoked_at',
        'apps.name as app_name',
        'apps.created_at as app_created_at',
        'apps.twilio_account_sid',
        'apps.twilio_service_sid',
        'apps.beem_app_id',
      ])
      .where('api_keys.key_hash', '=', p.keyHash)
      .where('api_keys.revoked_at', 'is', null),
  );
  const settingsOf = prepare((p: { appId: string }) =>
    db
      .selectFrom('apps')
      .select(['settings', 'settings_revision', 'settings_updated_at'])
      .where('id', '=', p.appId),
  );

  return {
    async createApp(app) {
      const dialects = app.dialects ?? newDialectIds();
      await db
        .insertInto('apps')
        .values({
          id: app.id,
          name: app.name,
          created_at: app.createdAt,
          twilio_account_sid: dialects.twilioAccountSid,
          twilio_service_sid: dialects.twilioServiceSid,
          beem_app_id: dialects.beemAppId,
        })
        .execute();
    },

    async listApps() {
      const rows = await db.selectFrom('apps').select(APP_COLUMNS).orderBy('created_at').execute();
      return rows.map(toApp);
    },

    async getApp(id) {
      const row = await db
        .selectFrom('apps')
        .select(APP_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toApp(row);
    },

    renameApp(id, name) {
      return db.transaction().execute(async (trx) => {
        // PostgreSQL holds the row from the read on; SQLite has one writer at a time anyway.
        const read = trx.selectFrom('apps').select('name').where('id', '=', id);
        const old = await (dialect === 'postgres' ? read.forUpdate() : read).executeTakeFirst();
        if (!old) return undefined;
        const row = await trx
          .updateTable('apps')
          .set({ name })
          .where('id', '=', id)
          .returning(APP_COLUMNS)
          .executeTakeFirstOrThrow();
        return { before: old.name, app: toApp(row) };
      });
    },

    async createApiKey(key) {
      await db
        .insertInto('api_keys')
        .values({
          id: key.id,
          app_id: key.appId,
          key_hash: key.keyHash,
          prefix: key.prefix,
          scopes: storedScopes(key.scopes),
          created_at: key.createdAt,
          revoked_at: key.revokedAt,
        })
        .execute();
    },

    async listApiKeys(appId) {
      const rows = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('app_id', '=', appId)
        .orderBy('created_at')
        .execute();
      return rows.map(toApiKey);
    },

    async revokeApiKey(id, now) {
      const revoked = await db
        .updateTable('api_keys')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return revoked && toApiKey(revoked);
    },

    async revokeAppApiKey(appId, id, now) {
      const revoked = await db
        .updateTable('api_keys')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (revoked) return { key: toApiKey(revoked), revokedNow: true };
      // Not revoked by this call: no such key of this app, or revoked before (for good).
      const row = await db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', '=', id)
        .where('app_id', '=', appId)
        .executeTakeFirst();
      return row && { key: toApiKey(row), revokedNow: false };
    },

    async findActiveApiKey(keyHash) {
      const [row] = (await activeKey(db, { keyHash })).rows;
      if (!row) return undefined;
      return {
        key: toApiKey(row),
        app: toApp({
          id: row.app_id,
          name: row.app_name,
          created_at: row.app_created_at,
          twilio_account_sid: row.twilio_account_sid,
          twilio_service_sid: row.twilio_service_sid,
          beem_app_id: row.beem_app_id,
        }),
      };
    },

    async getAppSettings(appId) {
      const [row] = (await settingsOf(db, { appId })).rows;
      return row && toStoredSettings(row);
    },

    async replaceAppSettings(appId, json, now, expectedRevision) {
      let update = db
        .updateTable('apps')
        .set((eb) => ({
          settings: json,
          settings_updated_at: now,
          settings_revision: eb('settings_revision', '+', 1),
        }))
        .where('id', '=', appId);
      if (expectedRevision !== undefined) {
        update = update.where('settings_revision', '=', expectedRevision);
      }
      const row = await update.returning('settings_revision').executeTakeFirst();
      return row === undefined ? undefined : Number(row.settings_revision);
    },
  };
}
