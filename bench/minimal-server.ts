/**
 * The floor of the create+check workload: the least any server can do that answers otpd's
 * hot path with the same outward effects, measured beside otpd so that its ratio to hello
 * world says how far the 0.2× target is from what the work itself costs on this machine.
 *
 * Fastify and one table (bench/minimal-store.ts: SQLite, or PostgreSQL for the clustered
 * floor), an HMAC of the code, one insert per create and one update per check; per create
 * the code is POSTed to the loopback gateway and two webhook events (`verification.created`,
 * then `message.sent` once the gateway answered) to the receiver, on kept-alive
 * connections. Nothing else: no key look-up, no limits or guards, no encryption, no
 * outbox, no message log, no retries.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import Fastify from 'fastify';
import type { MinimalStore } from './minimal-store.ts';

const SECRET = randomBytes(32);
const hash = (code: string) => createHmac('sha256', SECRET).update(code).digest('base64url');

export async function startMinimal(
  peers: { smsUrl: string; webhookUrl: string },
  store: MinimalStore,
) {
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 32 });
  const post = (url: string, body: string) =>
    new Promise<void>((resolve) => {
      const request = http.request(url, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      request.on('response', (response) => response.resume().on('end', resolve));
      request.on('error', () => resolve());
      request.end(body);
    });
  const announce = (type: string, id: string) =>
    post(peers.webhookUrl, JSON.stringify({ type, data: { id } }));

  const app = Fastify();
  app.post<{ Body: { to: string } }>('/v1/verifications', async (request, reply) => {
    const now = Date.now();
    const id = `ver_${now.toString(36)}${randomBytes(8).toString('hex')}`;
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    await store.insert(id, request.body.to, hash(code), now + 600_000, now);
    void announce('verification.created', id);
    void post(peers.smsUrl, JSON.stringify({ to: request.body.to, text: `Code ${code}` })).then(
      () => announce('message.sent', id),
    );
    return reply.code(201).send({ id, status: 'pending' });
  });
  app.post<{ Params: { id: string }; Body: { code: string } }>(
    '/v1/verifications/:id/check',
    async (request) => {
      const codeHash = await store.count(request.params.id);
      const valid = codeHash !== undefined && codeHash === hash(request.body.code);
      return { id: request.params.id, valid };
    },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    async stop() {
      await app.close();
      agent.destroy();
      await store.close();
    },
  };
}
