import { randomBytesPooled } from '../../kernel/random-pool.ts';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 16;

/**
 * Ids for message log entries (`msg_…`): 10 characters of milliseconds, then 16 of a
 * random number that, within one millisecond, only grows (a monotonic ULID). Two attempts of
 * one round often share a millisecond; their ids still sort in the order they were made, so
 * "failed, then sent" never reads the other way round.
 */
export function createMessageIdSource() {
  let lastTime = -1;
  let lastRandom: number[] = [];

  function nextRandom(): number[] {
    const digits = [...lastRandom];
    for (let i = digits.length - 1; i >= 0; i--) {
      const digit = (digits[i] as number) + 1;
      if (digit < 32) {
        digits[i] = digit;
        return digits;
      }
      digits[i] = 0;
    }
    // 32^16 ids in one millisecond cannot happen; start over rather than wrap silently.
    return fresh();
  }

  function fresh(): number[] {
    // The first digit stays below 16, leaving room to count up within the millisecond.
    return [...randomBytesPooled(RANDOM_CHARS)].map((b, i) => (i === 0 ? b % 16 : b % 32));
  }

  return (nowMs: number): string => {
    if (nowMs <= lastTime) {
      lastRandom = nextRandom();
    } else {
      lastTime = nowMs;
      lastRandom = fresh();
    }
    let time = '';
    let t = lastTime;
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD[t % 32] + time;
      t = Math.floor(t / 32);
    }
    return `msg_${time}${lastRandom.map((d) => CROCKFORD[d]).join('')}`;
  };
}
