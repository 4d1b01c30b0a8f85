import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../src/apps/domain/api-scopes.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { fetchDocument, type Operation, operationsOf } from '../helpers/openapi.ts';
import { codeSpans, docFiles, read, tableAfter } from './markdown.ts';

/* The route tables of the pages against the OpenAPI document a real otpd serves, which is
   generated from the schemas that validate requests: a route renamed, removed or given
   other body fields fails here. */

type Json = Record<string, any>;

let server: TestServer;
let doc: Json;
let operations: Operation[];

beforeAll(async () => {
  server = await startServer({ dispatcher: false });
  doc = await fetchDocument(server.url);
  operations = operationsOf(doc);
});

afterAll(async () => {
  await server?.close();
});

/** `/v1/verifications/{id}` and `/v1/verifications/{verificationId}` are the same route. */
const shape = (method: string, path: string) => `${method} ${path.replace(/\{[^}]+\}/g, '{}')}`;

interface Row {
  method: string;
  path: string;
  does: string;
}

/** The `METHOD path` rows of the first table after `heading`, query strings dropped. */
function routeRows(page: string, heading: string, prefix = ''): Row[] {
  return tableAfter(read(page), heading).flatMap(([route = '', does = '']) => {
    const m = /^(GET|POST|PUT|PATCH|DELETE) (\S+)$/.exec(codeSpans(route)[0] ?? '');
    if (!m) return [];
    const path = `${prefix}${(m[2] ?? '').split('?')[0]}`.replace(/\/$/, '');
    return [{ method: m[1] ?? '', path, does }];
  });
}

const find = (row: Row) =>
  operations.find((op) => shape(op.method, op.path) === shape(row.method, row.path));

/** The fields `{to, channel?, …}` spans name, `?` marking the optional ones. */
function bodyFields(spans: string): { names: string[]; required: string[] } {
  const names = [...new Set(spans.replace(/[{}]/g, '').split(','))]
    .map((f) => f.trim())
    .filter(Boolean);
  return {
    names: [...new Set(names.map((n) => n.replace(/\?$/, '')))].sort(),
    required: names.filter((n) => !n.endsWith('?')).sort(),
  };
}

/** The JSON body schema of an operation, `$ref`s and a nullable wrapper resolved. */
function bodySchema(op: Operation): Json | undefined {
  let schema: Json | undefined = op.op.requestBody?.content?.['application/json']?.schema;
  const deref = (s: Json | undefined): Json | undefined =>
    s?.$ref ? deref(doc.components.schemas[String(s.$ref).split('/').pop() as string]) : s;
  schema = deref(schema);
  const options: Json[] | undefined = schema?.anyOf ?? schema?.oneOf;
  if (options) schema = deref(options.map(deref).find((s) => s?.type === 'object'));
  return schema;
}

/**
 * Rows that give the request body: every `{…}` before any `→`, joined (`{messageId, payload}`
 * or `{messageId, button}` are one body with either field).
 */
function documentedBodies(rows: Row[]) {
  return rows.flatMap((row) => {
    const request = row.does.split('→')[0] ?? '';
    const spans = codeSpans(request).filter((s) => s.startsWith('{'));
    return spans.length > 0 && row.method !== 'GET'
      ? [[`${row.method} ${row.path}`, row, spans.join(', ')] as const]
      : [];
  });
}

