import type { AppStore } from '../apps/app-store-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import {
  ADMIN_ROLES,
  type AdminRecord,
  type AdminRole,
  type ConsoleStore,
} from './console-store.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

export type CreateAdminResult =
  | { created: true; admin: AdminRecord }
  | { created: false; reason: string };

/** An admin as people may see it: no hash, no secret, whether TOTP is on. */
export function adminView(admin: AdminRecord) {
  return {
    id: admin.id,
    email: admin.email,
    role: admin.role,
    appIds: admin.appIds,
    totp: admin.totpSecret !== null,
    disabledAt: admin.disabledAt === null ? null : new Date(admin.disabledAt).toISOString(),
    createdAt: new Date(admin.createdAt).toISOString(),
  };
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Admin accounts: created with a checked password, listed, disabled. */
export function createAdminService(deps: {
  store: Pick<ConsoleStore, 'createAdmin' | 'listAdmins' | 'disableAdmin'> &
    Pick<AppStore, 'getApp'>;
  clock: Clock;
}) {
  const { store, clock } = deps;
  return {
    async create(input: {
      email: string;
      role: string;
      appIds: readonly string[];
      password: string;
    }): Promise<CreateAdminResult> {
      const email = normaliseEmail(input.email);
      if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
        return { created: false, reason: `${input.email} is not an email address` };
      }
      if (!(ADMIN_ROLES as readonly string[]).includes(input.role)) {
        return { created: false, reason: `the role must be one of ${ADMIN_ROLES.join(', ')}` };
      }
      const role = input.role as AdminRole;
      const appIds = [...new Set(input.appIds)];
      if (role === 'owner' && appIds.length > 0) {
        return { created: false, reason: 'an owner sees every app: give no --app' };
      }
      if (role !== 'owner' && appIds.length === 0) {
        return { created: false, reason: `a ${role} needs at least one --app` };
      }
      for (const appId of appIds) {
        if (!(await store.getApp(appId))) return { created: false, reason: `no app ${appId}` };
      }
      const weak = await passwordProblem(input.password);
      if (weak) return { created: false, reason: weak };
      const now = clock.now();
      const admin: AdminRecord = {
        id: newId('adm', now),
        email,
        role,
        appIds: role === 'owner' ? [] : appIds,
        passwordHash: await hashPassword(input.password),
        totpSecret: null,
        totpPending: null,
        disabledAt: null,
        createdAt: now,
      };
      if (!(await store.createAdmin(admin))) {
        return { created: false, reason: `an admin with email ${email} exists` };
      }
      return { created: true, admin };
    },

    list: () => store.listAdmins(),

    /** Disables the admin and ends every session of theirs at once. */
    disable: (email: string) => store.disableAdmin(normaliseEmail(email), clock.now()),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
