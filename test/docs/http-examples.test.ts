import { Ajv2020 } from 'ajv/dist/2020.js';
import * as ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusOf } from '../../src/http/errors.ts';
import type { ErrorCode } from '../../src/kernel/errors.ts';
import { startServer, type TestServer } from '../helpers/harness.ts';
import {
  fetchDocument,
  type Operation,
  operationsOf,
  responseValidator,
} from '../helpers/openapi.ts';
import { codeBlocks, docFiles, read } from './markdown.ts';

/* The ```http requests the pages show, and the ```json answer right under each, against the
   OpenAPI document a real otpd serves: a request otpd would refuse, or an answer it could
   not give, fails here. */

type Json = Record<string, any>;

const addFormats = (ajvFormats as unknown as { default: { default: (ajv: Ajv2020) => void } })
  .default.default;

interface Example {
  where: string;
  method: string;
  path: string;
  body: unknown;
  /** The ```json block right under the request, if any. */
  answer?: unknown;
}

const examples: Example[] = docFiles().flatMap((file) => {
  const text = read(file);
  const blocks = codeBlocks(text);
  const lines = text.split('\n');
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'http') return [];
    const [method = '', path = ''] = block.body.split('\n')[0]?.split(' ') ?? [];
    const requestLines = block.body.split('\n');
    const bodyStart = requestLines.findIndex((l) => l.startsWith('{'));
    const json = bodyStart < 0 ? undefined : requestLines.slice(bodyStart).join('\n');
    const next = blocks[i + 1];
    const end = block.line + block.body.split('\n').length + 1;
    // Only blank lines between the request and a ```json block make it the answer.
    const adjacent =
      next?.lang === 'json' && lines.slice(end, next.line - 1).every((l) => l.trim() === '');
    return [
      {
        where: `${file}:${block.line}`,
        method,
        path,
        body: json === undefined ? undefined : JSON.parse(json),
        answer: adjacent ? JSON.parse(next.body) : undefined,
      },
    ];
  });
});

let server: TestServer;
let doc: Json;
let operations: Operation[];
let ajv: Ajv2020;
let checkAnswer: ReturnType<typeof responseValidator>;

beforeAll(async () => {
  server = await startServer({ dispatcher: false });
  doc = await fetchDocument(server.url);
  operations = operationsOf(doc);
  checkAnswer = responseValidator(doc);
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const id = 'urn:otpd:openapi';
  ajv.addSchema({
    $id: id,
    components: JSON.parse(JSON.stringify(doc.components).replaceAll('"#/', `"${id}#/`)),
  });
});

afterAll(async () => {
  await server?.close();
});

const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
const operationOf = (e: Example) =>
  operations.find((op) => op.method === e.method && shape(op.path) === shape(e.path));

describe('the HTTP requests the pages show', () => {
  it('are found', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.filter((e) => e.answer !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((e) => [e.where, e] as const))(
    '%s: the request is one otpd takes',
    (_w, e) => {
      const op = operationOf(e);
      expect(op, `${e.method} ${e.path}`).toBeDefined();
      if (e.body === undefined) return;
      const schema = op?.op.requestBody?.content?.['application/json']?.schema;
      const validate = ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/', '"urn:otpd:openapi#/')),
      );
      expect(validate(e.body) ? [] : validate.errors).toEqual([]);
    },
  );

  it.each(examples.filter((e) => e.answer !== undefined).map((e) => [e.where, e] as const))(
    '%s: the answer shown is one otpd can give',
    (_w, e) => {
      const op = operationOf(e) as Operation;
      const success = Object.keys(op.op.responses).find((status) => status.startsWith('2'));
      expect(checkAnswer(op, Number(success), 'application/json', e.answer)).toBeUndefined();
    },
  );
});

/** The problem documents the pages show: `{"type": "urn:otpd:problem:…", …}`. */
const problems = docFiles().flatMap((file) =>
  codeBlocks(read(file))
    .filter((block) => block.lang === 'json' && block.body.includes('"urn:otpd:problem:'))
    .map((block) => [`${file}:${block.line}`, JSON.parse(block.body) as Json] as const),
);

describe('the problem documents the pages show', () => {
  it('are found', () => {
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  it.each(problems)('%s has the Problem shape, and the status of its code', (_w, problem) => {
    const validate = ajv.getSchema('urn:otpd:openapi#/components/schemas/Problem');
    expect(validate?.(problem) ? [] : validate?.errors).toEqual([]);
    expect(problem.type).toBe(`urn:otpd:problem:${problem.code}`);
    expect(problem.status).toBe(statusOf(problem.code as ErrorCode));
  });
});
