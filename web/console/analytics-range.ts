/** The analytics page's range: a preset ending at the coming full hour, or the admin's own. */

export const PRESETS = { day: 24, week: 7 * 24, month: 30 * 24 } as const;
export type Preset = keyof typeof PRESETS | 'custom';

const HOUR_MS = 3_600_000;

export interface Range {
  from: string;
  to: string;
}

/** The last `hours` hours up to the end of the current hour, so buckets are whole. */
export function presetRange(preset: keyof typeof PRESETS, now: number): Range {
  const to = Math.ceil(now / HOUR_MS) * HOUR_MS;
  return {
    from: new Date(to - PRESETS[preset] * HOUR_MS).toISOString(),
    to: new Date(to).toISOString(),
  };
}

/** A `datetime-local` value (the admin's local time) as an instant; undefined if empty or bad. */
export function localInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An instant as a `datetime-local` value in the admin's local time, to the minute. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
