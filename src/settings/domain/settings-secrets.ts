/**
 * Which strings of a settings document are secrets, and how they are transformed
 * (encrypted for storage, masked for reading).
 *
 * A string is secret when it sits
 * - in a provider entry, at or beneath a path its plug-in declares in
 *   `metadata.secretFields` (dotted; `*` matches any key or index: `request.headers.*`);
 * - in a provider entry or webhook, at or beneath a key whose name is a well-known secret
 *   name (`SECRET_KEY`, case-insensitive: `Authorization`, `authToken`, `password`, `apiKey`,
 *   `secret`, …) — a safety net for plug-ins that forget to declare one;
 * - in the app's `validator`, at or beneath a path its plug-in declares, or a secret name;
 * - at `webhooks[].secret`;
 * - in `dialects`, at or beneath a secret name (`dialects.diyalog.secret`);
 * - at `messenger.bot.secret`.
 */

export type Path = (string | number)[];

export const SECRET_KEY =
  /^(authorization|proxy-authorization|x-api-key|x-auth-token|api[-_]?key|auth[-_]?token|access[-_]?token|token|password|passwd|pass|secret|client[-_]?secret|private[-_]?key)$/i;

/** What a masked secret starts with; a stored secret never does (see `isMasked`). */
export const MASK = '••••';

/** `••••` and the last four characters — those only when at least 12 remain hidden. */
export function maskSecret(value: string): string {
  return value.length >= 16 ? `${MASK}${value.slice(-4)}` : MASK;
}

export function isMasked(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(MASK);
}

/** A secret string found in a document. */
export interface SecretSpot {
  /** Where it is, from the document root. */
  path: Path;
  /**
   * The same place named so that it survives reordering providers: a provider with a
   * `name` is named by it, others by position; webhooks by position.
   */
  location: string;
  /**
   * The entry that holds it, named as in `location`: `channels.sms.providers[name=gw]`,
   * `validator[type=http]`, `webhooks[#0]`, `dialects.diyalog`. Its destination decides
   * where the secret travels (see settings-destinations.ts).
   */
  holder: string;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A provider entry as `SecretSpot.holder` names it: by `name`, or by position without one. */
export function providerHolder(channel: string, entry: Record<string, unknown>, index: number) {
  const who = typeof entry.name === 'string' ? `name=${entry.name}` : `#${index}`;
  return `channels.${channel}.providers[${who}]`;
}

export const validatorHolder = (type: string) => `validator[type=${type}]`;

export function declaredMatch(patterns: string[][], relative: Path): boolean {
  return patterns.some(
    (pattern) =>
      pattern.length <= relative.length &&
      pattern.every((segment, i) => segment === '*' || segment === String(relative[i])),
  );
}

/** Visits every string leaf beneath `value` with its path relative to where the walk began. */
export function walk(
  value: unknown,
  relative: Path,
  visit: (leaf: string, relative: Path) => void,
): void {
  if (typeof value === 'string') visit(value, relative);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      walk(v, [...relative, i], visit);
    });
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) walk(v, [...relative, key], visit);
  }
}

/**
 * Every secret string in a (possibly invalid) settings document. Tolerates any shape: parts
 * that are not where settings put providers and webhooks are skipped.
 */
export function findSecrets(
  doc: unknown,
  secretFieldsOf: (type: string) => readonly string[],
  validatorSecretFieldsOf: (type: string) => readonly string[] = () => [],
): SecretSpot[] {
  const spots: SecretSpot[] = [];
  if (!isObject(doc)) return spots;
  const byName = (relative: Path) =>
    relative.some((segment) => typeof segment === 'string' && SECRET_KEY.test(segment));

  if (isObject(doc.channels)) {
    for (const [channel, settings] of Object.entries(doc.channels)) {
      if (!isObject(settings) || !Array.isArray(settings.providers)) continue;
      settings.providers.forEach((entry: unknown, index) => {
        if (!isObject(entry)) return;
        const type = typeof entry.type === 'string' ? entry.type : '';
        const patterns = secretFieldsOf(type).map((p) => p.split('.'));
        const holder = providerHolder(channel, entry, index);
        walk(entry, [], (_leaf, relative) => {
          if (relative[0] === 'type') return;
          if (!declaredMatch(patterns, relative) && !byName(relative)) return;
          spots.push({
            path: ['channels', channel, 'providers', index, ...relative],
            location: `${holder}.${relative.join('.')}`,
            holder,
          });
        });
      });
    }
  }
  if (isObject(doc.validator)) {
    const type = typeof doc.validator.type === 'string' ? doc.validator.type : '';
    const patterns = validatorSecretFieldsOf(type).map((p) => p.split('.'));
    walk(doc.validator, [], (_leaf, relative) => {
      if (relative[0] === 'type') return;
      if (!declaredMatch(patterns, relative) && !byName(relative)) return;
      // One validator per app: a secret is kept while its type and place stay the same.
      spots.push({
        path: ['validator', ...relative],
        location: `${validatorHolder(type)}.${relative.join('.')}`,
        holder: validatorHolder(type),
      });
    });
  }
  if (Array.isArray(doc.webhooks)) {
    doc.webhooks.forEach((hook: unknown, index) => {
      walk(hook, [], (_leaf, relative) => {
        if (!byName(relative)) return; // `secret` is a secret name
        spots.push({
          path: ['webhooks', index, ...relative],
          location: `webhooks[#${index}].${relative.join('.')}`,
          holder: `webhooks[#${index}]`,
        });
      });
    });
  }
  if (isObject(doc.dialects)) {
    walk(doc.dialects, [], (_leaf, relative) => {
      if (!byName(relative)) return;
      spots.push({
        path: ['dialects', ...relative],
        location: `dialects.${relative.join('.')}`,
        holder: `dialects.${relative[0]}`,
      });
    });
  }
  if (isObject(doc.messenger) && isObject(doc.messenger.bot)) {
    const secret = doc.messenger.bot.secret;
    if (typeof secret === 'string') {
      spots.push({
        path: ['messenger', 'bot', 'secret'],
        location: 'messenger.bot.secret',
        holder: 'messenger.bot',
      });
    }
  }
  return spots;
}

export function getAt(doc: unknown, path: Path): unknown {
  let current: unknown = doc;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A deep copy of a JSON document with each listed string replaced by `replace(value, spot)`. */
export function replaceSecrets<T>(
  doc: T,
  spots: SecretSpot[],
  replace: (value: string, spot: SecretSpot) => string,
): T {
  const copy = structuredClone(doc);
  for (const spot of spots) {
    const parent = getAt(copy, spot.path.slice(0, -1)) as Record<string | number, unknown>;
    const key = spot.path[spot.path.length - 1] as string | number;
    const value = parent[key];
    if (typeof value === 'string') parent[key] = replace(value, spot);
  }
  return copy;
}
