import { z } from 'zod';
import { API_SCOPES } from '../../apps/domain/api-scopes.ts';
import type { ApiKeyRecord, AppRecord } from '../../ports/store.ts';

/** The console's apps and API keys: what comes in, what goes out. No key's secret or hash. */

const timestamp = z.iso.datetime();
const id = (what: string) => z.string().min(1).max(64).describe(what);

export const appParams = z.object({ appId: id('The app, e.g. `app_01…`') });
export const keyParams = appParams.extend({ keyId: id('The key, e.g. `key_01…`') });

export const appNameBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not hold control characters')
      .describe('The display name, used in messages as `{{app}}`; 1-100 characters'),
  })
  .strict();

export const newKeyBody = z
  .object({
    scopes: z
      .array(z.enum(API_SCOPES))
      .min(1)
      .max(API_SCOPES.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, 'must name each scope once')
      .describe('What the key may do: at least one scope, each once'),
  })
  .strict();

export const consoleApp = z
  .object({ id: z.string(), name: z.string(), createdAt: timestamp })
  .meta({ id: 'ConsoleApp' });

export const consoleAppList = z
  .object({ data: z.array(consoleApp).describe('Oldest first') })
  .meta({ id: 'ConsoleAppList' });

export const consoleApiKey = z
  .object({
    id: z.string(),
    appId: z.string(),
    prefix: z.string().describe("The key's first characters, to tell keys apart"),
    scopes: z.array(z.enum(API_SCOPES)),
    createdAt: timestamp,
    revokedAt: timestamp.nullable().describe('When it was revoked; null while it works'),
  })
  .meta({ id: 'ConsoleApiKey' });

export const consoleApiKeyList = z
  .object({ data: z.array(consoleApiKey).describe('Oldest first, revoked ones included') })
  .meta({ id: 'ConsoleApiKeyList' });

export const consoleIssuedKey = z
  .object({
    key: consoleApiKey,
    apiKey: z.string().describe('The key itself: shown in this answer only, stored only hashed'),
  })
  .meta({ id: 'ConsoleIssuedApiKey' });

export const appView = (app: AppRecord) => ({
  id: app.id,
  name: app.name,
  createdAt: new Date(app.createdAt).toISOString(),
});

export const apiKeyView = (key: ApiKeyRecord) => ({
  id: key.id,
  appId: key.appId,
  prefix: key.prefix,
  scopes: key.scopes,
  createdAt: new Date(key.createdAt).toISOString(),
  revokedAt: key.revokedAt === null ? null : new Date(key.revokedAt).toISOString(),
});
