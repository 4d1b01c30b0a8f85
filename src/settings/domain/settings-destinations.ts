import {
  isObject,
  type Path,
  providerHolder,
  type SecretSpot,
  validatorHolder,
} from './settings-secrets.ts';

/**
 * Where the secrets of each entry of a settings document travel, as one comparable text per
 * entry (`SecretSpot.holder`). A masked secret sent back keeps the stored one only while its
 * entry's destination is what it was: otherwise a key holder could point a gateway's URL,
 * host, port or account at their own server, send the masked values back, and have otpd
 * deliver the stored password there.
 *
 * An entry's destination is
 * - for a provider or the validator: its `type` and the fields its plug-in declares in
 *   `metadata.destinationFields` (dotted, `*` for any key or index, matched ignoring case so
 *   `request.headers.host` covers `Host`), with the `vars` each of them names as a
 *   `{{placeholder}}` — a URL built from vars goes where the vars say. A plug-in that
 *   declares none fails closed: every field of the entry counts, secrets included;
 * - for a webhook: its `url`;
 * - for a dialect: the fields listed in `DIALECT_DESTINATIONS`, or all of it when unlisted.
 */

export interface DestinationRules {
  /** A provider type's `metadata.destinationFields`; undefined when it declares none. */
  providerFieldsOf(type: string): readonly string[] | undefined;
  /** A validator type's `metadata.destinationFields`; undefined when it declares none. */
  validatorFieldsOf(type: string): readonly string[] | undefined;
}

/** Where each dialect sends what its secret signs. */
export const DIALECT_DESTINATIONS: Readonly<Record<string, readonly string[]>> = {
  diyalog: ['webhookUrl'],
};

const WEBHOOK_DESTINATION = ['url'];

/** `{{name}}` as request templates write a placeholder (outbound/http-template-schema.ts). */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The message of a masked secret whose entry now sends elsewhere. */
export const MOVED_SECRET = 're-enter this secret when the destination changes';

/** JSON with object keys sorted, so two equal values always read the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Visits every value that is neither an object nor an array, with its relative path. */
function leaves(value: unknown, relative: Path, visit: (leaf: unknown, relative: Path) => void) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      leaves(v, [...relative, i], visit);
    });
  } else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) leaves(v, [...relative, key], visit);
  } else visit(value, relative);
}

/** The entry sends its secrets nowhere: every destination field it declares is null. */
export const NOWHERE = 'nowhere';

/**
 * The destination of one entry, as text; `fields` undefined means the whole entry.
 * `NOWHERE` when every declared field it has is null (Diyalog without a webhook URL).
 */
export function destinationOf(
  entry: Record<string, unknown>,
  fields: readonly string[] | undefined,
): string {
  if (fields === undefined) return canonicalJson(entry);
  const patterns = fields.map((f) => f.toLowerCase().split('.'));
  const vars = isObject(entry.vars) ? entry.vars : {};
  const found: [string, unknown][] = [];
  const named = new Map<string, unknown>();
  leaves(entry, [], (leaf, relative) => {
    const lower = relative.map((s) => String(s).toLowerCase());
    const declared = patterns.some(
      (pattern) =>
        pattern.length <= lower.length &&
        pattern.every((segment, i) => segment === '*' || segment === lower[i]),
    );
    if (!declared) return;
    found.push([relative.join('\u0000'), leaf]);
    if (typeof leaf !== 'string') return;
    for (const [, name] of leaf.matchAll(PLACEHOLDER)) {
      named.set(name as string, vars[name as string]);
    }
  });
  if (found.length > 0 && found.every(([, leaf]) => leaf === null)) return NOWHERE;
  found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return canonicalJson({ type: entry.type, found, vars: Object.fromEntries(named) });
}

/** Every entry of a (possibly invalid) settings document that may hold secrets, by holder. */
export function destinationsOf(doc: unknown, rules: DestinationRules): Map<string, string> {
  const destinations = new Map<string, string>();
  if (!isObject(doc)) return destinations;
  if (isObject(doc.channels)) {
    for (const [channel, settings] of Object.entries(doc.channels)) {
      if (!isObject(settings) || !Array.isArray(settings.providers)) continue;
      settings.providers.forEach((entry: unknown, index) => {
        if (!isObject(entry)) return;
        const type = typeof entry.type === 'string' ? entry.type : '';
        destinations.set(
          providerHolder(channel, entry, index),
          destinationOf(entry, rules.providerFieldsOf(type)),
        );
      });
    }
  }
  if (isObject(doc.validator)) {
    const type = typeof doc.validator.type === 'string' ? doc.validator.type : '';
    destinations.set(
      validatorHolder(type),
      destinationOf(doc.validator, rules.validatorFieldsOf(type)),
    );
  }
  if (Array.isArray(doc.webhooks)) {
    doc.webhooks.forEach((hook: unknown, index) => {
      if (isObject(hook)) {
        destinations.set(`webhooks[#${index}]`, destinationOf(hook, WEBHOOK_DESTINATION));
      }
    });
  }
  if (isObject(doc.dialects)) {
    for (const [name, dialect] of Object.entries(doc.dialects)) {
      if (isObject(dialect)) {
        destinations.set(`dialects.${name}`, destinationOf(dialect, DIALECT_DESTINATIONS[name]));
      }
    }
  }
  if (isObject(doc.messenger) && isObject(doc.messenger.bot)) {
    destinations.set('messenger.bot', destinationOf(doc.messenger.bot, WEBHOOK_DESTINATION));
  }
  return destinations;
}

/**
 * The secrets among `restored` (masked values that were given back their stored secret)
 * whose entry sends somewhere else in `after` than in `before`; an entry missing on either
 * side counts as moved, one that now sends nowhere does not.
 */
export function movedSecrets(
  restored: readonly SecretSpot[],
  before: Map<string, string>,
  after: Map<string, string>,
): SecretSpot[] {
  return restored.filter((spot) => {
    const was = before.get(spot.holder);
    const now = after.get(spot.holder);
    return was === undefined || (was !== now && now !== NOWHERE);
  });
}
