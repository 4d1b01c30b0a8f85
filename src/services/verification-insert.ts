import { generateCode } from '../domain/codes.ts';
import { newId } from '../domain/ids.ts';
import type { Channel } from '../domain/recipients.ts';
import {
  EXTERNAL_CODE,
  newVerificationRecord,
  type VerificationRecord,
} from '../domain/verification.ts';
import type { Logger } from '../observability/logger.ts';
import { maskDestination } from '../observability/mask.ts';
import type { Clock } from '../ports/clock.ts';
import type { Keyring } from '../ports/keyring.ts';
import type { Store } from '../ports/store.ts';
import type { Telemetry } from '../ports/telemetry.ts';
import { newOutboxJob } from './outbox-job.ts';
import type { AppDefaults, StartVerification } from './verifications.ts';

export interface VerificationInsertDeps {
  store: Pick<Store, 'createVerification'>;
  keyring: Keyring;
  clock: Clock;
  telemetry: Telemetry;
  logger: Logger;
  notifyOutbox: () => void;
}

/** Where a new verification's code goes; `testCode` when it is one of the app's test numbers. */
export interface Destination {
  to: string;
  channel: Channel;
  testCode?: string;
  /** The channel's sender makes the code (integration mode 3): otpd makes and keeps none. */
  externalCode?: boolean;
}

/**
 * Stores a new verification with its first send job in one transaction (I4), once every
 * check and limit has let it through. A test number's verification takes its fixed code,
 * and its job carries no code.
 */
export function createVerificationInsert(deps: VerificationInsertDeps) {
  const { store, keyring, clock, telemetry, logger, notifyOutbox } = deps;
  return async function insertVerification(
    appId: string,
    request: StartVerification,
    settings: AppDefaults,
    dest: Destination,
  ): Promise<VerificationRecord> {
    const { to, channel, testCode } = dest;
    // A test number's fixed code is otpd's, whatever sends the app's other codes.
    const externalCode = testCode === undefined && dest.externalCode === true;
    const defaults = settings.verification;
    const now = clock.now();
    const id = newId('ver', now);
    const codeLength = testCode?.length ?? request.codeLength ?? defaults.codeLength;
    const code = testCode ?? generateCode(codeLength);
    const { hash, keyId } = externalCode ? EXTERNAL_CODE : keyring.hashCode(id, code);
    const verification = newVerificationRecord({
      id,
      appId,
      to,
      channel,
      code: { hash, keyId, length: codeLength },
      locale: request.locale ?? settings.defaultLocale,
      limits: defaults,
      ttlSeconds: request.ttlSeconds ?? defaults.ttlSeconds,
      test: testCode !== undefined,
      externalCode,
      references: request,
      now,
    });
    const job = newOutboxJob(keyring, verification, code, now);
    const superseded = await store.createVerification(verification, job);
    telemetry.verificationCreated(channel);
    logger.info(
      {
        verificationId: id,
        appId,
        channel,
        to: maskDestination(to),
        superseded,
        test: verification.test,
      },
      'verification started',
    );
    notifyOutbox();
    return verification;
  };
}
