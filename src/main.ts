import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDeps, describeDatabase } from './deps.ts';

/** Process entry: config, dependencies, HTTP and dispatcher; a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const deps = createDeps(config);
  try {
    await deps.store.migrate();
  } catch (error) {
    throw new Error(`database ${describeDatabase(config)}: ${oneLine(error)}`);
  }
  const app = await buildApp(deps);
  await app.listen({ port: config.OTPD_PORT, host: config.OTPD_HOST });
  deps.dispatcher.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const deadline = setTimeout(() => {
      deps.logger.error('in-flight work did not finish in time; exiting anyway');
      process.exit(1);
    }, config.OTPD_SHUTDOWN_GRACE_MS);
    deadline.unref();
    await app.close(); // stops accepting, waits for in-flight requests
    await deps.dispatcher.stop();
    await deps.store.close();
    deps.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** An error as one line; a failed connect to a name with several addresses has no message. */
function oneLine(error: unknown): string {
  const text =
    error instanceof AggregateError && !error.message
      ? error.errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  return text.replace(/\s*\n\s*/g, ' ');
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`otpd: ${error.message}\n`);
  } else {
    process.stderr.write(
      `otpd: failed to start: ${error instanceof Error ? error.message : error}\n`,
    );
  }
  process.exit(1);
});
