import { describe, expect, it } from 'vitest';
import { inlineRefs } from '../http/settings-form-schema.ts';
import { fieldPointer } from '../http/settings-pointers.ts';

describe('fieldPointer', () => {
  it('turns a dotted field into the JSON Pointer of its place', () => {
    expect(fieldPointer('verification.codeLength', {})).toBe('/verification/codeLength');
    expect(fieldPointer('channels.sms.providers.0.type', {})).toBe(
      '/channels/sms/providers/0/type',
    );
    expect(fieldPointer('(document)', [])).toBe('');
  });

  it('keeps a key with dots whole when the document has it', () => {
    const doc = {
      channels: { sms: { providers: [{ request: { headers: { 'X.Api.Key': 'k' } } }] } },
    };
    expect(fieldPointer('channels.sms.providers.0.request.headers.X.Api.Key', doc)).toBe(
      '/channels/sms/providers/0/request/headers/X.Api.Key',
    );
  });

  it('escapes ~ and / as RFC 6901 says', () => {
    expect(fieldPointer('vars.a/b.c~d', { vars: { 'a/b': {} } })).toBe('/vars/a~1b/c~0d');
  });
});

describe('inlineRefs', () => {
  it('inlines definitions, keeping their siblings, and leaves recursive ones referenced', () => {
    const inlined = inlineRefs({
      type: 'object',
      properties: {
        rule: { $ref: '#/$defs/Rule', description: 'here' },
        json: { $ref: '#/$defs/Json' },
      },
      $defs: {
        Rule: { type: 'object', properties: { max: { type: 'integer' } } },
        Json: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/$defs/Json' } }] },
      },
    });
    expect(inlined.properties).toEqual({
      rule: { type: 'object', properties: { max: { type: 'integer' } }, description: 'here' },
      json: { anyOf: [{ type: 'string' }, { type: 'array', items: { $ref: '#/$defs/Json' } }] },
    });
    expect(Object.keys(inlined.$defs as object)).toEqual(['Json']);
  });
});
