import { describe, expect, it } from 'vitest';
import { maskDestination } from '../mask.ts';

describe('maskDestination', () => {
  it.each(['+905551234567', '+14155550100', '+447911123456', '+255712345678'])(
    'hides the middle of %s and keeps its length, prefix and last two digits',
    (phone) => {
      const masked = maskDestination(phone);
      expect(masked).toHaveLength(phone.length);
      expect(masked.endsWith(phone.slice(-2))).toBe(true);
      expect(masked.startsWith(phone.slice(0, 3))).toBe(true);
      const hidden = [...masked].filter((c) => c === '•').length;
      // At least half of the number is hidden: not enough left to dial.
      expect(hidden).toBeGreaterThanOrEqual(Math.ceil(phone.length / 2));
      expect(masked).not.toContain(phone.slice(3, -2));
    },
  );

  it('hides a short value completely', () => {
    expect(maskDestination('123456')).toBe('••••••');
    expect(maskDestination('12')).toBe('••');
  });

  it('keeps only the first letter of an email local part, and the domain', () => {
    expect(maskDestination('ada@example.com')).toBe('a••@example.com');
    expect(maskDestination('ada.lovelace@example.com')).toBe('a••@example.com');
    expect(maskDestination('ada.lovelace@example.com')).not.toContain('lovelace');
  });
});

describe('maskDestination examples', () => {
  it('keeps a third of a phone number up front (at most 6) and the last two digits', () => {
    expect(maskDestination('+905551234567')).toBe('+905•••••••67');
    expect(maskDestination('ada@example.com')).toBe('a••@example.com');
  });
});
