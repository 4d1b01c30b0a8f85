import { describe, expect, it } from 'vitest';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import { openGatePass, sealGatePass } from '../gate-cookie.ts';

const keyring = createHmacKeyring('a'.repeat(64), []);
const pass = {
  verificationId: 'ver_1',
  name: 'Ada',
  email: null,
  locale: 'en',
  expiresAt: 2_000,
};

describe('gate pass', () => {
  it('opens for the app that sealed it, until it expires', () => {
    const sealed = sealGatePass(keyring, 'app_1', pass);
    expect(sealed).not.toContain('ver_1');
    expect(openGatePass(keyring, 'app_1', sealed, 1_999)).toEqual(pass);
    expect(openGatePass(keyring, 'app_1', sealed, 2_000)).toBeUndefined();
  });

  it("opens nothing for another app, an altered cookie or another server's key", () => {
    const sealed = sealGatePass(keyring, 'app_1', pass);
    expect(openGatePass(keyring, 'app_2', sealed, 0)).toBeUndefined();
    // The next-to-last character always carries whole bits of the sealed bytes; it is changed
    // to another letter whatever it was (it once could stay the same, 1 time in 64).
    const at = sealed.length - 2;
    const flipped = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(flipped).not.toBe(sealed);
    expect(openGatePass(keyring, 'app_1', flipped, 0)).toBeUndefined();
    const other = createHmacKeyring('b'.repeat(64), []);
    expect(openGatePass(other, 'app_1', sealed, 0)).toBeUndefined();
    expect(openGatePass(keyring, 'app_1', undefined, 0)).toBeUndefined();
    expect(openGatePass(keyring, 'app_1', 'garbage', 0)).toBeUndefined();
  });
});
