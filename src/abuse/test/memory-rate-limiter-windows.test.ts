import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { createMemoryRateLimiter } from '../adapters/memory-rate-limiter.ts';
import type { Rule } from '../rate-limiter-ports.ts';

const ONE_PER_MINUTE: Rule = { max: 1, windowSeconds: 60 };

describe('memory rate limiter', () => {
  it('at the key cap evicts the least recently used key, which fails open', async () => {
    const clock = createFakeClock();
    const limiter = createMemoryRateLimiter({ clock, maxKeys: 3 });
    const rule: Rule = { max: 2, windowSeconds: 60 };
    for (const key of ['a', 'b', 'c']) await limiter.consume(key, rule);
    await limiter.consume('a', rule); // a is now the most recently used
    await limiter.consume('d', rule); // evicts b
    expect(limiter.size()).toBe(3);
    expect(limiter.evictions()).toBe(1);
    expect((await limiter.peek('b', rule)).remaining).toBe(1); // b forgot its count
    expect((await limiter.consume('a', rule)).allowed).toBe(false); // a kept both
    await limiter.close();
  });

  it('drops expired keys before evicting live ones, and does not call that an eviction', async () => {
    const clock = createFakeClock();
    const limiter = createMemoryRateLimiter({ clock, maxKeys: 2 });
    await limiter.consume('old', ONE_PER_MINUTE);
    clock.advance(30_000);
    await limiter.consume('live', ONE_PER_MINUTE);
    clock.advance(30_000); // old has left its window; live has not
    await limiter.consume('new', ONE_PER_MINUTE);
    expect(limiter.evictions()).toBe(0);
    expect((await limiter.consume('live', ONE_PER_MINUTE)).allowed).toBe(false);
    await limiter.close();
  });

  it('stays within the cap under a flood of fresh keys, keeping a refused hot key counted', async () => {
    const clock = createFakeClock();
    const limiter = createMemoryRateLimiter({ clock, maxKeys: 100 });
    const budget: Rule = { max: 1_000, windowSeconds: 86_400 };
    let hot = 0;
    for (let i = 0; i < 5_000; i++) {
      clock.advance(10);
      await limiter.consume(`app_1:dest:+9055512${i}`, ONE_PER_MINUTE);
      if ((await limiter.consume('app_1:budget', budget)).allowed) hot++;
      expect(limiter.size()).toBeLessThanOrEqual(100);
    }
    expect(hot).toBe(1_000);
    await limiter.close();
  });

  it('sweeps expired keys as calls go by, without waiting for the cap', async () => {
    const clock = createFakeClock();
    const limiter = createMemoryRateLimiter({ clock });
    for (let i = 0; i < 50; i++) await limiter.consume(`k${i}`, ONE_PER_MINUTE);
    clock.advance(60_000);
    // Each call drops up to 8 expired keys from the oldest end: 7 calls clear 50.
    for (let i = 0; i < 7; i++) await limiter.consume('other', ONE_PER_MINUTE);
    expect(limiter.size()).toBe(1);
    await limiter.close();
  });

  it('creates no key for a peek or a refusal', async () => {
    const limiter = createMemoryRateLimiter({ clock: createFakeClock() });
    await limiter.peek('a', ONE_PER_MINUTE);
    await limiter.consume('b', { max: 0, windowSeconds: 60 });
    await limiter.consume('c', ONE_PER_MINUTE, 2);
    expect(limiter.size()).toBe(0);
    await limiter.close();
  });

  it('refuses a key cap below 1', () => {
    expect(() => createMemoryRateLimiter({ clock: createFakeClock(), maxKeys: 0 })).toThrow(
      RangeError,
    );
  });
});
