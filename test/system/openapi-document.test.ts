import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import { fetchDocument, operationsOf } from '../helpers/openapi.ts';

const run = promisify(execFile);

/**
 * The lint warnings the README's "OpenAPI" section explains: the operations endpoints take
 * no input, so they have no 4xx answer.
 */
const JUSTIFIED_WARNINGS = [
  'operation-4xx-response #/paths/~1healthz/get/responses',
  'operation-4xx-response #/paths/~1readyz/get/responses',
];

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

describe('the OpenAPI document', () => {
  let server: TestServer;
  let doc: Record<string, any>;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    doc = await fetchDocument(server.url);
    dir = mkdtempSync(join(tmpdir(), 'otpd-openapi-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes redocly lint with the recommended rules: no errors, only the justified warnings', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const cli = join(process.cwd(), 'node_modules', '.bin', 'redocly');
    const { stdout } = await run(cli, ['lint', file, '--config', 'redocly.yaml', '--format=json'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { problems: LintProblem[] };
    const found = (severity: LintProblem['severity']) =>
      report.problems
        .filter((p) => p.severity === severity)
        .map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(found('error')).toEqual([]);
    const warnings = found('warn').map((w) => w.split(':')[0]);
    expect(warnings.filter((w) => !JUSTIFIED_WARNINGS.includes(w as string))).toEqual([]);
  }, 60_000);

  it('gives every operation a unique operationId, a summary and tags declared with descriptions', () => {
    const operations = operationsOf(doc);
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Map<string, string>(
      (doc.tags as { name: string; description: string }[]).map((t) => [t.name, t.description]),
    );
    for (const { operationId, op } of operations) {
      expect(op.summary, operationId).toEqual(expect.any(String));
      expect(op.tags?.length, operationId).toBeGreaterThan(0);
      for (const tag of op.tags) expect(declared.get(tag), `${operationId}: ${tag}`).toBeTruthy();
    }
    expect(doc.servers.length).toBeGreaterThan(0);
  });

  it('names each operation its security: bearer for /v1 and /convertalk, basic for Twilio and Beem, the session cookie for the console, none for the public ones; a key scheme lists the one scope needed', () => {
    const expected = (path: string) => {
      if (path.startsWith('/v1/receipts/') || path.startsWith('/diyalog/')) return [];
      if (['/healthz', '/readyz'].includes(path)) return [];
      // Called by the messenger's page: the gate and the session cookie stand for a key.
      if (path.startsWith('/messenger/')) return [];
      // The console's page signs in without a session, then sends its cookie.
      if (path === '/console/api/login') return [];
      if (path.startsWith('/console/api/')) return [{ consoleSession: [] }];
      // Open unless the operator sets OTPD_METRICS_TOKEN.
      if (path === '/metrics') return [{}, { metricsToken: [] }];
      if (path.startsWith('/v1/') || path.startsWith('/convertalk/')) return [{ bearerAuth: [] }];
      if (path.startsWith('/twilio/') || path.startsWith('/beem/')) return [{ basicAuth: [] }];
      throw new Error(`no security expected for ${path}`);
    };
    for (const { path, operationId, op } of operationsOf(doc)) {
      // The scopes (api-scopes.test.ts checks which) are set aside: the schemes are compared.
      const schemes = (op.security as Record<string, string[]>[]).map((requirement) =>
        Object.fromEntries(Object.keys(requirement).map((name) => [name, []])),
      );
      expect(schemes, operationId).toEqual(expected(path));
      for (const requirement of op.security as Record<string, string[]>[]) {
        for (const [name, scopes] of Object.entries(requirement)) {
          if (name === 'bearerAuth' || name === 'basicAuth') {
            expect(scopes, operationId).toHaveLength(1);
          }
        }
      }
    }
  });

  it('declares WWW-Authenticate on the 401s of operations with an HTTP scheme, not on the cookie-session ones', () => {
    let messenger = 0;
    for (const { path, operationId, op } of operationsOf(doc)) {
      const unauthorized = op.responses['401'];
      if (!unauthorized) continue;
      const header = unauthorized.headers?.['WWW-Authenticate'];
      // The console's cookie session is not answered from an Authorization header.
      const scheme = op.security.some((r: object) =>
        Object.keys(r).some((name) => name !== 'consoleSession'),
      );
      expect(Boolean(header), operationId).toBe(scheme);
      if (path.startsWith('/messenger/')) messenger += 1;
    }
    expect(messenger).toBeGreaterThan(0);
  });

  it('answers errors with the one Problem schema, as application/problem+json', () => {
    expect(doc.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']),
    );
    for (const { path, operationId, op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries<any>(op.responses)) {
        expect(response.description, `${operationId} ${status}`).not.toBe('Default Response');
        if (Number(status) < 400) continue;
        // Twilio's, Beem's and Convertalk's clients read errors in their own shapes
        // (TwilioError, BeemResult, ConvertalkError).
        const dialect =
          path.startsWith('/twilio/') ||
          path.startsWith('/convertalk/') ||
          (path.startsWith('/beem/') && Number(status) < 500);
        const type = dialect ? 'application/json' : 'application/problem+json';
        expect(response.content?.[type]?.schema, `${operationId} ${status}`).toBeDefined();
        if (!dialect) {
          expect(response.content[type].schema.$ref).toBe('#/components/schemas/Problem');
        }
      }
    }
  });

  it('has no broken or fragment references: every $ref names a component that exists', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    for (const [name, schema] of Object.entries<any>(doc.components.schemas)) {
      expect(schema.$id, name).toBeUndefined();
    }
  });
});
