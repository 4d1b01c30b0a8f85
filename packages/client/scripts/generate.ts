import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../../../src/app.ts';
import { createDeps } from '../../../src/deps.ts';
import { loadConfig } from '../../../src/kernel/config/config.ts';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCUMENT_FILE = join(packageDir, 'openapi.json');
export const SCHEMA_FILE = join(packageDir, 'src', 'schema.d.ts');

const BANNER = `/**
 * The otpd API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run generate:client\` after changing a route.
 */

`;

/**
 * The OpenAPI document otpd serves at `/openapi.json`, built from the routes in memory: a
 * throwaway data directory, no listening socket, no OTPD_PUBLIC_URL, so it is the same on
 * every machine.
 */
export async function buildDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'otpd-client-schema-'));
  const deps = createDeps(loadConfig({ OTPD_DATA_DIR: dataDir, OTPD_LOG_LEVEL: 'silent' }));
  try {
    const app = await buildApp(deps);
    try {
      const response = await app.inject({ method: 'GET', url: '/openapi.json' });
      if (response.statusCode !== 200) {
        throw new Error(`/openapi.json answered ${response.statusCode}`);
      }
      return response.json();
    } finally {
      await app.close();
    }
  } finally {
    await deps.store.close();
    await deps.messageLog.close();
    await deps.limiter.close();
    await deps.conversationEvents.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The document as committed: two-space JSON with a final newline. */
export function documentText(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The TypeScript types of a document (`paths`, `components`, `operations`). */
export async function typesText(document: Record<string, unknown>): Promise<string> {
  // openapi-typescript's own types want its document type; ours is plain JSON.
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: true,
    // A default makes a field optional in a request; answers list what they always carry
    // under `required`, so this loses nothing there.
    defaultNonNullable: false,
  });
  return BANNER + astToString(ast);
}

/** Writes packages/client/openapi.json and src/schema.d.ts. */
export async function generate(): Promise<void> {
  const document = await buildDocument();
  writeFileSync(DOCUMENT_FILE, documentText(document));
  writeFileSync(SCHEMA_FILE, await typesText(document));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await generate();
  console.log(`wrote ${DOCUMENT_FILE} and ${SCHEMA_FILE}`);
}
