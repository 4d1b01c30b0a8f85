/**
 * Where the admin console keeps its admins, their sessions and the audit log. Each method
 * that decides does so atomically — one conditional statement or one transaction — and says
 * so. Times are milliseconds since the epoch.
 */

export const ADMIN_ROLES = ['owner', 'admin', 'viewer', 'agent'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export interface AdminRecord {
  id: string;
  /** Lowercased; unique. */
  email: string;
  role: AdminRole;
  /** The apps a non-owner may see; owners see every app and keep this empty. */
  appIds: string[];
  /** argon2id, PHC string. */
  passwordHash: string;
  /** The confirmed TOTP secret, encrypted with the keyring; null without TOTP. */
  totpSecret: string | null;
  /** A secret enrolled and not yet confirmed, encrypted; null when none. */
  totpPending: string | null;
  disabledAt: number | null;
  createdAt: number;
}

export interface ConsoleSession {
  id: string;
  adminId: string;
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  tokenHash: string;
  createdAt: number;
  lastSeenAt: number;
  /** The absolute end, however active the session is. */
  expiresAt: number;
  revokedAt: number | null;
}

export interface AuditEntry {
  /** 1, 2, 3 … in order of appending, with no gap. */
  seq: number;
  id: string;
  at: number;
  /** Who did it: `admin:<email>`, `key:<keyId>`, `cli` or `system`. */
  actor: string;
  /** What was done, e.g. `console.login`, `settings.replaced`, `key.revoked`. */
  action: string;
  appId: string | null;
  target: string | null;
  details: Record<string, unknown>;
  /** The hash of the entry before (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 of `prevHash` and the entry's canonical content (see console/audit-chain.ts). */
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The `seq` to pass as `before` for the next (older) page; null on the last page. */
  next: number | null;
}

export interface ConsoleStore {
  /** Adds the admin in one statement; false (nothing written) when the email is taken. */
  createAdmin(admin: AdminRecord): Promise<boolean>;
  getAdmin(id: string): Promise<AdminRecord | undefined>;
  /** By lowercased email. */
  findAdminByEmail(email: string): Promise<AdminRecord | undefined>;
  /** Every admin, oldest first. */
  listAdmins(): Promise<AdminRecord[]>;
  /**
   * Disables an enabled admin and revokes every session of theirs, in one transaction.
   * Undefined when no enabled admin has the email.
   */
  disableAdmin(email: string, at: number): Promise<AdminRecord | undefined>;
  /** Puts a newly enrolled (unconfirmed) TOTP secret in place of any earlier pending one. */
  setPendingTotp(adminId: string, ciphertext: string): Promise<void>;
  /**
   * Turns TOTP on: sets the admin's TOTP secret, clears the pending enrolment and replaces
   * the recovery codes, in one transaction — only if the pending enrolment is still
   * `pending` (false, nothing written, otherwise).
   */
  confirmTotp(
    adminId: string,
    pending: string,
    secret: string,
    recoveryCodeHashes: string[],
  ): Promise<boolean>;
  /**
   * Records that the TOTP code of time step `step` was used: true only if no code of this
   * or a later step was accepted before (one conditional update), so a code works once.
   */
  claimTotpStep(adminId: string, step: number): Promise<boolean>;
  /** Deletes the recovery code in one statement: true only for its one successful use. */
  useRecoveryCode(adminId: string, codeHash: string): Promise<boolean>;
  /** How many unused recovery codes the admin has. */
  countRecoveryCodes(adminId: string): Promise<number>;

  createConsoleSession(session: ConsoleSession): Promise<void>;
  /**
   * The live session with this token hash, its last use moved to `now`, in one conditional
   * update: live means not revoked, before its absolute expiry, used within `idleMs`, and its
   * admin not disabled. Undefined otherwise (and nothing is changed).
   */
  touchConsoleSession(
    tokenHash: string,
    now: number,
    idleMs: number,
  ): Promise<ConsoleSession | undefined>;
  /** Revokes the session; true when it was live. */
  revokeConsoleSession(tokenHash: string, at: number): Promise<boolean>;

  /**
   * Appends an entry whose `seq` and `prevHash` are the next after the newest entry, in one
   * transaction; `build` makes the entry from them (it computes the hash). Concurrent
   * appends never share a `seq`: a conflicting one is retried with the new newest entry.
   */
  appendAudit(
    build: (previous: { seq: number; hash: string } | undefined) => AuditEntry,
  ): Promise<AuditEntry>;
  /**
   * Entries newest first, `before` a seq when given, of the listed apps only when `appIds`
   * is given (entries without an app are then left out).
   */
  listAudit(query: {
    appIds?: readonly string[];
    before?: number;
    limit: number;
  }): Promise<AuditPage>;
  /** Every entry in `seq` order, in batches, for verifying the chain. */
  scanAudit(afterSeq: number, limit: number): Promise<AuditEntry[]>;
}
