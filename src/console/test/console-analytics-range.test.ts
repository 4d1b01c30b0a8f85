import { describe, expect, it } from 'vitest';
import { localInput, presetRange } from '../../../web/console/analytics-range.ts';

describe("the console analytics page's ranges", () => {
  it('ends a preset at the coming full hour, so every bucket is whole', () => {
    const now = Date.parse('2026-03-10T14:25:00Z');
    expect(presetRange('day', now)).toEqual({
      from: '2026-03-09T15:00:00.000Z',
      to: '2026-03-10T15:00:00.000Z',
    });
    expect(presetRange('week', now).from).toBe('2026-03-03T15:00:00.000Z');
    expect(presetRange('month', now).from).toBe('2026-02-08T15:00:00.000Z');
    const onTheHour = Date.parse('2026-03-10T14:00:00Z');
    expect(presetRange('day', onTheHour).to).toBe('2026-03-10T14:00:00.000Z');
  });

  it('reads a custom bound, and nothing from an empty or broken one', () => {
    expect(localInput('')).toBeUndefined();
    expect(localInput('not a time')).toBeUndefined();
    expect(localInput('2026-03-10T14:25')).toBe(new Date(2026, 2, 10, 14, 25).toISOString());
  });
});
