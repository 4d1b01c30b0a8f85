import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { createMessageIdSource } from '../adapters/message-ids.ts';
import type { MessageAttempt } from '../message-log-ports.ts';

describe('message log: pages, exports and retention', () => {
  let server: TestServer;
  let appId: string;
  let client: Client;
  const T0 = Date.parse('2026-03-01T00:00:00Z');
  const nextId = createMessageIdSource();

  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
    ({ appId, client } = await server.createApp());
  });
  afterAll(() => server.close());

  function attempt(overrides: Partial<MessageAttempt> = {}): MessageAttempt {
    const createdAt = overrides.createdAt ?? T0;
    return {
      id: nextId(createdAt),
      appId,
      verificationId: 'ver_x',
      channel: 'sms',
      to: '+905551281000',
      country: 'TR',
      provider: 'gw-a',
      providerMessageId: null,
      status: 'sent',
      latencyMs: 5,
      errorCode: null,
      txCode: 'TX-page',
      deviceId: null,
      messageId: null,
      createdAt,
      ...overrides,
    };
  }

  it('pages through more than 100 entries, newest first, each exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 237; i++) {
      const a = attempt({ createdAt: T0 + Math.floor(i / 3), verificationId: `ver_${i}` });
      ids.push(a.id);
      await server.deps.messageLog.recordAttempt(a);
    }
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const query: string = next ? `&cursor=${encodeURIComponent(next)}` : '';
      const page = await client.get(`/v1/messages?txCode=TX-page&limit=100${query}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(100);
      seen.push(...page.body.data.map((e: any) => e.id));
      next = page.body.nextCursor;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const ndjson = await client.get('/v1/messages?txCode=TX-page&format=ndjson&limit=1');
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = ndjson.text.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual([...ids].reverse());
  });

  it('exports csv with every awkward value quoted and formulas neutralised', async () => {
    await server.deps.messageLog.recordAttempt(
      attempt({
        txCode: 'TX "quoted", with comma',
        deviceId: '=HYPERLINK("http://evil")',
        messageId: 'line\nbreak',
        status: 'failed',
        errorCode: 'http_500',
        createdAt: T0 + 10_000,
      }),
    );
    const csv = await client.get('/v1/messages?format=csv&status=failed');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, row, end] = csv.text.split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(header).toBe(
      'id,createdAt,verificationId,channel,to,country,provider,providerMessageId,status,' +
        'latencyMs,errorCode,txCode,deviceId,messageId,timeline,price,priceCurrency',
    );
    expect(end).toBe('');
    expect(row).toContain(',+905551281000,TR,gw-a,,failed,5,http_500,');
    expect(row).toContain('"TX ""quoted"", with comma"');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain('"line\nbreak"');
    expect(row).toContain('"[{""status"":""failed""');
  });

  it('purges entries past the retention with the clock it is given', async () => {
    const { createFakeClock } = await import('../../../test/helpers/fake-clock.ts');
    const clock = createFakeClock(T0);
    const timed = await startServer({
      clock,
      dispatcher: false,
      env: { OTPD_MESSAGE_LOG_RETENTION_DAYS: '30' },
    });
    try {
      const { appId: owner, client: ownerClient } = await timed.createApp();
      const day = 86_400_000;
      await timed.deps.messageLog.recordAttempt(
        attempt({ appId: owner, createdAt: T0 - 31 * day }),
      );
      await timed.deps.messageLog.recordAttempt(
        attempt({ appId: owner, createdAt: T0 - 29 * day }),
      );
      await timed.deps.messageLog.recordAttempt(attempt({ appId: owner, createdAt: T0 }));
      expect(await timed.deps.messageRetention.purgeOnce()).toBe(1);
      clock.advance(2 * day);
      expect(await timed.deps.messageRetention.purgeOnce()).toBe(1);
      const left = await ownerClient.get('/v1/messages');
      expect(left.body.data.map((e: any) => e.createdAt)).toEqual([new Date(T0).toISOString()]);
      clock.advance(30 * day);
      expect(await timed.deps.messageRetention.purgeOnce()).toBe(1);
      expect((await ownerClient.get('/v1/messages')).body.data).toEqual([]);
    } finally {
      await timed.close();
    }
  });
});
