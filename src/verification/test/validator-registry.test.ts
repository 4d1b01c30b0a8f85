import { describe, expect, it } from 'vitest';
import { verificationRecord } from '../../../test/helpers/records.ts';
import { createHmacKeyring } from '../../keyring/hmac-keyring.ts';
import type { OutboundClient } from '../../ports/outbound.ts';
import { createBuiltinValidator } from '../adapters/builtin-validator.ts';
import { createValidatorRegistry, VALIDATOR_PLUGINS } from '../adapters/validator-registry.ts';
import { ValidatorUnavailable } from '../validator-ports.ts';

const outbound: OutboundClient = {
  request: () => Promise.reject(new Error('no request expected')),
};

describe('validator registry', () => {
  const registry = createValidatorRegistry(VALIDATOR_PLUGINS, { outbound });

  it('takes builtin, http and twilio-verify, and names the types it knows', () => {
    expect(registry.entrySchema.parse({ type: 'builtin' })).toEqual({ type: 'builtin' });
    expect(registry.create({ type: 'builtin' })).toBeNull();
    const http = registry.entrySchema.parse({
      type: 'http',
      request: { url: 'https://v.example/check' },
    });
    expect(registry.create(http)?.type).toBe('http');
    const bad = registry.entrySchema.safeParse({ type: 'nope' });
    expect(bad.error?.issues[0]?.message).toBe(
      'unknown validator type; one of builtin, http, twilio-verify',
    );
    expect(registry.secretFieldsOf('twilio-verify')).toEqual(['authToken']);
    expect(registry.secretFieldsOf('builtin')).toEqual([]);
  });

  it('refuses builtin with settings of its own', () => {
    expect(registry.entrySchema.safeParse({ type: 'builtin', url: 'x' }).success).toBe(false);
  });
});

describe('builtin validator', () => {
  const keyring = createHmacKeyring('k'.repeat(32));
  const validator = createBuiltinValidator(keyring);
  const { hash, keyId } = keyring.hashCode('ver_1', '482913');
  const v = verificationRecord({ id: 'ver_1', codeHash: hash, codeKeyId: keyId });

  it("compares with otpd's HMAC", async () => {
    await expect(validator.check(v, '482913')).resolves.toBe(true);
    await expect(validator.check(v, '482914')).resolves.toBe(false);
  });

  it('gives no verdict on a code a sender made: there is no HMAC to compare with', async () => {
    const external = { ...v, externalCode: true, codeHash: '', codeKeyId: '' };
    await expect(validator.check(external, '482913')).rejects.toBeInstanceOf(ValidatorUnavailable);
  });
});
