import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import type { AppDeps } from './app.ts';
import type { Config } from './config.ts';
import { createHmacKeyring } from './keyring/hmac-keyring.ts';
import { loadOrCreateServerSecret } from './keyring/server-key-file.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createPromTelemetry } from './observability/prom-telemetry.ts';
import { type Clock, systemClock } from './ports/clock.ts';
import type { Keyring } from './ports/keyring.ts';
import type { Provider } from './ports/provider.ts';
import type { Store } from './ports/store.ts';
import { consoleProvider } from './providers/console-provider.ts';
import { createAppService } from './services/apps.ts';
import { createDispatcher, type Dispatcher } from './services/dispatcher.ts';
import { createVerificationService } from './services/verifications.ts';
import { createSqliteStore } from './store/sqlite/sqlite-store.ts';

export interface Deps extends AppDeps {
  keyring: Keyring;
  dispatcher: Dispatcher;
}

/** Substitutes for tests and tools; production passes none. */
export interface DepsOverrides {
  clock?: Clock;
  logDestination?: DestinationStream;
}

export const DATABASE_FILE = 'otpd.db';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

/** Opens the store of the configured mode. Migrations are the caller's choice. */
export function openStore(config: Config): Store {
  return createSqliteStore(join(config.OTPD_DATA_DIR, DATABASE_FILE));
}

/** The one place concrete adapters are chosen from configuration. */
export function createDeps(config: Config, overrides: DepsOverrides = {}): Deps {
  const clock = overrides.clock ?? systemClock;
  const logger: Logger = createLogger(config.OTPD_LOG_LEVEL, overrides.logDestination);
  const store = openStore(config);
  const secret = config.OTPD_SECRET ?? loadOrCreateServerSecret(config.OTPD_DATA_DIR);
  const keyring = createHmacKeyring(secret, config.OTPD_PREVIOUS_SECRETS);
  const telemetry = createPromTelemetry();

  const sandbox = consoleProvider.create(consoleProvider.configSchema.parse({}), {
    sandbox: store,
    clock,
  });
  // Until provider settings exist every channel goes to the sandbox, so nothing leaves the machine.
  const providersFor = (): Provider[] => [sandbox];

  const dispatcher = createDispatcher({
    store,
    keyring,
    clock,
    logger,
    telemetry,
    providersFor,
    intervalMs: config.OTPD_DISPATCH_INTERVAL_MS,
  });
  const verifications = createVerificationService({
    store,
    keyring,
    clock,
    telemetry,
    logger,
    notifyOutbox: () => dispatcher.wake(),
  });
  return {
    logger,
    clock,
    store,
    keyring,
    telemetry,
    dispatcher,
    verifications,
    apps: createAppService({ store, clock }),
    version: packageVersion(),
  };
}
