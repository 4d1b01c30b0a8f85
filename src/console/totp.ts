import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Clock } from '../kernel/clock.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { AdminRecord, ConsoleStore } from './console-store.ts';

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const ISSUER = 'otpd';

/** The keyring contexts a secret is encrypted under: they open for this admin only. */
const secretContext = (adminId: string) => `console-totp:${adminId}`;
const pendingContext = (adminId: string) => `console-totp-pending:${adminId}`;

/** A recovery code as typed: case, spaces and dashes do not matter. */
export const recoveryHash = (code: string) =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('hex');

function newRecoveryCode(): string {
  const text = randomBytes(10).toString('hex');
  return `${text.slice(0, 5)}-${text.slice(5, 10)}-${text.slice(10, 15)}-${text.slice(15)}`;
}

/** TOTP (RFC 6238: SHA-1, 6 digits, 30 s) for admins, with single-use recovery codes. */
export function createTotp(deps: {
  store: Pick<ConsoleStore, 'setPendingTotp' | 'confirmTotp' | 'claimTotpStep' | 'useRecoveryCode'>;
  keyring: Pick<Keyring, 'encrypt' | 'decrypt'>;
  clock: Clock;
}) {
  const { store, keyring, clock } = deps;
  const totpOf = (admin: AdminRecord, base32: string) =>
    new TOTP({ issuer: ISSUER, label: admin.email, secret: Secret.fromBase32(base32) });

  /** The time step the code belongs to (±1 step of drift), or undefined when wrong. */
  function stepOf(admin: AdminRecord, base32: string, code: string): number | undefined {
    if (!/^[0-9]{6}$/.test(code)) return undefined;
    const now = clock.now();
    const delta = totpOf(admin, base32).validate({ token: code, timestamp: now, window: 1 });
    if (delta === null) return undefined;
    return TOTP.counter({ period: PERIOD_SECONDS, timestamp: now }) + delta;
  }

  return {
    /**
     * A new secret for the admin, pending until `confirm`: the otpauth URI, the same as a QR
     * code (SVG, made here: no third party sees the secret) and the recovery codes, shown
     * once. The codes are bound to this secret: confirming it makes them the admin's.
     */
    async enrol(admin: AdminRecord) {
      const secret = new Secret({ size: 20 });
      const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      const pending = JSON.stringify({
        secret: secret.base32,
        recovery: recoveryCodes.map(recoveryHash),
      });
      await store.setPendingTotp(admin.id, keyring.encrypt(pending, pendingContext(admin.id)));
      const uri = totpOf(admin, secret.base32).toString();
      // Loaded on first enrolment: most processes never draw a QR code.
      const { default: QRCode } = await import('qrcode');
      const qrSvg = await QRCode.toString(uri, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return { uri, secret: secret.base32, qrSvg, recoveryCodes };
    },

    /** Turns TOTP on with the first code of the pending secret; false for a wrong code. */
    async confirm(admin: AdminRecord, code: string): Promise<boolean> {
      if (!admin.totpPending) return false;
      const pending = JSON.parse(keyring.decrypt(admin.totpPending, pendingContext(admin.id))) as {
        secret: string;
        recovery: string[];
      };
      const step = stepOf(admin, pending.secret, code);
      if (step === undefined) return false;
      const stored = keyring.encrypt(pending.secret, secretContext(admin.id));
      if (!(await store.confirmTotp(admin.id, admin.totpPending, stored, pending.recovery))) {
        return false;
      }
      return store.claimTotpStep(admin.id, step);
    },

    /**
     * Whether the admin's second factor accepts `code`: a TOTP code not used before, or an
     * unused recovery code (which is then spent).
     */
    async check(admin: AdminRecord, code: string): Promise<'totp' | 'recovery' | false> {
      if (!admin.totpSecret) return false;
      const trimmed = code.replace(/\s/g, '');
      const base32 = keyring.decrypt(admin.totpSecret, secretContext(admin.id));
      const step = stepOf(admin, base32, trimmed);
      if (step !== undefined) return (await store.claimTotpStep(admin.id, step)) ? 'totp' : false;
      if (/^[0-9]{6}$/.test(trimmed)) return false;
      return (await store.useRecoveryCode(admin.id, recoveryHash(trimmed))) ? 'recovery' : false;
    },
  };
}

export type Totp = ReturnType<typeof createTotp>;
