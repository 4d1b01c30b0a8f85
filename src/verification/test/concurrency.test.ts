import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

/** I2: the attempt counter moves in the statement that decides the check. */
describe('concurrent checks', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('200 concurrent wrong checks spend exactly maxAttempts, then the right code is refused', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551230001' });
    const id = created.body.id;
    const code = await server.readCode(client, id);
    const wrong = code === '000000' ? '000001' : '000000';

    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        client.post(`/v1/verifications/${id}/check`, { code: wrong }),
      ),
    );
    expect(answers.every((a) => a.status === 200 && a.body.valid === false)).toBe(true);
    const evaluated = answers.filter((a) => a.body.reason === 'incorrect_code').length;
    const exhausting = answers.filter((a) => a.body.reason === 'max_attempts_reached').length;
    // Four wrong answers leave the verification pending, the fifth exhausts it; every other
    // request finds it already exhausted.
    expect(evaluated).toBe(4);
    expect(exhausting).toBe(196);

    const after = await client.get(`/v1/verifications/${id}`);
    expect(after.body).toMatchObject({
      attempts: 5,
      maxAttempts: 5,
      attemptsRemaining: 0,
      status: 'max_attempts_reached',
      reason: 'too_many_attempts',
    });
    const right = await client.post(`/v1/verifications/${id}/check`, { code });
    expect(right.body).toMatchObject({ valid: false, reason: 'max_attempts_reached' });
  });

  it('50 concurrent right checks approve exactly once', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551230002' });
    const id = created.body.id;
    const code = await server.readCode(client, id);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => client.post(`/v1/verifications/${id}/check`, { code })),
    );
    expect(answers.filter((a) => a.body.valid === true)).toHaveLength(1);
    expect(answers.filter((a) => a.body.reason === 'already_approved')).toHaveLength(49);
    const after = await client.get(`/v1/verifications/${id}`);
    expect(after.body).toMatchObject({ status: 'approved', attempts: 1 });
  });

  it('concurrent right and wrong checks: at most one approval and never past the budget', async () => {
    const { client } = await server.createApp();
    const created = await client.post('/v1/verifications', { to: '+905551230003' });
    const id = created.body.id;
    const code = await server.readCode(client, id);
    const wrong = code === '999999' ? '999998' : '999999';

    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        client.post(`/v1/verifications/${id}/check`, { code: i % 3 === 0 ? code : wrong }),
      ),
    );
    expect(answers.filter((a) => a.body.valid === true).length).toBeLessThanOrEqual(1);
    const after = await client.get(`/v1/verifications/${id}`);
    expect(after.body.attempts).toBeLessThanOrEqual(5);
  });
});
