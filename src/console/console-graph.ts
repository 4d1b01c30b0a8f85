import type { RateLimiter } from '../abuse/rate-limiter-ports.ts';
import type { AppStore } from '../apps/app-store-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Keyring } from '../ports/keyring.ts';
import { createAdminService } from './admins.ts';
import { createAuditLog } from './audit-log.ts';
import { createConsoleSessions, type SessionTimes } from './console-sessions.ts';
import type { ConsoleStore } from './console-store.ts';
import { createLogin } from './login.ts';
import { createTotp } from './totp.ts';

/** The admin console's use cases over its ports. */
export function createConsole(ports: {
  store: ConsoleStore & Pick<AppStore, 'getApp'>;
  keyring: Keyring;
  limiter: RateLimiter;
  clock: Clock;
  times: SessionTimes;
}) {
  const { store, keyring, limiter, clock, times } = ports;
  const audit = createAuditLog({ store, clock });
  const sessions = createConsoleSessions({ store, clock, times });
  const totp = createTotp({ store, keyring, clock });
  return {
    store,
    audit,
    sessions,
    totp,
    admins: createAdminService({ store, clock }),
    login: createLogin({ store, limiter, sessions, totp, audit }),
  };
}

export type Console = ReturnType<typeof createConsole>;
