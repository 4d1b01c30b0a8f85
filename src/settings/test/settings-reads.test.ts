import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/process.ts';
import { createLimiterWindowCounter } from '../../abuse/adapters/limiter-window-counter.ts';
import { openConversationEvents, openRateLimiter } from '../../deps/open-cluster-state.ts';
import { openMessageLog, openStore } from '../../deps/open-databases.ts';
import { openKeyring, openOutbound, openSettings } from '../../deps/open-settings.ts';
import { systemClock } from '../../kernel/clock.ts';
import { loadConfig } from '../../kernel/config/config.ts';
import { createMessageIdSource } from '../../message-log/adapters/message-ids.ts';
import { createLogger } from '../../observability/logger.ts';
import { noopTelemetry } from '../../ports/telemetry.ts';
import { createServiceGraph } from '../../service-graph.ts';
import { createBuiltinValidator } from '../../verification/adapters/builtin-validator.ts';
import type { SettingsService } from '../settings-service.ts';

/** Every SettingsService method that looks an app's settings up by its id. */
const READS = ['get', 'providersFor', 'validatorFor', 'secretValues'] as const;

/** The settings service with each look-up of an app's settings written down. */
function counting(settings: SettingsService) {
  const reads: string[] = [];
  const counted: Record<string, unknown> = { ...settings };
  for (const name of READS) {
    const read = settings[name] as (...args: unknown[]) => unknown;
    counted[name] = (...args: unknown[]) => {
      reads.push(name);
      return read(...args);
    };
  }
  return { settings: counted as unknown as SettingsService, reads };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The real service graph over a fresh data dir, as src/deps.ts wires it, its look-ups counted. */
async function graphWithCountedSettings() {
  const config = loadConfig({ OTPD_DATA_DIR: join(tempDir(), 'data'), OTPD_LOG_LEVEL: 'silent' });
  const clock = systemClock;
  const logger = createLogger('silent');
  const store = openStore(config, logger);
  const messageLog = openMessageLog(config, logger);
  const { limiter } = openRateLimiter(config, { clock, logger });
  closers.push(
    () => store.close(),
    () => messageLog.close(),
    () => limiter.close(),
  );
  await store.migrate();
  await messageLog.migrate();
  const keyring = openKeyring(config);
  const outbound = openOutbound(config, logger);
  const real = openSettings(config, { store, keyring, clock, logger, outbound });
  const { settings, reads } = counting(real);
  const graph = createServiceGraph({
    config,
    clock,
    logger,
    store,
    keyring,
    telemetry: noopTelemetry,
    outbound,
    settings,
    messageLog,
    limiter,
    windowCounter: createLimiterWindowCounter(limiter),
    builtinValidator: createBuiltinValidator(keyring),
    newMessageId: createMessageIdSource(),
    twilioFor: () => {
      throw new Error('no Convertalk request here');
    },
    conversationStore: store,
    conversationEvents: openConversationEvents(config, logger),
    verificationStats: store,
  });
  const { app } = await graph.apps.createApp('Reads');
  // Every step has something to decide: webhooks, a safelist and the pumping guard.
  const replaced = await real.replace(app.id, {
    webhooks: [
      {
        url: 'https://hooks.example.com/otpd',
        events: ['verification.created'],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      },
    ],
    safelist: ['+14155550199'],
    fraudGuard: { mode: 'enforce' },
    verification: { resendCooldownSeconds: 0 },
  });
  expect(replaced, JSON.stringify(replaced)).toMatchObject({ status: 'replaced' });
  return { graph, app, reads };
}

describe('settings look-ups per request', () => {
  it('reads the app settings once for one start, and every guard decides by that read', async () => {
    const { graph, app, reads } = await graphWithCountedSettings();
    reads.length = 0;
    const v = await graph.verifications.start(app, { to: '+905551234567', channel: 'sms' });
    expect(v.status).toBe('pending');
    expect(reads).toEqual(['get']);
  });

  it('reads them once for a direct send: its message is made from what its start read', async () => {
    const { graph, app, reads } = await graphWithCountedSettings();
    const bodies: string[] = [];
    const provider = {
      name: 'direct',
      send: async (message: { body: string }) => {
        bodies.push(message.body);
        return { providerMessageId: 'SM1' };
      },
    };
    reads.length = 0;
    const sent = await graph.convertalk.sendDirect(app, { to: '+905551234567' }, provider);
    expect(sent.status).toBe('sent');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain(sent.code);
    expect(reads).toEqual(['get']);
  });

  it('reads them once for one resend, one check and one check by destination', async () => {
    const { graph, app, reads } = await graphWithCountedSettings();
    const v = await graph.verifications.start(app, { to: '+905551234567', channel: 'sms' });
    reads.length = 0;
    const resent = await graph.verifications.resend(app.id, v.id);
    expect(resent.sends).toBe(2);
    expect(reads).toEqual(['get']);
    reads.length = 0;
    const outcome = await graph.verifications.check(app.id, v.id, 'wrong');
    expect(outcome.valid).toBe(false);
    expect(reads).toEqual(['get']);
    reads.length = 0;
    const byDestination = await graph.verifications.checkDestination(app.id, {
      to: '+905551234567',
      code: 'wrong',
    });
    expect(byDestination).toMatchObject({ valid: false, verification: { id: v.id } });
    expect(reads).toEqual(['get']);
  });
});
