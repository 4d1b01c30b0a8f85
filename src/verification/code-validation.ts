import { OtpdError } from '../kernel/errors.ts';
import type { Logger } from '../observability/logger.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { VerificationRecord } from './domain/verification.ts';
import { type Validator, ValidatorUnavailable } from './validator-ports.ts';

export interface CodeValidationDeps {
  keyring: Pick<Keyring, 'verifyCode'>;
  logger: Logger;
  /**
   * The validator for a verification: otpd's own (`builtin`) for codes otpd made, the app's
   * configured one for codes its sender made. Without it, otpd's codes are compared with
   * the keyring and a sender's codes have no validator.
   */
  validatorFor?: (v: VerificationRecord) => Promise<Validator>;
}

/**
 * Whether a code is right, from the verification's validator. No verdict (a validator that
 * timed out, failed or answered what it cannot read) is never a wrong code and never an
 * approval: it is a 503 `validator_unavailable`, and the check counts nothing.
 */
export function createCodeValidation(deps: CodeValidationDeps) {
  const { keyring, logger } = deps;
  return async function isCodeValid(v: VerificationRecord, code: string): Promise<boolean> {
    if (!deps.validatorFor) {
      if (v.externalCode) throw unavailable('no validator is configured');
      return keyring.verifyCode(v.id, code, v.codeHash, v.codeKeyId);
    }
    const validator = await deps.validatorFor(v);
    try {
      return await validator.check(v, code);
    } catch (error) {
      if (!(error instanceof ValidatorUnavailable)) throw error;
      // The cause's code and message name no code, URL or credential (see the validators).
      logger.warn(
        { verificationId: v.id, appId: v.appId, validator: validator.type, cause: error.code },
        'validator gave no verdict; the check counted nothing',
      );
      throw unavailable(error.message, error.code);
    }
  };
}

function unavailable(detail: string, cause?: string): OtpdError {
  return new OtpdError(
    'validator_unavailable',
    `the code could not be checked: ${detail}; try again`,
    cause === undefined ? {} : { cause },
  );
}
