import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/harness.ts';
import type { Client } from '../helpers/http-client.ts';
import { codeBlocks, codeSpans, docFiles, read, tableAfter } from './markdown.ts';

/* Every settings document and provider entry the pages show is sent to a real otpd's
   PUT /v1/settings: an example the server would refuse fails here, naming the page. */

type Json = Record<string, any>;

let server: TestServer;
let client: Client;
let defaults: Json;

beforeAll(async () => {
  server = await startServer({ dispatcher: false });
  ({ client } = await server.createApp());
  expect((await client.request('PUT', '/v1/settings', {})).status).toBe(200);
  defaults = (await client.get('/v1/settings')).body;
});

afterAll(async () => {
  await server?.close();
});

const SETTINGS_KEYS = [
  'verification',
  'defaultLocale',
  'preferredCountry',
  'androidAppHash',
  'webOtpHost',
  'channels',
  'validator',
  'templates',
  'limits',
  'fraudGuard',
  'geo',
  'numberTypes',
  'safelist',
  'testNumbers',
  'webhooks',
  'dialects',
  'messenger',
];

interface Example {
  where: string;
  document: Json;
}

/** The ```json blocks of every page, parsed (pages.test.ts sees that they parse). */
const jsonExamples = docFiles().flatMap((file) =>
  codeBlocks(read(file))
    .filter((block) => block.lang === 'json')
    .map((block) => ({ where: `${file}:${block.line}`, value: JSON.parse(block.body) as Json })),
);

/** An app's compatible API identities, as `otpd apps show` prints them: not settings. */
const isIdentities = (value: Json) => value.dialects?.twilio?.accountSid !== undefined;

/** Blocks whose every key is a top-level settings field: whole settings documents. */
const documents: Example[] = jsonExamples
  .filter(({ value }) => Object.keys(value).every((key) => SETTINGS_KEYS.includes(key)))
  .filter(({ value }) => !isIdentities(value))
  .map(({ where, value }) => ({ where, document: value }));

/** Blocks that are one provider entry, put in a channel the provider delivers to. */
const PROVIDER_CHANNEL: Record<string, string> = { http: 'sms', twilio: 'sms', smtp: 'email' };
const providerEntries: Example[] = jsonExamples
  .filter(({ value }) => value.type in PROVIDER_CHANNEL && typeof value.name === 'string')
  .map(({ where, value }) => ({
    where,
    document: { channels: { [PROVIDER_CHANNEL[value.type] as string]: { providers: [value] } } },
  }));

describe('the settings examples of the pages', () => {
  it('are found: whole documents and provider entries', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
    expect(providerEntries.length).toBeGreaterThanOrEqual(4);
  });

  it.each([...documents, ...providerEntries].map((e) => [e.where, e] as const))(
    '%s is accepted by PUT /v1/settings',
    async (_where, { document }) => {
      const answer = await client.request('PUT', '/v1/settings', document);
      expect(answer.status === 200 ? [] : (answer.body.errors ?? answer.body)).toEqual([]);
    },
  );
});

/** `channels.{sms,email}.providers` → `channels.sms.providers`, `channels.email.providers`. */
function expand(path: string): string[] {
  const braces = /\{([^}]+)\}/.exec(path);
  if (braces) {
    return (braces[1] ?? '')
      .split(',')
      .flatMap((choice) => expand(path.replace(braces[0], choice)));
  }
  if (path.includes('<channel>')) {
    return ['sms', 'whatsapp', 'email', 'messenger', 'voice'].flatMap((c) =>
      expand(path.replace('<channel>', c)),
    );
  }
  return [path];
}

const valueAt = (doc: Json, path: string) =>
  path.split('.').reduce<any>((value, key) => value?.[key], doc);

/** Rows of a settings table whose default is written as JSON, with the path it is at. */
function jsonDefaults(page: string, heading: string, prefix = '', column = 1): [string, unknown][] {
  return tableAfter(read(page), heading).flatMap((row) => {
    const [field = ''] = row;
    const literal = /^`?([^`]+?)`?$/.exec(row[column] ?? '')?.[1];
    if (literal === undefined) return [];
    let value: unknown;
    try {
      value = JSON.parse(literal);
    } catch {
      return [];
    }
    return codeSpans(field)
      .flatMap(expand)
      .map((path) => path.replace(/\[\]$/, ''))
      .map((path): [string, unknown] => [prefix + path, value]);
  });
}

describe('the defaults the settings tables give', () => {
  const rows = [
    ...jsonDefaults('docs/settings.md', '| field'),
    ...jsonDefaults('docs/messenger.md', '| field', 'messenger.'),
    ...jsonDefaults('docs/abuse.md', '| setting', 'fraudGuard.', 2),
  ];

  it('are many', () => {
    expect(rows.length).toBeGreaterThan(25);
  });

  it.each(rows)('%s is %j in the settings otpd reads back', (path, value) => {
    expect(valueAt(defaults, path)).toEqual(value);
  });

  it('name every top-level field of the settings document', () => {
    const documented = new Set(
      tableAfter(read('docs/settings.md'), '| field').flatMap(([field = '']) =>
        codeSpans(field).map((path) => path.split(/[.[]/)[0]),
      ),
    );
    documented.add('messenger'); // docs/messenger.md has the table of its fields
    expect(Object.keys(defaults).sort()).toEqual([...documented].sort());
    expect(SETTINGS_KEYS.sort()).toEqual([...documented].sort());
  });
});
