import type { Keyring } from '../ports/keyring.ts';

/**
 * What the gate remembers between the phone step and the code step, sealed into a short
 * cookie (AES-256-GCM under the server key, bound to the app): the verification the visitor
 * started and the name and email they gave. Only the browser that started a verification
 * holds its cookie, so a stranger who learns the id cannot check codes against it.
 */
export interface GatePass {
  verificationId: string;
  name: string | null;
  email: string | null;
  locale: string;
  /** Milliseconds since the epoch; the pass opens no verification after it. */
  expiresAt: number;
}

const contextOf = (appId: string) => `messenger-gate:${appId}`;

export function sealGatePass(keyring: Keyring, appId: string, pass: GatePass): string {
  return keyring.encrypt(JSON.stringify(pass), contextOf(appId));
}

/** The pass, or undefined when it is missing, altered, another app's or expired. */
export function openGatePass(
  keyring: Keyring,
  appId: string,
  sealed: string | undefined,
  now: number,
): GatePass | undefined {
  if (!sealed) return undefined;
  try {
    const pass = JSON.parse(keyring.decrypt(sealed, contextOf(appId))) as GatePass;
    return pass.expiresAt > now ? pass : undefined;
  } catch {
    return undefined;
  }
}
