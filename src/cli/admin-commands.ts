import type { Command } from 'commander';
import { adminView, createAdminService } from '../console/admins.ts';
import { createAuditLog } from '../console/audit-log.ts';
import type { ConsoleStore } from '../console/console-store.ts';
import { systemClock } from '../kernel/clock.ts';
import type { Store } from '../ports/store.ts';
import { CliError } from './cli-error.ts';

type Print = (value: unknown, json: boolean, text: () => string) => void;
type WithStore = <T>(
  env: NodeJS.ProcessEnv,
  work: (store: Store & ConsoleStore) => Promise<T>,
) => Promise<T>;

/** `otpd admins …` and `otpd audit verify`. */
export function addAdminCommands(
  program: Command,
  io: {
    env: NodeJS.ProcessEnv;
    out: (text: string) => void;
    stdin: () => Promise<string>;
    print: Print;
    withStore: WithStore;
  },
) {
  const { env, print, withStore } = io;
  const admins = program.command('admins').description('manage the admin console’s accounts');
  admins
    .command('create')
    .description('create an admin; the password is read from standard input, never an argument')
    .requiredOption('--email <email>', 'the sign-in email (lowercased)')
    .requiredOption('--role <role>', 'owner, admin, viewer or agent')
    .option('--app <appId>', 'an app a non-owner may see (repeat for more)', collect, [])
    .option('--password-stdin', 'read the password from standard input (required)')
    .option('--json', 'print JSON')
    .action(
      (options: {
        email: string;
        role: string;
        app: string[];
        passwordStdin?: boolean;
        json?: boolean;
      }) =>
        withStore(env, async (store) => {
          if (!options.passwordStdin) {
            throw new CliError('pass --password-stdin and the password on standard input');
          }
          const password = (await io.stdin()).replace(/\r?\n$/, '');
          const result = await createAdminService({ store, clock: systemClock }).create({
            email: options.email,
            role: options.role,
            appIds: options.app,
            password,
          });
          if (!result.created) throw new CliError(result.reason);
          await createAuditLog({ store, clock: systemClock }).record({
            actor: 'cli',
            action: 'admin.created',
            target: result.admin.email,
            details: { role: result.admin.role, appIds: result.admin.appIds },
          });
          const view = adminView(result.admin);
          print(view, !!options.json, () => `admin ${view.id}  ${view.email}  ${view.role}`);
        }),
    );
  admins
    .command('list')
    .description('list admins')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withStore(env, async (store) => {
        const rows = (await store.listAdmins()).map(adminView);
        print(rows, !!options.json, () =>
          rows.length === 0
            ? 'no admins yet: otpd admins create --email E --role owner --password-stdin'
            : rows
                .map(
                  (a) =>
                    `${a.id}  ${a.email}  ${a.role}${a.appIds.length ? `  ${a.appIds.join(',')}` : ''}` +
                    `${a.totp ? '  totp' : ''}${a.disabledAt ? `  disabled ${a.disabledAt}` : ''}`,
                )
                .join('\n'),
        );
      }),
    );
  admins
    .command('disable')
    .description('disable an admin: their sessions end at once and they cannot sign in')
    .argument('<email>', 'the admin’s email')
    .action((email: string) =>
      withStore(env, async (store) => {
        const disabled = await createAdminService({ store, clock: systemClock }).disable(email);
        if (!disabled) throw new CliError(`no enabled admin ${email}`);
        await createAuditLog({ store, clock: systemClock }).record({
          actor: 'cli',
          action: 'admin.disabled',
          target: disabled.email,
        });
        io.out(`disabled ${disabled.email}\n`);
      }),
    );

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('check the audit log’s hash chain: OK, or the first broken entry')
    .action(() =>
      withStore(env, async (store) => {
        const verdict = await createAuditLog({ store, clock: systemClock }).verify();
        if (verdict.ok) {
          io.out(`OK: ${verdict.entries} entries, the chain is intact\n`);
          return;
        }
        const why = {
          missing_entry: 'is missing (deleted)',
          previous_hash_mismatch: 'does not follow the entry before it (its prevHash differs)',
          content_altered: 'was altered (its hash does not match its content)',
        }[verdict.reason];
        throw new CliError(`the audit log is broken: entry ${verdict.seq} ${why}`);
      }),
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
