import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openKeyring, openSettings } from '../deps/open-settings.ts';
import { systemClock } from '../kernel/clock.ts';
import { loadConfig } from '../kernel/config/config.ts';
import { createLogger } from '../observability/logger.ts';
import type { Store } from '../ports/store.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { CliError } from './cli-error.ts';
import { dialectLines, dialectView } from './dialect-view.ts';

/** What the settings commands borrow from the CLI around them. */
export interface SettingsCommandContext {
  env: NodeJS.ProcessEnv;
  print: (value: unknown, json: boolean, text: () => string) => void;
  withStore: <T>(env: NodeJS.ProcessEnv, work: (store: Store) => Promise<T>) => Promise<T>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Like `withStore`, with the app settings service, which needs the server keys. */
function withSettings<T>(
  ctx: SettingsCommandContext,
  work: (settings: SettingsService, store: Store) => Promise<T>,
): Promise<T> {
  const config = loadConfig(ctx.env);
  return ctx.withStore(ctx.env, (store) =>
    work(
      openSettings(config, {
        store,
        keyring: openKeyring(config),
        clock: systemClock,
        logger: createLogger(config.OTPD_LOG_LEVEL),
      }),
      store,
    ),
  );
}

/** A settings file as JSON; unreadable or malformed files are a user mistake. */
function readSettingsFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : error}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** `otpd apps show` and `otpd apps update`: an app's settings, as `/v1/settings` has them. */
export function addSettingsCommands(apps: Command, ctx: SettingsCommandContext): void {
  apps
    .command('show')
    .description('show an app and its settings (secrets masked)')
    .argument('<appId>', 'the app, e.g. app_01…')
    .option(
      '--json',
      'print JSON: {"id", "name", "createdAt", "dialects", "settingsRevision", "settings"}',
    )
    .action((appId: string, options: { json?: boolean }) =>
      withSettings(ctx, async (settings, store) => {
        const app = await store.getApp(appId);
        const shown = app && (await settings.show(appId));
        if (!app || !shown) throw new CliError(`no app ${appId}`);
        const view = {
          id: app.id,
          name: app.name,
          createdAt: iso(app.createdAt),
          dialects: dialectView(app),
          settingsRevision: shown.revision,
          settingsUpdatedAt: iso(shown.updatedAt),
          settings: shown.settings,
        };
        ctx.print(view, !!options.json, () =>
          [
            `app      ${view.id}  ${view.name}`,
            `created  ${view.createdAt}`,
            ...dialectLines(app),
            `settings revision ${view.settingsRevision}${view.settingsUpdatedAt ? `, updated ${view.settingsUpdatedAt}` : ' (defaults)'}`,
            JSON.stringify(view.settings, null, 2),
          ].join('\n'),
        );
      }),
    );
  apps
    .command('update')
    .description(
      "replace an app's settings with a JSON document, validated as PUT /v1/settings does\n" +
        '(masked secrets keep their stored values; a running server applies the change within\n' +
        'OTPD_SETTINGS_REFRESH_MS, 2 s by default)',
    )
    .argument('<appId>', 'the app')
    .requiredOption(
      '--settings <file>',
      'the settings document (JSON), e.g. the `settings` that `apps show --json` printed',
    )
    .option('--json', 'print JSON: {"id", "settingsRevision", "settings"}')
    .action((appId: string, options: { settings: string; json?: boolean }) =>
      withSettings(ctx, async (settings) => {
        const input = readSettingsFile(options.settings);
        const outcome = await settings.replace(appId, input);
        if (outcome.status === 'app_not_found') throw new CliError(`no app ${appId}`);
        if (outcome.status === 'invalid') {
          const lines = outcome.errors.map((e) => `  ${e.field}: ${e.message}`);
          throw new CliError(
            `invalid settings in ${options.settings}; nothing saved\n${lines.join('\n')}`,
          );
        }
        const view = { id: appId, settingsRevision: outcome.revision, settings: outcome.settings };
        ctx.print(
          view,
          !!options.json,
          () => `settings of ${appId} replaced (revision ${outcome.revision})`,
        );
      }),
    );
}
