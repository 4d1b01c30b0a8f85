/**
 * The server's secret keys. Codes are stored only as HMAC-SHA256 under the current key,
 * tagged with its id so older keys keep verifying after a rotation (I1).
 */
export interface Keyring {
  /** Id of the key new hashes and ciphertexts are made with. */
  readonly currentKeyId: string;
  /** HMAC of `code` bound to `verificationId`, under the current key. */
  hashCode(verificationId: string, code: string): { hash: string; keyId: string };
  /**
   * Whether `code` matches `hash`, compared in constant time. False, never an exception,
   * when `keyId` names a key this server no longer has.
   */
  verifyCode(verificationId: string, code: string, hash: string, keyId: string): boolean;
  /** AES-256-GCM encryption bound to `context` (additional authenticated data). */
  encrypt(plaintext: string, context: string): string;
  /** Inverse of `encrypt`; throws if the ciphertext or its context was altered. */
  decrypt(ciphertext: string, context: string): string;
}
