import fc from 'fast-check';
import type { Operation } from './openapi.ts';

/**
 * Requests for the fuzz suite: for one documented operation, valid ones and every kind of
 * wrong — bodies of wrong types, missing and unknown fields, huge and odd-unicode strings,
 * deep nesting, bad JSON, bad media types, bad path parameters, wrong credentials.
 */

export interface FuzzRequest {
  method: string;
  /** The URL path and query, as sent (already encoded). */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Whether the path still names the operation (its parameters are well-formed), so the
   * answer must be one the operation declares. Otherwise only the problem rules hold.
   */
  routed: boolean;
  /** What was done to the request, for the failure message. */
  kinds: string[];
}

export interface FuzzTarget {
  operation: Operation;
  /** Valid values of the path parameters. */
  params: Record<string, string>;
  /** A valid body, or undefined for an operation that takes none. */
  sample?: Record<string, unknown>;
  /** Form bodies (Twilio) rather than JSON. */
  form?: boolean;
  /** The operation's valid Authorization header, if it takes one. */
  authorization?: string;
}

/** Values of every type and size that a field should not hold, or only just. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\u202E+90555',
    'ﷺ'.repeat(300),
    '🙂'.repeat(2_000),
    'x'.repeat(5_000),
    '+905551234567',
    'a@b.co',
    '{{code}}',
    '__proto__',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` deep: built as text, as no client object could be. */
const deepJson = fc
  .record({ depth: fc.integer({ min: 1_000, max: 20_000 }), object: fc.boolean() })
  .map(({ depth, object }) =>
    object
      ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
      : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );

const DEEP = '"__deep__"';

/** A body: the sample with one change, or something else entirely. */
function bodyOf(target: FuzzTarget): fc.Arbitrary<{ body: unknown; kind: string; deep?: string }> {
  const sample = target.sample ?? {};
  const keys = [...Object.keys(sample), 'unexpectedField', 'metadata'];
  const change = fc.record({
    key: fc.constantFrom(...keys),
    drop: fc.boolean(),
    value: oddValue,
  });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ body: sample, kind: 'valid body' }) },
    {
      weight: 6,
      arbitrary: change.map(({ key, drop, value }) => {
        const body: Record<string, unknown> = { ...sample };
        if (drop) delete body[key];
        else body[key] = value;
        return { body, kind: drop ? `without ${key}` : `${key} changed` };
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ key: fc.constantFrom(...keys), deep: deepJson })
        .map(({ key, deep }) => ({
          body: { ...sample, [key]: '__deep__' },
          kind: `deep ${key}`,
          deep,
        })),
    },
    {
      weight: 1,
      arbitrary: deepJson.map((deep) => ({ body: '__deep__', kind: 'deep body', deep })),
    },
    { weight: 2, arbitrary: fc.jsonValue().map((body) => ({ body, kind: 'any JSON' })) },
    {
      weight: 1,
      arbitrary: fc.string().map((text) => ({ body: { raw: text }, kind: 'not JSON' })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ body: { ...sample, pad: 'x'.repeat(70_000) }, kind: 'over 64 KiB' }),
    },
  );
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/problem+json',
  'application/octet-stream',
  '',
];

/** A path parameter: valid, odd but well-formed, or one that breaks the URL. */
function paramOf(valid: string): fc.Arbitrary<{ value: string; routed: boolean; kind?: string }> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ value: encodeURIComponent(valid), routed: true }) },
    {
      weight: 3,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
        .filter((s) => s !== '.' && s !== '..')
        .map((s) => ({ value: encodeURIComponent(s), routed: true, kind: 'odd param' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 65, max: 100 })
        .map((n) => ({ value: 'A'.repeat(n), routed: true, kind: 'long param' })),
    },
    {
      // Past the router's limit (100 characters): refused before any route is chosen.
      weight: 1,
      arbitrary: fc
        .integer({ min: 101, max: 6_000 })
        .map((n) => ({ value: 'A'.repeat(n), routed: false, kind: 'param past the router limit' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('%', '%ZZ', '%C0%AF', '%00', '..', '%2e%2e', '', '%E0%A4%A', 'a%2Fb')
        .map((value) => ({ value, routed: false, kind: `param ${value || '(empty)'}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 17_000, max: 40_000 })
        .map((n) => ({ value: 'B'.repeat(n), routed: false, kind: 'URL past the header limit' })),
    },
  );
}

/** A header value fetch can send: no CR, LF or NUL. */
const headerValue = fc
  .string({ unit: 'binary-ascii', maxLength: 300 })
  .map((s) => s.replace(/[^\x20-\x7e\t]/g, ''));

export function fuzzRequest(target: FuzzTarget): fc.Arbitrary<FuzzRequest> {
  const names = [...target.operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const params = fc.tuple(...names.map((name) => paramOf(target.params[name] ?? 'x')));
  const takesBody = target.operation.method !== 'GET';
  return fc
    .record({
      params,
      body: takesBody ? bodyOf(target).map((b) => b) : fc.constant(undefined),
      contentType: fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant(target.operation.method) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        },
      ),
      auth: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'none', 'garbage', 'other scheme'),
      idempotencyKey: fc.option(headerValue, { freq: 4 }),
      query: fc.option(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 40 })), {
        freq: 3,
      }),
    })
    .map(({ params: values, body, contentType, method, auth, idempotencyKey, query }) => {
      const kinds: string[] = [];
      // Another method is another operation, or none: only the problem rules hold then.
      const sameMethod = method === target.operation.method;
      if (!sameMethod) kinds.push(`method ${method}`);
      let i = 0;
      const path = target.operation.path.replace(/\{(\w+)\}/g, () => {
        const param = values[i++] as { value: string; routed: boolean; kind?: string };
        if (param.kind) kinds.push(param.kind);
        return param.value;
      });
      const headers: Record<string, string> = {};
      if (auth === 'valid' && target.authorization) headers.authorization = target.authorization;
      if (auth === 'garbage') headers.authorization = 'Bearer \u00ff\u00fe not a key';
      if (auth === 'other scheme') headers.authorization = 'Digest username="x"';
      if (auth !== 'valid') kinds.push(`auth ${auth}`);
      if (idempotencyKey !== null) headers['idempotency-key'] = idempotencyKey;
      let text: string | undefined;
      if (body && method !== 'GET') {
        kinds.push(body.kind);
        if (target.form && typeof body.body === 'object' && body.body !== null && !body.deep) {
          const fields = Object.entries(body.body as Record<string, unknown>).map(
            ([k, v]) =>
              [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')] as [string, string],
          );
          text = new URLSearchParams(fields).toString();
          headers['content-type'] = 'application/x-www-form-urlencoded';
        } else {
          const raw = (body.body as { raw?: unknown })?.raw;
          text = typeof raw === 'string' ? raw : (JSON.stringify(body.body) ?? 'null');
          if (body.deep) text = text.replace(DEEP, body.deep);
          headers['content-type'] = 'application/json';
        }
      }
      if (contentType !== undefined) {
        kinds.push(`content-type "${contentType}"`);
        if (contentType === '') delete headers['content-type'];
        else headers['content-type'] = contentType;
      }
      const search = query ? `?${new URLSearchParams(query).toString()}` : '';
      return {
        method,
        url: `${path}${search}`,
        headers,
        body: text,
        routed: sameMethod && (values as { routed: boolean }[]).every((p) => p.routed),
        kinds,
      };
    });
}
