import { describe, expect, it } from 'vitest';
import { takeTurns } from '../sqlite-claim.ts';

/** An app's oldest due rows, in index order: `[id, next_attempt_at]`. */
const rows = (...list: [string, number][]) =>
  list.map(([id, next_attempt_at]) => ({ id, next_attempt_at }));

describe('SQLite claim: taking turns', () => {
  const busy = rows(['a1', 1], ['a2', 2], ['a3', 3], ['a4', 4]);
  const quiet = rows(['b1', 5], ['b2', 6]);

  it("takes every app's oldest first, then every app's second, the oldest first in a turn", () => {
    expect(takeTurns([busy, quiet], 10)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'a4']);
  });

  it('stops at the limit, inside a turn by age', () => {
    expect(takeTurns([busy, quiet], 3)).toEqual(['a1', 'b1', 'a2']);
    expect(takeTurns([quiet, busy], 1)).toEqual(['a1']);
  });

  it('orders rows due at the same time by id, as SQLite orders them', () => {
    const first = rows(['whd_b', 7], ['whd_d', 8]);
    const second = rows(['whd_a', 7], ['whd_c', 9]);
    expect(takeTurns([first, second], 3)).toEqual(['whd_a', 'whd_b', 'whd_d']);
  });

  it('takes nothing from no apps, or apps with nothing due', () => {
    expect(takeTurns([], 5)).toEqual([]);
    expect(takeTurns([[], []], 5)).toEqual([]);
  });
});
