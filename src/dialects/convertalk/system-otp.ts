import type { Keyring } from '../../ports/keyring.ts';

/** Binds a reference to its app: another app's reference does not open. */
const context = (appId: string) => `convertalk-system-otp:${appId}`;

/**
 * Convertalk's `systemOtp`: what a flow saves after the send and hands back with the code
 * the person typed. Not the code (that would put it in the flow's attributes), but an
 * opaque reference to the verification: its id sealed with the server keyring (AES-256-GCM,
 * authenticated, bound to the app), so it can be neither read, forged nor used by another
 * app. It keeps opening after a key rotation while the retired secret is still listed.
 */
export function sealSystemOtp(keyring: Pick<Keyring, 'encrypt'>, appId: string, id: string) {
  return keyring.encrypt(id, context(appId));
}

/** The verification id inside a reference, or undefined for a forged, altered or foreign one. */
export function openSystemOtp(
  keyring: Pick<Keyring, 'decrypt'>,
  appId: string,
  systemOtp: string,
): string | undefined {
  try {
    return keyring.decrypt(systemOtp, context(appId));
  } catch {
    return undefined;
  }
}
