import { describe, expect, it } from 'vitest';
import {
  fieldOf,
  initialOf,
  labelOf,
  numberFrom,
  type Schema,
  switchVariant,
  variantIndexOf,
} from '../../../web/console/schema-model.ts';
import { anchorOf, idOf, pointerOf } from '../../../web/console/schema-paths.ts';

const root: Schema = {};
const kind = (node: Schema, within: Schema = root) => fieldOf(node, within).kind;

const provider: Schema = {
  oneOf: [
    {
      type: 'object',
      title: 'Sandbox',
      description: 'Sends nothing',
      properties: { type: { type: 'string', const: 'console' } },
      required: ['type'],
    },
    {
      type: 'object',
      title: 'HTTP gateway',
      properties: {
        type: { type: 'string', const: 'http' },
        name: { type: 'string' },
        request: {
          type: 'object',
          properties: {
            url: { type: 'string' },
            method: { type: 'string', enum: ['GET', 'POST'] },
          },
          required: ['url'],
        },
        headers: {
          type: 'object',
          additionalProperties: { type: 'string', 'x-secret': true },
        },
      },
      required: ['type', 'name', 'request'],
    },
  ],
};

describe('the JSON Schema → form mapping', () => {
  it('maps strings, secrets, long texts, numbers, integers and booleans to inputs', () => {
    expect(fieldOf({ type: 'string' }, root)).toEqual({
      kind: 'string',
      secret: false,
      multiline: false,
    });
    expect(fieldOf({ type: 'string', 'x-secret': true }, root)).toMatchObject({ secret: true });
    expect(fieldOf({ type: 'string', maxLength: 1000 }, root)).toMatchObject({ multiline: true });
    expect(fieldOf({ type: 'string', maxLength: 2048, format: 'uri' }, root)).toMatchObject({
      multiline: false,
    });
    expect(fieldOf({ type: 'integer', minimum: 4 }, root)).toEqual({
      kind: 'number',
      integer: true,
    });
    expect(fieldOf({ type: 'number' }, root)).toEqual({ kind: 'number', integer: false });
    expect(kind({ type: 'boolean', default: false })).toBe('boolean');
  });

  it('maps enums to selects and lists of an enum to a set of checkboxes', () => {
    expect(fieldOf({ type: 'string', enum: ['off', 'on'] }, root)).toEqual({
      kind: 'enum',
      options: ['off', 'on'],
    });
    expect(fieldOf({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } }, root)).toEqual({
      kind: 'set',
      options: ['a', 'b'],
    });
  });

  it('maps objects to fieldsets of their properties and maps to keyed entries', () => {
    const object = fieldOf(
      {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'integer' } },
        required: ['a'],
      },
      root,
    );
    expect(object).toMatchObject({ kind: 'object', required: new Set(['a']) });
    expect(object.kind === 'object' && object.properties.map(([key]) => key)).toEqual(['a', 'b']);

    const record = fieldOf(
      {
        type: 'object',
        propertyNames: { type: 'string' },
        additionalProperties: { type: 'string' },
        'x-secret-keys': '^(token|password)$',
        'x-builtIn': { en: { header: 'Hello' } },
      },
      root,
    );
    expect(record).toMatchObject({ kind: 'record', values: { type: 'string' } });
    expect(record.kind === 'record' && record.secretKeys?.test('Password')).toBe(true);
    expect(record.kind === 'record' && record.builtIn?.en?.header).toBe('Hello');
  });

  it('maps lists of anything else to rows that are added and removed', () => {
    expect(fieldOf({ type: 'array', items: { type: 'string' } }, root)).toEqual({
      kind: 'array',
      items: { type: 'string' },
    });
    expect(kind({ type: 'array', items: { type: 'object', properties: {} } })).toBe('array');
  });

  it('maps a union told apart by a const to a type select with each variant', () => {
    const union = fieldOf(provider, root);
    expect(union.kind).toBe('union');
    if (union.kind !== 'union') return;
    expect(union.key).toBe('type');
    expect(union.variants.map((v) => [v.value, v.title, v.description])).toEqual([
      ['console', 'Sandbox', 'Sends nothing'],
      ['http', 'HTTP gateway', undefined],
    ]);
  });

  it('maps one-of-several shapes to a choice, and values to their shape', () => {
    const choice = fieldOf(
      {
        anyOf: [
          { type: 'object', properties: {} },
          { type: 'array', items: {} },
        ],
      },
      root,
    );
    expect(choice.kind === 'choice' && choice.variants.map((v) => v.value)).toEqual([
      'object',
      'array',
    ]);
    if (choice.kind !== 'choice') return;
    expect(variantIndexOf(choice.variants, [])).toBe(1);
    expect(variantIndexOf(choice.variants, {})).toBe(0);
  });

  it('maps a value or null, in either spelling, to its inner field', () => {
    expect(fieldOf({ type: ['string', 'null'], default: null }, root)).toEqual({
      kind: 'nullable',
      inner: { type: 'string', default: null },
    });
    const object = fieldOf(
      { description: 'The bot', anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] },
      root,
    );
    expect(object).toMatchObject({
      kind: 'nullable',
      inner: { type: 'object', description: 'The bot' },
    });
  });

  it('maps any JSON (no type, or every type, through a $ref) to a JSON text', () => {
    const withDefs: Schema = {
      $defs: {
        JsonValue: {
          anyOf: [
            { type: 'string' },
            { type: 'number' },
            { type: 'boolean' },
            { type: 'null' },
            { type: 'array', items: { $ref: '#/$defs/JsonValue' } },
            { type: 'object', additionalProperties: { $ref: '#/$defs/JsonValue' } },
          ],
        },
      },
    };
    expect(kind({ $ref: '#/$defs/JsonValue' }, withDefs)).toBe('json');
    expect(kind({})).toBe('json');
    expect(kind({ type: 'string', const: 'x' })).toBe('const');
  });

  it('labels by title, else by the key in words', () => {
    expect(labelOf('resendCooldownSeconds', {})).toBe('Resend cooldown seconds');
    expect(labelOf('webOTPHost', {})).toBe('Web otp host');
    expect(labelOf('twilio-verify', {})).toBe('Twilio verify');
    expect(labelOf('x', { title: 'Explicit' })).toBe('Explicit');
  });

  it('starts new values from defaults and required properties', () => {
    expect(initialOf(provider, root)).toEqual({ type: 'console' });
    const http = fieldOf(provider, root);
    if (http.kind !== 'union' || !http.variants[1]) throw new Error('no union');
    expect(initialOf(http.variants[1].schema, root)).toEqual({
      type: 'http',
      name: '',
      request: { url: '' },
    });
    expect(
      switchVariant({ type: 'console', name: 'kept', gone: 1 }, http.variants[1], 'type', root),
    ).toEqual({
      type: 'http',
      name: 'kept',
      request: { url: '' },
    });
    expect(initialOf({ type: 'integer', default: 6 }, root)).toBe(6);
    expect(initialOf({ type: 'array', items: {} }, root)).toEqual([]);
    expect(initialOf({ type: ['string', 'null'] }, root)).toBeNull();
  });

  it('reads typed numbers, keeping what is not one for the server to name', () => {
    expect(numberFrom(' 8 ')).toBe(8);
    expect(numberFrom('')).toBeUndefined();
    expect(numberFrom('eight')).toBe('eight');
  });

  it('names places by pointer and id, and finds the field that shows an error', () => {
    expect(pointerOf(['a/b', 0, 'c~d'])).toBe('/a~1b/0/c~0d');
    expect(idOf('/channels/sms/providers/0/name')).toBe('sf.channels.sms.providers.0.name');
    expect(idOf('/texts/pt-BR')).toBe('sf.texts.pt-BR');
    expect(idOf('/headers/X.Key')).toBe('sf.headers.X_2e_Key');

    const schema: Schema = {
      type: 'object',
      properties: {
        verification: { type: 'object', properties: { codeLength: { type: 'integer' } } },
        providers: { type: 'array', items: provider },
        bot: {
          anyOf: [{ type: 'object', properties: { url: { type: 'string' } } }, { type: 'null' }],
        },
      },
    };
    const doc = {
      verification: { codeLength: 99 },
      providers: [{ type: 'http', name: 'gw', request: { url: '' } }],
      bot: null,
    };
    expect(anchorOf('/verification/codeLength', schema, doc)).toBe('/verification/codeLength');
    expect(anchorOf('/verification/colour', schema, doc)).toBe('/verification');
    expect(anchorOf('/providers/0/request/url', schema, doc)).toBe('/providers/0/request/url');
    expect(anchorOf('/providers/0/type', schema, doc)).toBe('/providers/0/type');
    expect(anchorOf('/providers/3/name', schema, doc)).toBe('/providers');
    expect(anchorOf('/bot/url', schema, doc)).toBe('/bot');
    expect(anchorOf('', schema, doc)).toBe('');
  });
});
