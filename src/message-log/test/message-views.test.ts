import { describe, expect, it } from 'vitest';
import { createMessageIdSource } from '../adapters/message-ids.ts';
import { csvCell, decodeCursor, encodeCursor } from '../http/message-views.ts';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('neutralises formulas but keeps phone numbers and negative numbers as they are', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+1+cmd')).toBe("'+1+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('+905551234567')).toBe('+905551234567');
    expect(csvCell('-5')).toBe('-5');
  });
});

describe('message cursors', () => {
  it('round-trip, and anything else is refused', () => {
    const cursor = { createdAt: 1_767_225_600_000, id: 'msg_01abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'x', 'W10', encodeCursor(cursor).slice(2), 'WzEuNSwiYSJd']) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});

describe('message ids', () => {
  it('grow within one millisecond and across milliseconds', () => {
    const next = createMessageIdSource();
    const ids = [next(1000), next(1000), next(1000), next(999), next(1001), next(1001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^msg_[0-9a-z]{26}$/);
  });
});
