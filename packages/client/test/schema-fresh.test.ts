import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  DOCUMENT_FILE,
  documentText,
  SCHEMA_FILE,
  typesText,
} from '../scripts/generate.ts';

/**
 * The committed document and types are what the routes generate now: a route changed
 * without `npm run generate:client` fails here, before a client type drifts from the API.
 */
describe("the client's generated types", () => {
  it('match the OpenAPI document the routes build today', async () => {
    const document = await buildDocument();
    const hint = 'stale: run `npm run generate:client` and commit packages/client';
    expect(readFileSync(DOCUMENT_FILE, 'utf8') === documentText(document), hint).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8') === (await typesText(document)), hint).toBe(true);
  }, 120_000);
});
