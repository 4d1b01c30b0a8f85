import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

/** Polls the log until the verification's first attempt is in it. */
async function logged(client: Client, verificationId: string) {
  for (let i = 0; i < 250; i++) {
    const { body } = await client.get(`/v1/messages?verificationId=${verificationId}`);
    if (body.data?.length) return body.data[0];
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`verification ${verificationId} was never logged`);
}

describe('message log: search by every filter, one message, export', () => {
  let server: TestServer;
  let client: Client;
  let other: Client;
  let turkish: { id: string; verificationId: string };
  let british: { id: string; verificationId: string };

  beforeAll(async () => {
    server = await startServer();
    ({ client } = await server.createApp('Searched Shop'));
    ({ client: other } = await server.createApp('Other Shop'));
    const a = await client.post('/v1/verifications', {
      to: '+905551290001',
      txCode: '=HYPERLINK("http://evil.example","x")',
      messageId: 'order-1',
      deviceId: 'dev-1',
    });
    const b = await client.post('/v1/verifications', {
      to: '+447400123456',
      txCode: 'TX-2',
      messageId: 'order-2',
    });
    turkish = await logged(client, a.body.id);
    british = await logged(client, b.body.id);
  });
  afterAll(() => server?.close());

  it('narrows by message id, verification id and country', async () => {
    const ids = async (query: string) =>
      (await client.get(`/v1/messages?${query}`)).body.data.map((m: { id: string }) => m.id);
    expect(await ids('messageId=order-2')).toEqual([british.id]);
    expect(await ids(`verificationId=${turkish.verificationId}`)).toEqual([turkish.id]);
    expect(await ids('country=tr')).toEqual([turkish.id]);
    expect(await ids('country=GB&status=sent')).toEqual([british.id]);
    expect(await ids('country=US')).toEqual([]);
    const bad = await client.get('/v1/messages?country=Turkey');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it("shows one message with its timeline and its verification's attempts", async () => {
    const shown = await client.get(`/v1/messages/${turkish.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data).toMatchObject({ id: turkish.id, to: '+905551290001', country: 'TR' });
    expect(shown.body.data.timeline).toEqual([{ status: 'sent', at: shown.body.data.createdAt }]);
    expect(shown.body.attempts.map((m: { id: string }) => m.id)).toEqual([turkish.id]);

    const elsewhere = await other.get(`/v1/messages/${turkish.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('message_not_found');
    expect((await client.get('/v1/messages/msg_missing')).body.code).toBe('message_not_found');
  });

  it('exports the filtered log as CSV, with formulas defused, and as NDJSON', async () => {
    const raw = await client.request('GET', '/v1/messages/export?format=csv&country=TR');
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toContain('text/csv');
    expect(raw.headers.get('content-disposition')).toBe('attachment; filename="messages.csv"');
    const lines = raw.text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.startsWith('id,createdAt,verificationId')).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(lines[1]).toContain(',+905551290001,');

    const ndjson = await client.request('GET', '/v1/messages/export?format=ndjson');
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = ndjson.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((m) => m.id)).toEqual([british.id, turkish.id]);

    const none = await other.request('GET', '/v1/messages/export');
    expect(none.text.trim().split('\r\n')).toHaveLength(1);
  });
});
