import type { Kysely, Migration } from 'kysely';
import { newDialectIds } from '../../dialects/domain/dialect-ids.ts';
import type { AppsTable } from '../schema.ts';

export const migration: Migration = {
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
      await db.schema.createIndex(`apps_by_${column}`).on('apps').column(column).unique().execute();
    }
  },
};
