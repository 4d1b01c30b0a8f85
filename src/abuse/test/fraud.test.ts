import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { createLogger } from '../../observability/logger.ts';
import { createLimiterWindowCounter } from '../adapters/limiter-window-counter.ts';
import { createMemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import {
  conversionOf,
  decisionStatus,
  FRAUD_GUARD_DEFAULTS,
  fraudGuardSchema,
  guardedChannel,
  looksPumped,
  numberPrefix,
} from '../domain/fraud.ts';
import { createFraudGuard } from '../fraud-guard.ts';
import { RateLimiterUnavailableError } from '../rate-limiter-ports.ts';

describe('SMS-pumping guard: pure parts', () => {
  it('takes a prefix as the number without its last 4 digits', () => {
    expect(numberPrefix('+905551249001')).toBe('+90555124');
    expect(numberPrefix('+14155550100')).toBe('+1415555');
  });

  it('guards sms and whatsapp, not email or messenger', () => {
    expect(
      ['sms', 'whatsapp', 'email', 'messenger', 'voice'].map((c) => guardedChannel(c as never)),
    ).toEqual([true, true, false, false, true]);
  });

  it('judges only past minSends, and by conversion under minConversion', () => {
    const s = fraudGuardSchema.parse({});
    expect(s).toEqual(FRAUD_GUARD_DEFAULTS);
    expect(looksPumped(29, 0, s)).toBe(false);
    expect(looksPumped(30, 0, s)).toBe(true);
    expect(looksPumped(30, 2, s)).toBe(true);
    expect(looksPumped(30, 3, s)).toBe(false);
    // Approvals of codes sent before the window can outnumber sends: full conversion.
    expect(looksPumped(30, 45, s)).toBe(false);
    expect(conversionOf(3, 1)).toBe(0.3333);
    expect(conversionOf(0, 0)).toBe(1);
  });

  it('validates its settings', () => {
    for (const bad of [
      { mode: 'block' },
      { minSends: 0 },
      { minConversion: 1.5 },
      { windowSeconds: 10 },
      { blockSeconds: 31 * 86_400 },
      { extra: 1 },
    ]) {
      expect(fraudGuardSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('names the state of a decision', () => {
    const d = { action: 'block' as const, expiresAt: 100, liftedAt: null };
    expect(decisionStatus(d, 99)).toBe('active');
    expect(decisionStatus({ ...d, action: 'monitor' }, 99)).toBe('monitor');
    expect(decisionStatus(d, 100)).toBe('expired');
    expect(decisionStatus({ ...d, liftedAt: 50 }, 60)).toBe('lifted');
  });
});

describe('window counter over the rate limiter', () => {
  it('counts, reads without counting, forgets, and lets counts leave their window', async () => {
    const clock = createFakeClock();
    const counter = createLimiterWindowCounter(createMemoryRateLimiter({ clock }));
    expect(await counter.read('k', 60)).toBe(0);
    expect(await counter.add('k', 60)).toBe(1);
    expect(await counter.add('k', 60)).toBe(2);
    expect(await counter.read('k', 60)).toBe(2);
    clock.advance(61_000);
    expect(await counter.read('k', 60)).toBe(0);
    await counter.add('k', 60);
    await counter.reset('k');
    expect(await counter.read('k', 60)).toBe(0);
  });
});

describe('fraud guard failure modes', () => {
  it('fails open on counting: a counter that cannot answer lets the send go, logged', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', {
      write: (line: string) => {
        lines.push(line);
      },
    } as never);
    const down = async () => {
      throw new RateLimiterUnavailableError('redis is down');
    };
    const guard = createFraudGuard({
      store: {} as never,
      counter: { add: down, read: down, reset: down },
      clock: createFakeClock(),
      logger,
    });
    const settings = { fraudGuard: fraudGuardSchema.parse({ minSends: 1 }), safelist: [] };
    const send = { to: '+905551249001', channel: 'sms' } as const;
    await expect(guard.afterSend('app_1', settings, send)).resolves.toBe(undefined);
    await expect(guard.approved('app_1', settings, send)).resolves.toBe(undefined);
    expect(lines.join('')).toContain('could not count');
    expect(lines.join('')).not.toContain('+905551249001');
  });
});
