import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { ApiResponse, Client } from '../../../test/helpers/http-client.ts';

/** Another app's verification must look exactly like one that never existed (I5). */
function expectNotFound(response: ApiResponse) {
  expect(response.status, response.text).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status: 404, code: 'verification_not_found' });
}

describe('tenant isolation (I5): one app cannot see or change another app’s data', () => {
  let server: TestServer;
  let a: { appId: string; client: Client };
  let b: { appId: string; client: Client };

  beforeAll(async () => {
    server = await startServer();
    a = await server.createApp('App A');
    b = await server.createApp('App B');
  });
  afterAll(() => server.close());

  it('answers 404 on every verification route for another app’s verification', async () => {
    const to = '+905551110001';
    const created = await a.client.post('/v1/verifications', { to });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // A's code, in B's hands: even the right code must not get B anywhere.
    const code = await server.readCode(a.client, id);

    expectNotFound(await b.client.get(`/v1/verifications/${id}`));
    expectNotFound(await b.client.post(`/v1/verifications/${id}/check`, { code }));
    expectNotFound(await b.client.post(`/v1/verifications/${id}/check`, { code: '000000' }));
    expectNotFound(await b.client.post(`/v1/verifications/${id}/resend`));
    expectNotFound(await b.client.post(`/v1/verifications/${id}/cancel`));
    expectNotFound(await b.client.post('/v1/verifications/check', { to, code }));

    // The answer to a foreign id is indistinguishable from a made-up one.
    const foreign = await b.client.get(`/v1/verifications/${id}`);
    const madeUp = await b.client.get(`/v1/verifications/${id.slice(0, -4)}zzzz`);
    expect(foreign.body.title).toBe(madeUp.body.title);
    expect(foreign.body.detail.replace(id, '')).toBe(
      madeUp.body.detail.replace(`${id.slice(0, -4)}zzzz`, ''),
    );

    const after = await a.client.get(`/v1/verifications/${id}`);
    expect(after.body).toMatchObject({
      id,
      appId: a.appId,
      status: 'pending',
      reason: null,
      attempts: 0,
      attemptsRemaining: 5,
      sends: 1,
    });
    // Still A's to approve with the code B tried.
    const approved = await a.client.post(`/v1/verifications/${id}/check`, { code });
    expect(approved.body).toMatchObject({ valid: true, status: 'approved' });
  });

  it('keeps the same destination independent across apps', async () => {
    const to = '+905551110002';
    const fromA = await a.client.post('/v1/verifications', { to });
    const codeA = await server.readCode(a.client, fromA.body.id);
    // B starting a verification for the same person must not supersede A's.
    const fromB = await b.client.post('/v1/verifications', { to });
    expect(fromB.status).toBe(201);
    const codeB = await server.readCode(b.client, fromB.body.id);

    expect((await a.client.get(`/v1/verifications/${fromA.body.id}`)).body).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    // B's check by destination finds B's verification, never A's.
    if (codeA !== codeB) {
      const wrong = await b.client.post('/v1/verifications/check', { to, code: codeA });
      expect(wrong.body).toMatchObject({ id: fromB.body.id, valid: false });
    }
    const right = await b.client.post('/v1/verifications/check', { to, code: codeB });
    expect(right.body).toMatchObject({ id: fromB.body.id, valid: true });
    expect((await a.client.get(`/v1/verifications/${fromA.body.id}`)).body).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    const checkedA = await a.client.post('/v1/verifications/check', { to, code: codeA });
    expect(checkedA.body).toMatchObject({ id: fromA.body.id, valid: true });
  });

  it('never shows one app’s sandbox messages to another', async () => {
    const to = '+905551110003';
    const created = await a.client.post('/v1/verifications', { to });
    await server.readCode(a.client, created.body.id);
    const ownOfB = await b.client.post('/v1/verifications', { to: '+905551110004' });
    await server.readCode(b.client, ownOfB.body.id);

    const seenByA = await a.client.get('/v1/sandbox/messages?limit=100');
    expect(seenByA.body.data.length).toBeGreaterThan(0);
    const aIds = new Set(seenByA.body.data.map((m: { id: string }) => m.id));

    for (const path of [
      '/v1/sandbox/messages?limit=100',
      `/v1/sandbox/messages?to=${encodeURIComponent(to)}`,
      '/v1/sandbox/messages?to=905551110003',
      `/v1/sandbox/messages?to=${encodeURIComponent('+905551110001')}`,
    ]) {
      const seenByB = await b.client.get(path);
      expect(seenByB.status).toBe(200);
      for (const message of seenByB.body.data) {
        expect(aIds.has(message.id)).toBe(false);
        expect(message.verificationId).not.toBe(created.body.id);
      }
    }
    const none = await b.client.get(`/v1/sandbox/messages?to=${encodeURIComponent(to)}`);
    expect(none.body.data).toEqual([]);
    // B sees its own messages (so the filter above is not just an empty store).
    const own = await b.client.get('/v1/sandbox/messages?limit=100');
    expect(own.body.data.map((m: { verificationId: string }) => m.verificationId)).toContain(
      ownOfB.body.id,
    );
    expect(own.body.data.every((m: { id: string }) => !aIds.has(m.id))).toBe(true);
  });
});
