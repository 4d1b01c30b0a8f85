import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.ts';

describe('admin passwords', () => {
  it('needs 12 characters and refuses common ones, in any case', async () => {
    expect(await passwordProblem('short pass!')).toMatch(/at least 12/);
    expect(await passwordProblem('QWERTY123456')).toMatch(/most common/);
    expect(await passwordProblem('qazwsxedcrfv')).toMatch(/most common/);
    expect(await passwordProblem('zzzzzzzzzzzzzz')).toMatch(/most common/);
    expect(await passwordProblem('violet kettle under 9 moons')).toBeUndefined();
  });

  it('hashes with argon2id and verifies; an unknown account verifies nothing', async () => {
    const hash = await hashPassword('violet kettle under 9 moons');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword('violet kettle under 9 moons', hash)).toBe(true);
    expect(await verifyPassword('violet kettle under 9 moon', hash)).toBe(false);
    expect(await verifyPassword('otpd dummy password for unknown emails')).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });
});
