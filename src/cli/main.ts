import { Command, CommanderError } from 'commander';
import { createAppService } from '../apps/apps.ts';
import { API_SCOPES, isApiScope } from '../apps/domain/api-scopes.ts';
import { createAuditLog } from '../console/audit-log.ts';
import {
  migrateMessageLog,
  migrateStore,
  openMessageLog,
  openStore,
} from '../deps/open-databases.ts';
import { systemClock } from '../kernel/clock.ts';
import { ConfigError, loadConfig } from '../kernel/config/config.ts';
import type { KyselyStore } from '../store/kysely-store.ts';
import { addAdminCommands } from './admin-commands.ts';
import { CliError } from './cli-error.ts';
import { dialectLines, dialectView } from './dialect-view.ts';
import { addSettingsCommands } from './settings-commands.ts';

/** Output goes through these so tests can capture it. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Standard input, read whole (`--password-stdin`); default none. */
  stdin?: () => Promise<string>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Opens the configured store, brings its schema up to date, runs `work`, closes it. */
async function withStore<T>(
  env: NodeJS.ProcessEnv,
  work: (store: KyselyStore) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env);
  const store = openStore(config);
  try {
    await migrateStore(store, config);
    return await work(store);
  } finally {
    await store.close();
  }
}

export function buildCli(io: CliIo): Command {
  const print = (value: unknown, json: boolean, text: () => string) =>
    io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
  const program = new Command('otpd')
    .description(
      'otpd: self-hosted one-time passwords.\n\n' +
        'Commands read the same OTPD_* environment as the server (see README),\n' +
        'so they work on its data directory while it runs.',
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();
  // Commander lists only the top level; `otpd --help` should show every command there is.
  program.addHelpText('after', () => {
    const all: [string, Command][] = program.commands.flatMap((c) =>
      c.commands.length === 0
        ? [[c.name(), c] as [string, Command]]
        : c.commands.map((sub): [string, Command] => [`${c.name()} ${sub.name()}`, sub]),
    );
    const rows = all.map(([name, command]) => {
      const args = command.registeredArguments.map((a) => ` <${a.name()}>`).join('');
      return [`otpd ${name}${args}`, command.description().split('\n')[0] ?? ''] as const;
    });
    const width = Math.max(...rows.map(([usage]) => usage.length));
    return `\nAll commands:\n${rows.map(([u, d]) => `  ${u.padEnd(width)}  ${d}`).join('\n')}`;
  });

  program
    .command('serve')
    .description('run the HTTP server and the dispatcher (same as npm start)')
    .action(async () => {
      await import('../main.ts');
    });

  program
    .command('migrate')
    .description('apply pending database migrations (main store and message log), then exit')
    .action(() =>
      withStore(io.env, async () => {
        const config = loadConfig(io.env);
        const log = openMessageLog(config);
        try {
          await migrateMessageLog(log, config);
        } finally {
          await log.close();
        }
        io.out('migrations applied\n');
      }),
    );

  const apps = program.command('apps').description('manage the apps that call the API');
  apps
    .command('create')
    .description(
      'create an app and its first API key (the key is printed once, stored only hashed)',
    )
    .requiredOption('--name <name>', 'display name, used in messages as {{app}}')
    .option('--json', 'print JSON: {"id", "name", "apiKey", "keyId", "dialects"}')
    .action((options: { name: string; json?: boolean }) =>
      withStore(io.env, async (store) => {
        const name = options.name.trim();
        if (!name || name.length > 100) throw new CliError('--name must be 1-100 characters');
        const { app, apiKey, key } = await createAppService({
          store,
          clock: systemClock,
        }).createApp(name);
        const audit = createAuditLog({ store, clock: systemClock });
        await audit.record({
          actor: 'cli',
          action: 'app.created',
          appId: app.id,
          target: app.id,
          details: { name: app.name },
        });
        await audit.record({
          actor: 'cli',
          action: 'key.created',
          appId: app.id,
          target: key.id,
          details: { scopes: key.scopes },
        });
        const view = {
          id: app.id,
          name: app.name,
          apiKey,
          keyId: key.id,
          dialects: dialectView(app),
        };
        print(view, !!options.json, () =>
          [
            `app     ${app.id}  ${app.name}`,
            `api key ${apiKey}`,
            '(store the key now: it is not shown again)',
            ...dialectLines(app),
          ].join('\n'),
        );
      }),
    );
  apps
    .command('list')
    .description('list apps')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withStore(io.env, async (store) => {
        const list = await store.listApps();
        const rows = list.map((a) => ({ id: a.id, name: a.name, createdAt: iso(a.createdAt) }));
        print(rows, !!options.json, () =>
          rows.length === 0
            ? 'no apps yet: otpd apps create --name NAME'
            : rows.map((r) => `${r.id}  ${r.name}  ${r.createdAt}`).join('\n'),
        );
      }),
    );

  addSettingsCommands(apps, { env: io.env, print, withStore });

  const keys = program.command('keys').description("manage an app's API keys");
  keys
    .command('create')
    .description('issue another API key for an app (printed once)')
    .argument('<appId>', 'the app, e.g. app_01…')
    .option(
      '--scope <scope>',
      `what the key may do; repeat for several (default every scope): ${API_SCOPES.join(', ')}`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'print JSON: {"id", "appId", "apiKey", "scopes"}')
    .action((appId: string, options: { scope?: string[]; json?: boolean }) =>
      withStore(io.env, async (store) => {
        const scopes = options.scope ?? [...API_SCOPES];
        const unknown = scopes.filter((s) => !isApiScope(s));
        if (unknown.length > 0) {
          throw new CliError(
            `unknown scope ${unknown.join(', ')}; the scopes are ${API_SCOPES.join(', ')}`,
          );
        }
        const issued = await createAppService({ store, clock: systemClock }).createKey(
          appId,
          scopes.filter(isApiScope),
        );
        if (!issued) throw new CliError(`no app ${appId}`);
        await createAuditLog({ store, clock: systemClock }).record({
          actor: 'cli',
          action: 'key.created',
          appId,
          target: issued.key.id,
          details: { scopes: issued.key.scopes },
        });
        const view = { id: issued.key.id, appId, apiKey: issued.apiKey, scopes: issued.key.scopes };
        print(view, !!options.json, () =>
          [
            `key     ${issued.key.id}`,
            `api key ${issued.apiKey}`,
            `scopes  ${issued.key.scopes.join(' ')}`,
            '(store the key now: it is not shown again)',
          ].join('\n'),
        );
      }),
    );
  keys
    .command('list')
    .description("list an app's keys (prefixes only) and their scopes")
    .argument('<appId>', 'the app')
    .option('--json', 'print JSON')
    .action((appId: string, options: { json?: boolean }) =>
      withStore(io.env, async (store) => {
        if (!(await store.getApp(appId))) throw new CliError(`no app ${appId}`);
        const rows = (await store.listApiKeys(appId)).map((k) => ({
          id: k.id,
          prefix: k.prefix,
          scopes: k.scopes,
          createdAt: iso(k.createdAt),
          revokedAt: iso(k.revokedAt),
        }));
        print(rows, !!options.json, () =>
          rows
            .map(
              (k) =>
                `${k.id}  ${k.prefix}…  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ` +
                (k.scopes.length > 0 ? k.scopes.join(' ') : '(no scopes)'),
            )
            .join('\n'),
        );
      }),
    );
  keys
    .command('revoke')
    .description(
      'revoke a key: a running server refuses it within OTPD_API_KEY_REFRESH_MS (2 s by default)',
    )
    .argument('<keyId>', 'the key, e.g. key_01…')
    .action((keyId: string) =>
      withStore(io.env, async (store) => {
        const revoked = await store.revokeApiKey(keyId, systemClock.now());
        if (!revoked) throw new CliError(`no active key ${keyId}`);
        await createAuditLog({ store, clock: systemClock }).record({
          actor: 'cli',
          action: 'key.revoked',
          appId: revoked.appId,
          target: keyId,
        });
        io.out(`revoked ${keyId}\n`);
      }),
    );

  addAdminCommands(program, {
    env: io.env,
    out: io.out,
    stdin: io.stdin ?? (async () => ''),
    print,
    withStore,
  });
  return program;
}

/** Runs the CLI; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await buildCli(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError || error instanceof ConfigError) {
      io.err(`otpd: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
