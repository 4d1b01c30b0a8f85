import { describe, expect, it } from 'vitest';
import { testCodeFor } from '../../verification/domain/test-numbers.ts';
import { geoRefusal, numberTypeOf, numberTypesSchema } from '../domain/geo.ts';
import { isSafelisted } from '../domain/safelist.ts';

const defaults = { geo: {}, numberTypes: numberTypesSchema.parse({}) };

describe('geo permissions', () => {
  it('tells the switchable number types apart; ordinary numbers have none', () => {
    expect(numberTypeOf('+449098790000')).toBe('premiumRate');
    expect(numberTypeOf('+19005550100')).toBe('premiumRate');
    expect(numberTypeOf('+33810123456')).toBe('sharedCost');
    expect(numberTypeOf('+445612345678')).toBe('voip');
    expect(numberTypeOf('+18005550100')).toBe('tollFree');
    expect(numberTypeOf('+80012345678')).toBe('tollFree');
    expect(numberTypeOf('+447400123456')).toBeNull();
    expect(numberTypeOf('+14155550100')).toBeNull();
    expect(numberTypeOf('+35320000000')).toBe('unknown');
  });

  it('refuses by country per channel, and a number of no country under an allow list', () => {
    const settings = { ...defaults, geo: { sms: { allow: ['TR'] }, whatsapp: { deny: ['TR'] } } };
    expect(geoRefusal(settings, '+905551234567', 'sms')).toBeNull();
    expect(geoRefusal(settings, '+14155550100', 'sms')?.code).toBe('country_not_allowed');
    expect(geoRefusal(settings, '+80012345678', 'sms')?.detail).toContain('no country');
    expect(geoRefusal(settings, '+905551234567', 'whatsapp')?.code).toBe('country_not_allowed');
    expect(geoRefusal(settings, '+80012345678', 'whatsapp')).toBeNull();
    expect(geoRefusal(settings, '+14155550100', 'messenger')).toBeNull();
    expect(geoRefusal(settings, 'a@example.com', 'email')).toBeNull();
  });

  it('checks the country before the number type', () => {
    const settings = { ...defaults, geo: { sms: { deny: ['GB'] } } };
    expect(geoRefusal(settings, '+449098790000', 'sms')?.code).toBe('country_not_allowed');
    expect(geoRefusal(defaults, '+449098790000', 'sms')?.code).toBe('number_type_not_allowed');
  });

  it('defaults: premium rate and shared cost refused, the rest allowed', () => {
    expect(numberTypesSchema.parse({})).toEqual({
      premiumRate: false,
      sharedCost: false,
      voip: true,
      tollFree: true,
      unknown: true,
    });
  });
});

describe('safelist and test numbers', () => {
  it('match numbers and prefixes', () => {
    const list = ['+90555', '+14155550100'];
    expect(isSafelisted(list, '+905551234567')).toBe(true);
    expect(isSafelisted(list, '+14155550100')).toBe(true);
    expect(isSafelisted(list, '+14155550101')).toBe(false);
    expect(isSafelisted([], '+905551234567')).toBe(false);
  });

  it('find a fixed code by the exact number only', () => {
    const list = [{ to: '+14155550100', code: '123456' }];
    expect(testCodeFor(list, '+14155550100')).toBe('123456');
    expect(testCodeFor(list, '+1415555010')).toBeUndefined();
  });
});