describe('docs/api.md: the /v1 route table', () => {
  const rows = routeRows('docs/api.md', '| method and path');

  it('has the routes', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it.each(rows.map((row) => [`${row.method} ${row.path}`, row] as const))(
    '%s is served',
    async (_route, row) => {
      if (find(row)) return;
      // Pages that are not an API are left out of the document: they must answer.
      expect(row.method).toBe('GET');
      expect((await fetch(`${server.url}${row.path}`)).status).toBe(200);
    },
  );

  it.each(documentedBodies(rows))(
    '%s: the body fields are the ones otpd takes',
    (_route, row, span) => {
      const schema = bodySchema(find(row) as Operation);
      expect(bodyFields(span)).toEqual({
        names: Object.keys(schema?.properties ?? {}).sort(),
        required: [...(schema?.required ?? [])].sort(),
      });
    },
  );
});

describe('every native operation of the OpenAPI document', () => {
  it('is named, as METHOD and path, in some page', () => {
    const pages = docFiles().map(read).join('\n');
    const native = operations.filter((op) => /^\/(v1|healthz|readyz|metrics)\b/.test(op.path));
    expect(native.length).toBeGreaterThan(30);
    const missing = native.filter((op) => !pages.includes(`${op.method} ${op.path}`));
    expect(missing.map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });
});

describe.each([
  ['docs/compat/twilio.md', '/twilio'],
  ['docs/messenger.md', '/messenger/{appId}/api/'],
])('%s: the route table', (page, prefix) => {
  const rows = () => routeRows(page, '| method and path', prefix);

  it(`lists every operation under ${prefix}, and only those`, () => {
    const served = operations
      .filter((op) => op.path.startsWith(prefix.replace(/\/$/, '')))
      .map((op) => shape(op.method, op.path));
    expect(
      rows()
        .map((row) => shape(row.method, row.path))
        .sort(),
    ).toEqual(served.sort());
  });

  it('gives the body fields otpd takes', () => {
    const wrong = documentedBodies(rows()).filter(([, row, span]) => {
      const op = find(row);
      const schema = op && bodySchema(op);
      if (!schema) return false; // a form body (Twilio) is described in words
      return (
        JSON.stringify(bodyFields(span).names) !==
        JSON.stringify(Object.keys(schema.properties ?? {}).sort())
      );
    });
    expect(wrong.map(([route, , span]) => `${route}: ${span}`)).toEqual([]);
  });
});

describe('docs/compat/beem.md', () => {
  it('names routes that are served, at both of their prefixes', () => {
    const text = read('docs/compat/beem.md');
    const named = [...text.matchAll(/`POST (\/v1\/[a-z]+) \{/g)].map((m) => m[1] ?? '');
    expect(named.length).toBe(2);
    const paths = operations.map((op) => `${op.method} ${op.path}`);
    for (const path of named) {
      expect(paths).toContain(`POST /beem${path}`);
      expect(paths).toContain(`POST /beem/api${path}`);
    }
  });
});

describe('docs/api.md: the API key scopes table', () => {
  const rows = () =>
    tableAfter(read('docs/api.md'), '| scope').map(([scope = '', routes = '']) => ({
      scope: codeSpans(scope)[0] ?? '',
      routes: codeSpans(routes),
    }));

  it('has a row for every scope, and only those', () => {
    expect(rows().map((row) => row.scope)).toEqual([...API_SCOPES]);
  });

  /**
   * How closely a route of the table names an operation: `GET /v1/settings` exactly (3),
   * `/v1/verifications/{id}/messages` by its path (2), `/v1/messages…` by a prefix (1).
   */
  function closeness(route: string, op: Operation): number {
    const [method, path] = route.includes(' ') ? route.split(' ') : [undefined, route];
    if (method && method !== op.method) return 0;
    if (path === op.path) return method ? 3 : 2;
    if (path?.endsWith('…') && op.path.startsWith(path.slice(0, -1))) return 1;
    return 0;
  }

  it('gives each /v1 operation the scope its key needs', () => {
    const wrong = operations
      .filter((op) => op.path.startsWith('/v1/'))
      .flatMap((op) => {
        const needed: string[] = op.op.security?.find((s: Json) => s.bearerAuth)?.bearerAuth ?? [];
        if (needed.length === 0) return []; // receipts: signed, no key
        const best = rows()
          .flatMap((row) => row.routes.map((route) => ({ ...row, close: closeness(route, op) })))
          .filter((match) => match.close > 0)
          .sort((a, b) => b.close - a.close)[0];
        return best?.scope === needed[0] ? [] : [`${op.method} ${op.path}: ${needed[0]}`];
      });
    expect(wrong).toEqual([]);
  });
});
