import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

const REPLAYED = 'idempotent-replayed';

describe('Idempotency-Key on the native API', () => {
  let server: TestServer;

  // The dispatcher runs only when a test drains it, so "exactly one message" is exact.
  beforeAll(async () => {
    server = await startServer({ dispatcher: false });
  });
  afterAll(() => server.close());

  async function drain() {
    while ((await server.deps.dispatcher.runOnce()) > 0) {}
  }

  async function sandboxFor(client: Client, to: string) {
    const { body } = await client.get(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`);
    return body.data as { verificationId: string; body: string }[];
  }

  async function codeOf(client: Client, to: string, verificationId: string) {
    await drain();
    const message = (await sandboxFor(client, to)).find((m) => m.verificationId === verificationId);
    const code = message && /\b(\d{4,10})\b/.exec(message.body)?.[1];
    if (!code) throw new Error(`no code for ${verificationId}`);
    return code;
  }

  it('replays the first response for the same key and body, creating one verification', async () => {
    const { client } = await server.createApp();
    const to = '+905552220001';
    const key = { 'idempotency-key': 'create-1' };
    const first = await client.post('/v1/verifications', { to, txCode: 'T-9' }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get(REPLAYED)).toBeNull();

    // Key order in the body does not matter: same request, same fingerprint.
    const second = await client.post('/v1/verifications', { txCode: 'T-9', to }, key);
    expect(second.status).toBe(201);
    expect(second.headers.get(REPLAYED)).toBe('true');
    expect(second.headers.get('content-type')).toContain('application/json');
    expect(second.body).toEqual(first.body);

    const third = await client.post('/v1/verifications', { to, txCode: 'T-9' }, key);
    expect(third.body.id).toBe(first.body.id);

    await drain();
    const messages = await sandboxFor(client, to);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.verificationId).toBe(first.body.id);
    // A second create for the destination would have superseded the first.
    const read = await client.get(`/v1/verifications/${first.body.id}`);
    expect(read.body).toMatchObject({ status: 'pending', sends: 1 });
  });

  it('refuses the same key with another body: 422 idempotency_key_reused', async () => {
    const { client } = await server.createApp();
    const key = { 'idempotency-key': 'create-2' };
    const first = await client.post('/v1/verifications', { to: '+905552220002' }, key);
    expect(first.status).toBe(201);
    const other = await client.post('/v1/verifications', { to: '+905552220003' }, key);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(other.body.detail).toEqual(expect.any(String));
    expect(other.headers.get(REPLAYED)).toBeNull();

    // Nothing was started for the refused request.
    await drain();
    expect(await sandboxFor(client, '+905552220003')).toEqual([]);
    // The same key on another route is another request too.
    const check = await client.post(
      `/v1/verifications/${first.body.id}/check`,
      { code: '000000' },
      key,
    );
    expect(check.status).toBe(422);
    expect(check.body.code).toBe('idempotency_key_reused');
    expect((await client.get(`/v1/verifications/${first.body.id}`)).body.attempts).toBe(0);
  });

  it('keeps keys apart per app', async () => {
    const a = await server.createApp('A');
    const b = await server.createApp('B');
    const key = { 'idempotency-key': 'shared-key' };
    const fromA = await a.client.post('/v1/verifications', { to: '+905552220004' }, key);
    const fromB = await b.client.post('/v1/verifications', { to: '+905552220004' }, key);
    expect(fromA.status).toBe(201);
    expect(fromB.status).toBe(201);
    expect(fromB.headers.get(REPLAYED)).toBeNull();
    expect(fromB.body.id).not.toBe(fromA.body.id);
    expect(fromB.body.appId).toBe(b.appId);
    // And another body under the same key is fine for B, since B never used it for that.
    const otherBody = await b.client.post(
      '/v1/verifications',
      { to: '+905552220005' },
      {
        'idempotency-key': 'only-a-uses-this',
      },
    );
    expect(otherBody.status).toBe(201);
    const replayA = await a.client.post('/v1/verifications', { to: '+905552220004' }, key);
    expect(replayA.body.id).toBe(fromA.body.id);
    expect(replayA.headers.get(REPLAYED)).toBe('true');
  });

  it('does not burn a key on a failed request', async () => {
    const { client } = await server.createApp();
    const key = { 'idempotency-key': 'retry-after-fix' };
    // Refused by the schema, before the key is claimed.
    const invalid = await client.post('/v1/verifications', { to: '+905552220006', x: 1 }, key);
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('validation_failed');
    // Refused by the service, after the key was claimed: it must be released.
    const badRecipient = await client.post('/v1/verifications', { to: '+1234' }, key);
    expect(badRecipient.status).toBe(400);
    expect(badRecipient.body.code).toBe('invalid_recipient');
    // The failure is not replayed either: the same bad request is evaluated again.
    const againBad = await client.post('/v1/verifications', { to: '+1234' }, key);
    expect(againBad.status).toBe(400);
    expect(againBad.headers.get(REPLAYED)).toBeNull();

    const fixed = await client.post('/v1/verifications', { to: '+905552220006' }, key);
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get(REPLAYED)).toBeNull();
    const replay = await client.post('/v1/verifications', { to: '+905552220006' }, key);
    expect(replay.headers.get(REPLAYED)).toBe('true');
    expect(replay.body.id).toBe(fixed.body.id);
  });

  it('refuses a malformed key with validation_failed', async () => {
    const { client } = await server.createApp();
    for (const bad of ['x'.repeat(256), 'has space']) {
      const response = await client.post(
        '/v1/verifications',
        { to: '+905552220007' },
        { 'idempotency-key': bad },
      );
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors[0].field).toBe('headers.idempotency-key');
    }
    await drain();
    expect(await sandboxFor(client, '+905552220007')).toEqual([]);
  });

  it('replays a check without spending another attempt', async () => {
    const { client } = await server.createApp();
    const to = '+905552220008';
    const created = await client.post('/v1/verifications', { to });
    const code = await codeOf(client, to, created.body.id);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const path = `/v1/verifications/${created.body.id}/check`;

    const key = { 'idempotency-key': 'check-1' };
    const first = await client.post(path, { code: wrongCode }, key);
    expect(first.body).toMatchObject({
      valid: false,
      reason: 'incorrect_code',
      attemptsRemaining: 4,
    });
    for (let i = 0; i < 3; i++) {
      const replay = await client.post(path, { code: wrongCode }, key);
      expect(replay.headers.get(REPLAYED)).toBe('true');
      expect(replay.body).toEqual(first.body);
    }
    expect((await client.get(`/v1/verifications/${created.body.id}`)).body).toMatchObject({
      attempts: 1,
      attemptsRemaining: 4,
      status: 'pending',
    });

    // The approving check, replayed, answers the same and counts once.
    const approveKey = { 'idempotency-key': 'check-2' };
    const approved = await client.post(path, { code }, approveKey);
    expect(approved.body).toMatchObject({ valid: true, status: 'approved' });
    const replayed = await client.post(path, { code }, approveKey);
    expect(replayed.headers.get(REPLAYED)).toBe('true');
    expect(replayed.body).toEqual(approved.body);
    expect((await client.get(`/v1/verifications/${created.body.id}`)).body).toMatchObject({
      attempts: 2,
      status: 'approved',
    });
    // Without the key, a repeat is a new check (and says so).
    const fresh = await client.post(path, { code });
    expect(fresh.body).toMatchObject({ valid: false, reason: 'already_approved' });
  });

  it('replays a check by destination without spending another attempt', async () => {
    const { client } = await server.createApp();
    const to = '+905552220009';
    const created = await client.post('/v1/verifications', { to });
    const code = await codeOf(client, to, created.body.id);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const key = { 'idempotency-key': 'check-by-destination' };
    const first = await client.post('/v1/verifications/check', { to, code: wrongCode }, key);
    expect(first.body).toMatchObject({ id: created.body.id, valid: false, attemptsRemaining: 4 });
    const replay = await client.post('/v1/verifications/check', { to, code: wrongCode }, key);
    expect(replay.headers.get(REPLAYED)).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await client.get(`/v1/verifications/${created.body.id}`)).body.attempts).toBe(1);
  });

  it('runs concurrent requests with one key once', async () => {
    const { client } = await server.createApp();
    const to = '+905552220010';
    const key = { 'idempotency-key': 'concurrent' };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => client.post('/v1/verifications', { to }, key)),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // Each loser either got the replay or was told to retry; none started another verification.
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of responses) {
      if (r.status !== 201) {
        expect(r.status).toBe(409);
        expect(r.body.code).toBe('idempotency_key_in_progress');
        expect(r.headers.get('retry-after')).not.toBeNull();
      }
    }
    await drain();
    expect(await sandboxFor(client, to)).toHaveLength(1);
  });
});
