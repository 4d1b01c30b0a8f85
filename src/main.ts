import { buildApp } from './app.ts';
import { connectRateLimiter } from './deps/open-cluster-state.ts';
import { migrateMessageLog, migrateStore } from './deps/open-databases.ts';
import { createDeps } from './deps.ts';
import { ConfigError, loadConfig } from './kernel/config/config.ts';
import { stopWhenParentExits } from './kernel/parent-watch.ts';
import { buildMetricsServer } from './metrics-server.ts';

/** Process entry: config, dependencies, HTTP and dispatcher; a clean stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const deps = createDeps(config);
  await migrateStore(deps.store, config);
  await migrateMessageLog(deps.messageLog, config);
  await connectRateLimiter(deps, config);
  const app = await buildApp(deps);
  await app.listen({ port: config.OTPD_PORT, host: config.OTPD_HOST });
  const metrics =
    config.OTPD_METRICS_PORT === undefined
      ? undefined
      : await buildMetricsServer({
          registry: deps.telemetry.registry,
          logger: deps.logger,
          token: config.OTPD_METRICS_TOKEN,
          tls: deps.tls,
        });
  await metrics?.listen({ port: config.OTPD_METRICS_PORT, host: config.OTPD_HOST });
  deps.dispatcher.start();
  deps.webhooks.start();
  deps.expirySweeper.start();
  deps.messageRetention.start();
  deps.webhookRetention.start();
  deps.sandboxRetention.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const graceEndsAt = Date.now() + config.OTPD_SHUTDOWN_GRACE_MS;
    const deadline = setTimeout(() => {
      deps.logger.error('in-flight work did not finish in time; exiting anyway');
      process.exit(1);
    }, config.OTPD_SHUTDOWN_GRACE_MS);
    deadline.unref();
    await app.close(); // stops accepting, waits for in-flight requests
    await metrics?.close();
    await deps.messenger.conversations.drain(); // bot replies still being stored
    // Deliveries still in flight once most of the grace is spent are abandoned: their leases
    // lapse and another instance, or the next start, takes them over.
    const workGraceMs = Math.max(0, graceEndsAt - Date.now()) * 0.8;
    await Promise.all([deps.dispatcher.stop(workGraceMs), deps.webhooks.stop(workGraceMs)]);
    await deps.expirySweeper.stop();
    await deps.messageRetention.stop();
    await deps.webhookRetention.stop();
    await deps.sandboxRetention.stop();
    await deps.store.close();
    await deps.messageLog.close();
    await deps.limiter.close();
    await deps.conversationEvents.close();
    deps.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  stopWhenParentExits(() => void stop('parent exited'));
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
