import { describe, expect, it } from 'vitest';
import { createHmacKeyring } from '../hmac-keyring.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('createHmacKeyring: code hashes', () => {
  const keyring = createHmacKeyring(A);

  it('verifies the same code for the same verification id', () => {
    const { hash, keyId } = keyring.hashCode('ver_1', '123456');
    expect(keyId).toBe(keyring.currentKeyId);
    expect(hash).not.toContain('123456');
    expect(keyring.verifyCode('ver_1', '123456', hash, keyId)).toBe(true);
  });

  it('refuses another code, another verification id, or an unknown key id', () => {
    const { hash, keyId } = keyring.hashCode('ver_1', '123456');
    expect(keyring.verifyCode('ver_1', '123457', hash, keyId)).toBe(false);
    expect(keyring.verifyCode('ver_1', '12345', hash, keyId)).toBe(false);
    expect(keyring.verifyCode('ver_2', '123456', hash, keyId)).toBe(false);
    expect(keyring.verifyCode('ver_1', '123456', hash, 'deadbeef0000')).toBe(false);
  });

  it('binds the hash to the verification id', () => {
    expect(keyring.hashCode('ver_1', '123456').hash).not.toBe(
      keyring.hashCode('ver_2', '123456').hash,
    );
    // The separator keeps ("ver_1", "23456") apart from ("ver_12", "3456").
    expect(keyring.hashCode('ver_1', '23456').hash).not.toBe(
      keyring.hashCode('ver_12', '3456').hash,
    );
  });

  it('answers false, not an exception, for a malformed hash', () => {
    expect(keyring.verifyCode('ver_1', '123456', '', keyring.currentKeyId)).toBe(false);
    expect(keyring.verifyCode('ver_1', '123456', 'not-a-hash!', keyring.currentKeyId)).toBe(false);
  });

  it('gives each secret its own key id', () => {
    expect(createHmacKeyring(A).currentKeyId).toBe(keyring.currentKeyId);
    expect(createHmacKeyring(B).currentKeyId).not.toBe(keyring.currentKeyId);
  });
});

describe('createHmacKeyring: rotation', () => {
  it('verifies hashes made under a previous secret, but hashes new codes under the current one', () => {
    const before = createHmacKeyring(A);
    const old = before.hashCode('ver_1', '123456');

    const after = createHmacKeyring(B, [A]);
    expect(after.currentKeyId).not.toBe(before.currentKeyId);
    expect(after.verifyCode('ver_1', '123456', old.hash, old.keyId)).toBe(true);
    expect(after.verifyCode('ver_1', '654321', old.hash, old.keyId)).toBe(false);

    const fresh = after.hashCode('ver_1', '123456');
    expect(fresh.keyId).toBe(after.currentKeyId);
    expect(fresh.keyId).not.toBe(old.keyId);

    // Once A is dropped, its hashes stop verifying.
    expect(createHmacKeyring(B).verifyCode('ver_1', '123456', old.hash, old.keyId)).toBe(false);
  });

  it('decrypts ciphertexts made under a previous secret', () => {
    const ciphertext = createHmacKeyring(A).encrypt('123456', 'job_1');
    expect(createHmacKeyring(B, [A]).decrypt(ciphertext, 'job_1')).toBe('123456');
    expect(() => createHmacKeyring(B).decrypt(ciphertext, 'job_1')).toThrow();
  });
});

describe('createHmacKeyring: outbox encryption', () => {
  const keyring = createHmacKeyring(A);

  it('round-trips and never shows the plaintext', () => {
    const ciphertext = keyring.encrypt('123456', 'job_1');
    expect(ciphertext).not.toContain('123456');
    expect(ciphertext.startsWith(`${keyring.currentKeyId}.`)).toBe(true);
    expect(keyring.decrypt(ciphertext, 'job_1')).toBe('123456');
  });

  it('uses a fresh nonce each time', () => {
    expect(keyring.encrypt('123456', 'job_1')).not.toBe(keyring.encrypt('123456', 'job_1'));
  });

  it('throws for another context', () => {
    const ciphertext = keyring.encrypt('123456', 'job_1');
    expect(() => keyring.decrypt(ciphertext, 'job_2')).toThrow();
  });

  it('throws for a tampered ciphertext, tag or nonce', () => {
    const ciphertext = keyring.encrypt('123456', 'job_1');
    const parts = ciphertext.split('.');
    for (let part = 1; part < 4; part++) {
      const altered = [...parts];
      const text = altered[part] as string;
      const flipped = text[0] === 'A' ? 'B' : 'A';
      altered[part] = flipped + text.slice(1);
      expect(() => keyring.decrypt(altered.join('.'), 'job_1'), `part ${part}`).toThrow();
    }
  });

  it('throws for a malformed ciphertext or an unknown key id', () => {
    expect(() => keyring.decrypt('garbage', 'job_1')).toThrow();
    const [, ...rest] = keyring.encrypt('123456', 'job_1').split('.');
    expect(() => keyring.decrypt(['000000000000', ...rest].join('.'), 'job_1')).toThrow();
  });
});
