import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 4096;
const MAX_TAKE = 256;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

/**
 * `n` (at most 256) bytes from the system's CSPRNG, drawn 4 KiB at a time: an id needs 16,
 * and asking the generator for each one cost more than the rest of making the id. Every byte
 * is handed out once; the caller gets its own copy.
 */
export function randomBytesPooled(n: number): Buffer {
  if (!Number.isInteger(n) || n < 1 || n > MAX_TAKE) {
    throw new RangeError(`randomBytesPooled takes 1..${MAX_TAKE} bytes`);
  }
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + n));
  // Wiped as it is taken, so a later reader of the pool can never see bytes already given out.
  pool.fill(0, offset, offset + n);
  offset += n;
  return bytes;
}
