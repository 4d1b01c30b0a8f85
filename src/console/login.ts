import { clientIpSubject } from '../abuse/domain/client-ip.ts';
import {
  type Decision,
  type RateLimiter,
  RateLimiterUnavailableError,
  type Rule,
  rateLimitKey,
} from '../abuse/rate-limiter-ports.ts';
import { OtpdError } from '../kernel/errors.ts';
import { normaliseEmail } from './admins.ts';
import type { AuditLog } from './audit-log.ts';
import type { ConsoleSessions } from './console-sessions.ts';
import type { AdminRecord, ConsoleStore } from './console-store.ts';
import { verifyPassword } from './passwords.ts';
import type { Totp } from './totp.ts';

/** Login attempts per account: 5 in 15 minutes; a successful login starts the count again. */
export const LOGIN_PER_ACCOUNT: Rule = { max: 5, windowSeconds: 900 };
/** Login attempts per client address, over every account: 20 in 15 minutes. */
export const LOGIN_PER_IP: Rule = { max: 20, windowSeconds: 900 };

// Limiter keys of the console, apart from every app's (apps' ids start with `app_`).
const SCOPE = 'console';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}

function tooMany(retryAfterMs: number, limit: string, whose: string): OtpdError {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new OtpdError(
    'rate_limited',
    `too many failed sign-ins ${whose}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    { retryAfterMs, limit },
  );
}

/**
 * Signing in. Every attempt is counted before the password is checked (atomically, by the
 * limiter), per account and per address, so concurrent guesses cannot slip past the limit; a
 * success forgets the account's count. An unknown email and a wrong password get the same
 * answer after the same work (a dummy hash is verified), so the answer reveals no account.
 */
export function createLogin(deps: {
  store: Pick<ConsoleStore, 'findAdminByEmail'>;
  limiter: RateLimiter;
  sessions: ConsoleSessions;
  totp: Totp;
  audit: Pick<AuditLog, 'record'>;
}) {
  const { store, limiter, sessions, totp, audit } = deps;
  // Fails closed: without the limiter's verdict no password is checked.
  const consume = async (key: string, rule: Rule): Promise<Decision> => {
    try {
      return await limiter.consume(key, rule);
    } catch (error) {
      if (!(error instanceof RateLimiterUnavailableError)) throw error;
      throw new OtpdError('service_unavailable', 'sign-in is unavailable; retry shortly', {
        retryAfterMs: 2_000,
      });
    }
  };
  return async (input: LoginInput, ip: string) => {
    const email = normaliseEmail(input.email);
    const accountKey = rateLimitKey(SCOPE, 'loginPerAccount', email);
    const ipKey = rateLimitKey(SCOPE, 'loginPerIp', clientIpSubject(ip) ?? ip);
    const byIp = await consume(ipKey, LOGIN_PER_IP);
    if (!byIp.allowed) throw tooMany(byIp.retryAfterMs, 'consoleLoginPerIp', 'from this address');
    const byAccount = await consume(accountKey, LOGIN_PER_ACCOUNT);
    if (!byAccount.allowed) {
      throw tooMany(byAccount.retryAfterMs, 'consoleLoginPerAccount', 'for this account');
    }

    const found = await store.findAdminByEmail(email);
    const passwordOk = await verifyPassword(input.password, found?.passwordHash);
    const failed = async (reason: string) => {
      // An email that names no admin is not written down: people type their password into
      // the wrong field, and the audit log must not keep it.
      await audit.record({
        actor: found ? `admin:${found.email}` : 'unknown',
        action: 'console.login_failed',
        details: { reason, ip },
      });
    };
    if (!found || !passwordOk || found.disabledAt !== null) {
      await failed(found ? 'credentials' : 'unknown_account');
      throw new OtpdError('console_login_failed', 'the email or the password is wrong');
    }
    const admin: AdminRecord = found;
    let method: 'password' | 'totp' | 'recovery' = 'password';
    if (admin.totpSecret) {
      if (!input.totp) {
        throw new OtpdError(
          'console_totp_required',
          'enter the 6-digit code of your authenticator app, or a recovery code',
        );
      }
      const second = await totp.check(admin, input.totp);
      if (!second) {
        await failed('totp');
        throw new OtpdError('console_totp_invalid', 'the code is wrong or was used already');
      }
      method = second;
    }
    await limiter.reset(accountKey).catch(() => undefined);
    const issued = await sessions.issue(admin.id);
    await audit.record({
      actor: `admin:${admin.email}`,
      action: 'console.login',
      details: { method, ip },
    });
    return { admin, ...issued };
  };
}

export type Login = ReturnType<typeof createLogin>;
