import type { Kysely, Selectable } from 'kysely';
import type {
  AdminRecord,
  AdminRole,
  AuditEntry,
  ConsoleSession,
  ConsoleStore,
} from '../console/console-store.ts';
import type { AdminsTable, AuditLogTable, ConsoleSessionsTable } from './console-schema.ts';
import type { Database } from './schema.ts';

// PostgreSQL returns bigint columns as strings; SQLite returns numbers.
const num = (v: number | string): number => Number(v);
const numOrNull = (v: number | string | null): number | null => (v === null ? null : num(v));

function toAdmin(row: Selectable<AdminsTable>): AdminRecord {
  return {
    id: row.id,
    email: row.email,
    role: row.role as AdminRole,
    appIds: JSON.parse(row.app_ids) as string[],
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpPending: row.totp_pending,
    disabledAt: numOrNull(row.disabled_at),
    createdAt: num(row.created_at),
  };
}

function toSession(row: Selectable<ConsoleSessionsTable>): ConsoleSession {
  return {
    id: row.id,
    adminId: row.admin_id,
    tokenHash: row.token_hash,
    createdAt: num(row.created_at),
    lastSeenAt: num(row.last_seen_at),
    expiresAt: num(row.expires_at),
    revokedAt: numOrNull(row.revoked_at),
  };
}

export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: num(row.seq),
    id: row.id,
    at: num(row.at),
    actor: row.actor,
    action: row.action,
    appId: row.app_id,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A write that lost a race for a unique key (or, on SQLite, for the write lock). */
function isConflict(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === '23505' || (typeof code === 'string' && /^SQLITE_(CONSTRAINT|BUSY)/.test(code));
}

const APPEND_TRIES = 20;

/** The console's store over Kysely (see console/console-store.ts). */
export function createConsoleQueries(db: Kysely<Database>): ConsoleStore {
  return {
    async createAdmin(a) {
      const inserted = await db
        .insertInto('admins')
        .values({
          id: a.id,
          email: a.email,
          role: a.role,
          app_ids: JSON.stringify(a.appIds),
          password_hash: a.passwordHash,
          totp_secret: a.totpSecret,
          totp_pending: a.totpPending,
          totp_last_step: 0,
          disabled_at: a.disabledAt,
          created_at: a.createdAt,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async getAdmin(id) {
      const row = await db.selectFrom('admins').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAdmin(row);
    },

    async findAdminByEmail(email) {
      const row = await db
        .selectFrom('admins')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirst();
      return row && toAdmin(row);
    },

    async listAdmins() {
      const rows = await db
        .selectFrom('admins')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toAdmin);
    },

    disableAdmin(email, at) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('admins')
          .set({ disabled_at: at })
          .where('email', '=', email)
          .where('disabled_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        await trx
          .updateTable('console_sessions')
          .set({ revoked_at: at })
          .where('admin_id', '=', row.id)
          .where('revoked_at', 'is', null)
          .execute();
        return toAdmin(row);
      });
    },

    async setPendingTotp(adminId, ciphertext) {
      await db
        .updateTable('admins')
        .set({ totp_pending: ciphertext })
        .where('id', '=', adminId)
        .execute();
    },

    confirmTotp(adminId, pending, secret, hashes) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('admins')
          .set({ totp_secret: secret, totp_pending: null, totp_last_step: 0 })
          .where('id', '=', adminId)
          .where('totp_pending', '=', pending)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        await trx.deleteFrom('admin_recovery_codes').where('admin_id', '=', adminId).execute();
        if (hashes.length > 0) {
          await trx
            .insertInto('admin_recovery_codes')
            .values(hashes.map((code_hash) => ({ admin_id: adminId, code_hash })))
            .execute();
        }
        return true;
      });
    },

    async claimTotpStep(adminId, step) {
      const updated = await db
        .updateTable('admins')
        .set({ totp_last_step: step })
        .where('id', '=', adminId)
        .where('totp_last_step', '<', step)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    async useRecoveryCode(adminId, codeHash) {
      const deleted = await db
        .deleteFrom('admin_recovery_codes')
        .where('admin_id', '=', adminId)
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows) === 1;
    },

    async countRecoveryCodes(adminId) {
      const row = await db
        .selectFrom('admin_recovery_codes')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('admin_id', '=', adminId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async createConsoleSession(s) {
      await db
        .insertInto('console_sessions')
        .values({
          id: s.id,
          admin_id: s.adminId,
          token_hash: s.tokenHash,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
        })
        .execute();
    },

    async touchConsoleSession(tokenHash, now, idleMs) {
      const row = await db
        .updateTable('console_sessions')
        .set({ last_seen_at: now })
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', now - idleMs)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('admins')
              .select('admins.id')
              .whereRef('admins.id', '=', 'console_sessions.admin_id')
              .where('admins.disabled_at', 'is', null),
          ),
        )
        .returningAll()
        .executeTakeFirst();
      return row && toSession(row);
    },

    async revokeConsoleSession(tokenHash, at) {
      const updated = await db
        .updateTable('console_sessions')
        .set({ revoked_at: at })
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1;
    },

    async appendAudit(build) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            const last = await trx
              .selectFrom('audit_log')
              .select(['seq', 'hash'])
              .orderBy('seq', 'desc')
              .limit(1)
              .executeTakeFirst();
            const entry = build(last && { seq: num(last.seq), hash: last.hash });
            await trx
              .insertInto('audit_log')
              .values({
                seq: entry.seq,
                id: entry.id,
                at: entry.at,
                actor: entry.actor,
                action: entry.action,
                app_id: entry.appId,
                target: entry.target,
                details: JSON.stringify(entry.details),
                prev_hash: entry.prevHash,
                hash: entry.hash,
              })
              .execute();
            return entry;
          });
        } catch (error) {
          if (attempt >= APPEND_TRIES || !isConflict(error)) throw error;
        }
      }
    },

    async listAudit({ appIds, before, limit }) {
      let query = db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(limit + 1);
      if (before !== undefined) query = query.where('seq', '<', before);
      if (appIds !== undefined) {
        if (appIds.length === 0) return { entries: [], next: null };
        query = query.where('app_id', 'in', [...appIds]);
      }
      const rows = await query.execute();
      const entries = rows.slice(0, limit).map(toAuditEntry);
      const next = rows.length > limit ? (entries.at(-1)?.seq ?? null) : null;
      return { entries, next };
    },

    async scanAudit(afterSeq, limit) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}
