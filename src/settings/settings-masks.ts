import type { FieldError } from '../kernel/errors.ts';
import {
  type DestinationRules,
  destinationsOf,
  MOVED_SECRET,
  movedSecrets,
} from './domain/settings-destinations.ts';
import {
  getAt,
  isMasked,
  maskSecret,
  replaceSecrets,
  type SecretSpot,
} from './domain/settings-secrets.ts';

export interface Unmasked {
  /** The input with each masked value that matched replaced by its stored secret. */
  document: unknown;
  /** Masked values that match no secret stored at their place. */
  errors: FieldError[];
  /** Where a masked value was given back its stored secret. */
  restored: SecretSpot[];
}

/**
 * Puts stored secrets back where `input` carries their masked form, so a document read
 * with GET can be sent back with PUT. A masked value must match the secret stored at the
 * same place (same channel, same provider `name` or position, same field); one that matches
 * nothing — a new entry, a renamed provider, another channel — is an error: a mask is never
 * a way to copy a secret elsewhere.
 */
export function unmask(
  input: unknown,
  previous: unknown,
  secretsOf: (doc: unknown) => SecretSpot[],
): Unmasked {
  const kept = new Map<string, string>();
  if (previous) {
    for (const spot of secretsOf(previous)) {
      kept.set(spot.location, getAt(previous, spot.path) as string);
    }
  }
  const errors: FieldError[] = [];
  const restored: SecretSpot[] = [];
  const spots = secretsOf(input).filter((spot) => isMasked(getAt(input, spot.path)));
  const document = replaceSecrets(input, spots, (value, spot) => {
    const secret = kept.get(spot.location);
    if (secret !== undefined && maskSecret(secret) === value) {
      restored.push(spot);
      return secret;
    }
    errors.push({
      field: spot.path.join('.'),
      message: 'is masked, but no secret with this mask is stored here; send the secret itself',
    });
    return value;
  });
  return { document, errors, restored };
}

/**
 * The restored secrets whose entry now sends elsewhere than the stored one did: a new URL,
 * host, port, base URL or account, a changed type. Both documents are validated settings,
 * defaults filled, so a field left out reads as its default on both sides.
 */
export function movedSecretErrors(
  restored: readonly SecretSpot[],
  previous: unknown,
  next: unknown,
  rules: DestinationRules,
): FieldError[] {
  if (restored.length === 0) return [];
  const moved = movedSecrets(
    restored,
    destinationsOf(previous, rules),
    destinationsOf(next, rules),
  );
  return moved.map((spot) => ({ field: spot.path.join('.'), message: MOVED_SECRET }));
}
