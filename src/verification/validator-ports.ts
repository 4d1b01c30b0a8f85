import type { z } from 'zod';
import type { ValidatorEntry } from '../settings/domain/settings.ts';
import type { VerificationRecord } from './domain/verification.ts';

/**
 * Decides whether a code is right for a verification. `builtin` compares with otpd's own
 * HMAC; the others ask a third-party service about a code its sender made (integration
 * mode 3). A verdict is a value; a service that gives none throws `ValidatorUnavailable`.
 */
export interface Validator {
  readonly type: string;
  /**
   * True when the code is right, false when the validator says it is wrong. Never guesses:
   * a timeout, a 5xx or an answer it cannot read throws `ValidatorUnavailable`, so the check
   * answers 503 and spends no attempt.
   */
  check(verification: VerificationRecord, code: string): Promise<boolean>;
}

/** No verdict could be had: the check is neither counted nor answered. */
export class ValidatorUnavailable extends Error {
  constructor(
    /** A stable cause: `timeout`, `http_503`, `unreadable_answer`, `no_reference`, … */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValidatorUnavailable';
  }
}

export interface ValidatorMetadata {
  type: string;
  name: string;
  description: string;
  /** Config fields that hold secrets, as for providers (see ProviderMetadata.secretFields). */
  secretFields?: readonly string[];
  /** Config fields that decide where the secrets travel (see ProviderMetadata.destinationFields). */
  destinationFields?: readonly string[];
}

/**
 * A validator plug-in, shaped like a provider plug-in: list it in validators/registry.ts to
 * make it configurable as an app's `validator`. `configSchema` must be a zod object.
 */
export interface ValidatorPlugin<Config, Deps> {
  metadata: ValidatorMetadata;
  configSchema: { parse(input: unknown): Config };
  create(config: Config, deps: Deps): Validator;
}

/** Every validator plug-in otpd knows, by type: how to validate, describe and create one. */
export interface ValidatorRegistry {
  /** The `validator` setting: builtin, or a plug-in's `{type, …}` validated by its schema. */
  readonly entrySchema: z.ZodType<ValidatorEntry>;
  /** Each plug-in's metadata, in list order (`builtin` is none). */
  readonly metadata: readonly ValidatorMetadata[];
  secretFieldsOf(type: string): readonly string[];
  /** The fields that decide where a type's secrets travel; undefined when it declares none. */
  destinationFieldsOf(type: string): readonly string[] | undefined;
  /** The validator of a validated entry; null for `builtin` (otpd's own check). */
  create(entry: ValidatorEntry): Validator | null;
}
