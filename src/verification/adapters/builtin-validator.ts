import type { Keyring } from '../../ports/keyring.ts';
import { type Validator, ValidatorUnavailable } from '../validator-ports.ts';

/**
 * otpd's own check: the code's HMAC, bound to the verification, compared in constant time
 * with the stored one (I1). A code a sender made has no stored HMAC: asking this validator
 * about one (its app switched back to `builtin` meanwhile) gets no verdict, not a "wrong".
 */
export function createBuiltinValidator(keyring: Pick<Keyring, 'verifyCode'>): Validator {
  return {
    type: 'builtin',
    async check(v, code) {
      if (v.externalCode) {
        throw new ValidatorUnavailable(
          'no_validator',
          "the code was made by the app's sender, and the app's validator is builtin",
        );
      }
      return keyring.verifyCode(v.id, code, v.codeHash, v.codeKeyId);
    },
  };
}
