import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

const T0 = Date.parse('2026-01-01T10:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('GET /v1/analytics', () => {
  const clock = createFakeClock(T0);
  let server: TestServer;
  let client: Client;
  let other: Client;

  beforeAll(async () => {
    server = await startServer({ clock });
    ({ client } = await server.createApp('Counted Shop'));
    ({ client: other } = await server.createApp('Other Shop'));
    const approved = await client.post('/v1/verifications', { to: '+905551610001' });
    const code = await server.readCode(client, approved.body.id);
    await client.post(`/v1/verifications/${approved.body.id}/check`, { code });
    await client.post('/v1/verifications', { to: 'ada@example.com', channel: 'email' });
    // Both attempts are in the log (written beside the delivery) before time moves on.
    for (let i = 0; i < 250; i++) {
      if ((await client.get('/v1/messages')).body.data.length === 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    clock.advance(HOUR);
  });
  afterAll(() => server?.close());

  it("counts the calling app's verifications and messages per hour", async () => {
    const answer = await client.get(
      `/v1/analytics?from=${iso(T0)}&to=${iso(T0 + 2 * HOUR)}&interval=hour`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      from: iso(T0),
      to: iso(T0 + 2 * HOUR),
      interval: 'hour',
      groupBy: null,
    });
    expect(answer.body.data).toHaveLength(2);
    expect(answer.body.data[0]).toMatchObject({
      start: iso(T0),
      group: null,
      verifications: { started: 2, approved: 1, conversionRate: 0.5 },
      messages: { sent: 2, failed: 0 },
    });
    expect(answer.body.data[1].verifications.started).toBe(0);
  });

  it('groups by channel, and defaults to the last 24 hours by the hour', async () => {
    const grouped = await client.get(`/v1/analytics?groupBy=channel&interval=day`);
    expect(grouped.status).toBe(200);
    // The default range (24 hours before now) touches two UTC days; each has both groups.
    expect(grouped.body.data.map((b: { group: string }) => b.group)).toEqual([
      'email',
      'sms',
      'email',
      'sms',
    ]);
    expect(grouped.body.data[3]).toMatchObject({
      start: '2026-01-01T00:00:00.000Z',
      verifications: { started: 1, approved: 1, conversionRate: 1 },
    });
    const plain = await client.get('/v1/analytics');
    expect(plain.body.from).toBe(iso(T0 + HOUR - 24 * HOUR));
    expect(plain.body.data).toHaveLength(24);
  });

  it('shows another app nothing of this one (I5)', async () => {
    const answer = await other.get(`/v1/analytics?from=${iso(T0)}&to=${iso(T0 + HOUR)}`);
    expect(answer.body.data[0].verifications.started).toBe(0);
    expect(answer.body.data[0].messages.sent).toBe(0);
  });

  it('refuses a range that ends before it starts, or spans too long, as problems', async () => {
    const backwards = await client.get(`/v1/analytics?from=${iso(T0)}&to=${iso(T0)}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'to', message: 'must be after from' }],
    });
    const long = await client.get(
      `/v1/analytics?from=${iso(T0 - 40 * 24 * HOUR)}&to=${iso(T0)}&interval=hour`,
    );
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toEqual({
      field: 'to',
      message: 'must be at most 31 days after from with interval=hour',
    });
    const daily = await client.get(
      `/v1/analytics?from=${iso(T0 - 40 * 24 * HOUR)}&to=${iso(T0)}&interval=day`,
    );
    expect(daily.status).toBe(200);
    expect(daily.body.data).toHaveLength(41);
    const bad = await client.get('/v1/analytics?interval=week&groupBy=planet');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'querystring.groupBy',
      'querystring.interval',
    ]);
  });
});
