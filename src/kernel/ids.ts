import { randomBytesPooled } from './random-pool.ts';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A prefixed, time-ordered id (`ver_01j…`): 48 bits of milliseconds then 80 random bits,
 * in Crockford base32, so ids sort by creation time and make stable cursor keys.
 */
export function newId(prefix: string, nowMs: number = Date.now()): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = randomBytesPooled(16);
  let rest = '';
  for (let i = 0; i < 16; i++) rest += CROCKFORD[(random[i] as number) % 32];
  return `${prefix}_${time}${rest}`;
}
