import { isDeepStrictEqual } from 'node:util';
import { getAt, maskSecret, type SecretSpot } from './settings-secrets.ts';

/** One changed value of a settings document; a secret's values are masked. */
export interface SettingsChange {
  /** JSON Pointer of the value, e.g. `/channels/sms/providers/0/authToken`. */
  path: string;
  before?: unknown;
  after?: unknown;
  /** True when a secret changed: its masks may look alike, its values do not. */
  secret?: true;
}

const pointer = (path: readonly (string | number)[]) =>
  path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

const isContainer = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null;

/**
 * What an audit entry says of a settings change: each changed leaf with its old and new
 * value, secrets masked (settings-secrets.ts), so an entry never holds one. `secretsOf`
 * finds the secrets of a document (the settings service's `secretsOf`).
 */
export function maskedSettingsDiff(
  before: unknown,
  after: unknown,
  secretsOf: (doc: unknown) => SecretSpot[],
): SettingsChange[] {
  const secret = new Set(
    [...secretsOf(before), ...secretsOf(after)].map((spot) => pointer(spot.path)),
  );
  const changes: SettingsChange[] = [];
  const shown = (value: unknown, path: string) =>
    secret.has(path) && typeof value === 'string' ? maskSecret(value) : value;

  const leaf = (where: string, a: unknown, b: unknown): SettingsChange => ({
    path: where,
    ...(a === undefined ? {} : { before: shown(a, where) }),
    ...(b === undefined ? {} : { after: shown(b, where) }),
    ...(secret.has(where) ? { secret: true as const } : {}),
  });

  const visit = (path: string[]) => {
    const a = getAt(before, path);
    const b = getAt(after, path);
    if (isDeepStrictEqual(a, b)) return;
    const where = pointer(path);
    const containers = [a, b].filter(isContainer);
    if (containers.length === 0) {
      changes.push(leaf(where, a, b));
      return;
    }
    // Objects and arrays are walked leaf by leaf, so every secret in them stays masked.
    for (const key of new Set(containers.flatMap((c) => Object.keys(c)))) visit([...path, key]);
    // A plain value replaced by an object or array, or the reverse.
    const plainA = isContainer(a) ? undefined : a;
    const plainB = isContainer(b) ? undefined : b;
    if (plainA !== undefined || plainB !== undefined) changes.push(leaf(where, plainA, plainB));
  };

  visit([]);
  return changes;
}
