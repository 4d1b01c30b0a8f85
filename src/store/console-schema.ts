/** The admin console's tables as Kysely sees them (see migrations/0016_console.ts). */
export interface ConsoleTables {
  admins: AdminsTable;
  admin_recovery_codes: AdminRecoveryCodesTable;
  console_sessions: ConsoleSessionsTable;
  audit_log: AuditLogTable;
}

export interface AdminsTable {
  id: string;
  email: string;
  role: string;
  /** JSON array of app ids. */
  app_ids: string;
  password_hash: string;
  /** The confirmed TOTP secret, encrypted with the keyring. */
  totp_secret: string | null;
  /** A TOTP secret enrolled but not yet confirmed with a first code, encrypted. */
  totp_pending: string | null;
  /** The newest TOTP time step accepted, so a code works once. */
  totp_last_step: number;
  disabled_at: number | null;
  created_at: number;
}

export interface AdminRecoveryCodesTable {
  admin_id: string;
  code_hash: string;
}

export interface ConsoleSessionsTable {
  id: string;
  admin_id: string;
  token_hash: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: number;
  actor: string;
  action: string;
  app_id: string | null;
  target: string | null;
  /** JSON object. */
  details: string;
  prev_hash: string;
  hash: string;
}
