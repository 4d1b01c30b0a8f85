import { describe, expect, it } from 'vitest';
import { createHmacKeyring } from '../../../keyring/hmac-keyring.ts';
import { openSystemOtp, sealSystemOtp } from '../system-otp.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe("Convertalk's systemOtp reference", () => {
  const keyring = createHmacKeyring(A);

  it('opens to the verification id for the app it was sealed for, and shows neither', () => {
    const sealed = sealSystemOtp(keyring, 'app_1', 'ver_01ABC');
    expect(sealed).not.toContain('ver_01ABC');
    expect(sealed).not.toContain('app_1');
    expect(openSystemOtp(keyring, 'app_1', sealed)).toBe('ver_01ABC');
  });

  it('does not open for another app, another server secret, or when altered', () => {
    const sealed = sealSystemOtp(keyring, 'app_1', 'ver_01ABC');
    expect(openSystemOtp(keyring, 'app_2', sealed)).toBeUndefined();
    expect(openSystemOtp(createHmacKeyring(B), 'app_1', sealed)).toBeUndefined();
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(openSystemOtp(keyring, 'app_1', sealed.slice(0, -1) + last)).toBeUndefined();
    for (const forged of ['', 'ver_01ABC', 'x.y.z.w', '....']) {
      expect(openSystemOtp(keyring, 'app_1', forged)).toBeUndefined();
    }
  });

  it('keeps opening after a rotation while the old secret is listed as previous', () => {
    const sealed = sealSystemOtp(keyring, 'app_1', 'ver_01ABC');
    expect(openSystemOtp(createHmacKeyring(B, [A]), 'app_1', sealed)).toBe('ver_01ABC');
  });
});
