import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { Keyring } from '../ports/keyring.ts';

interface DerivedKey {
  id: string;
  hmac: Buffer;
  aes: Buffer;
}

/** Separate keys for separate jobs, all derived from one server secret with HKDF-SHA256. */
function derive(secret: string): DerivedKey {
  const ikm = Buffer.from(secret, 'utf8');
  const sub = (info: string) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, 32));
  return {
    // The id names the secret without revealing it: a hash of a derived key.
    id: createHash('sha256').update(sub('otpd key id')).digest('hex').slice(0, 12),
    hmac: sub('otpd code hmac'),
    aes: sub('otpd outbox aes-256-gcm'),
  };
}

/**
 * A keyring over the current secret and any previous ones (still accepted for codes and
 * ciphertexts made before a rotation, never used for new ones).
 */
export function createHmacKeyring(current: string, previous: string[] = []): Keyring {
  const active = derive(current);
  const byId = new Map<string, DerivedKey>([[active.id, active]]);
  for (const secret of previous) {
    const key = derive(secret);
    if (!byId.has(key.id)) byId.set(key.id, key);
  }

  const mac = (key: DerivedKey, verificationId: string, code: string) =>
    createHmac('sha256', key.hmac).update(`${verificationId}\u0000${code}`).digest();

  return {
    currentKeyId: active.id,

    hashCode(verificationId, code) {
      return { hash: mac(active, verificationId, code).toString('base64url'), keyId: active.id };
    },

    verifyCode(verificationId, code, hash, keyId) {
      const key = byId.get(keyId);
      if (!key) return false;
      const expected = Buffer.from(hash, 'base64url');
      const actual = mac(key, verificationId, code);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },

    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.aes, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return [active.id, ...parts].join('.');
    },

    decrypt(ciphertext, context) {
      const [keyId, iv, tag, body] = ciphertext.split('.');
      const key = keyId === undefined ? undefined : byId.get(keyId);
      if (!key || iv === undefined || tag === undefined || body === undefined) {
        throw new Error('ciphertext was made under an unknown key or is malformed');
      }
      const decipher = createDecipheriv('aes-256-gcm', key.aes, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
