import { describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';
import { OtpdError } from '../../kernel/errors.ts';

/**
 * The SMS-pumping guard on a real server with a fake clock (I8). The
 * 500-send simulation calls the verification service directly (no HTTP round trip per send)
 * and delivers with `dispatcher.runOnce()`; decisions are read and lifted over HTTP. The same
 * scenarios run on the in-memory counters and on Redis.
 */
export interface FraudBackend {
  name: string;
  open(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>;
}

const HOUR_MS = 3_600_000;
/** Numbers in range +90555124xxxx (prefix +90555124) and +90555125xxxx. */
const pumped = (n: number) => `+90555124${String(n).padStart(4, '0')}`;
const healthy = (n: number) => `+90555125${String(n).padStart(4, '0')}`;

interface Harness {
  server: TestServer;
  clock: FakeClock;
  client: Client;
  appId: string;
  settle(settings: Record<string, unknown>): Promise<void>;
  /** Starts a verification through the service: its id, or the error code that refused it. */
  send(to: string, channel?: 'sms' | 'whatsapp' | 'email'): Promise<string>;
  /** Delivers what is queued and checks the right code of a verification sent to `to`. */
  approve(id: string, to: string): Promise<void>;
}

export function describeFraudGuard(backend: FraudBackend) {
  async function withServer(run: (t: Harness) => Promise<void>) {
    const { env, cleanup } = await backend.open();
    const clock = createFakeClock();
    const server = await startServer({ clock, env, dispatcher: false });
    try {
      const { client, appId } = await server.createApp();
      const { deps } = server;
      await run({
        server,
        clock,
        client,
        appId,
        async settle(settings) {
          const put = await client.request('PUT', '/v1/settings', settings);
          expect(put.status, put.text).toBe(200);
        },
        async send(to, channel = 'sms') {
          try {
            return (await deps.verifications.start({ id: appId }, { to, channel })).id;
          } catch (error) {
            if (error instanceof OtpdError) return error.code;
            throw error;
          }
        },
        async approve(id, to) {
          await deps.dispatcher.runOnce();
          const [message] = await deps.store.listSandboxMessages(appId, { to: [to], limit: 1 });
          const code = /\b(\d{4,10})\b/.exec(message?.body ?? '')?.[1];
          if (!code) throw new Error(`no code sent to ${to}`);
          const outcome = await deps.verifications.check(appId, id, code);
          expect(outcome.valid).toBe(true);
        },
      });
    } finally {
      await server.close();
      await cleanup();
    }
  }

  const isId = (result: string) => result.startsWith('ver_');

  describe(`SMS-pumping guard on ${backend.name}`, () => {
    it('500 sends to a prefix with no approvals block it; 60% approvals at the same volume do not', () =>
      withServer(async (t) => {
        const pumpedResults: string[] = [];
        for (let i = 0; i < 500; i++) {
          // Interleaved, 3 s apart: 1000 sends within 50 minutes, inside the default hour.
          t.clock.advance(3_000);
          pumpedResults.push(await t.send(pumped(i)));
          const id = await t.send(healthy(i));
          expect(isId(id), `send ${i} to the healthy prefix: ${id}`).toBe(true);
          if (i % 5 < 3) await t.approve(id, healthy(i));
        }
        // The defaults: 30 sends with a conversion under 0.1 block the prefix.
        expect(pumpedResults.slice(0, 30).every(isId)).toBe(true);
        expect(new Set(pumpedResults.slice(30))).toEqual(new Set(['blocked_by_fraud_guard']));

        // Over HTTP: 403 problem+json, no verification created, nothing sent.
        const refused = await t.client.post('/v1/verifications', { to: pumped(9999) });
        expect(refused.status, refused.text).toBe(403);
        expect(refused.headers.get('content-type')).toContain('application/problem+json');
        expect(refused.body).toMatchObject({ status: 403, code: 'blocked_by_fraud_guard' });
        expect(await t.server.deps.store.findLatestVerification(t.appId, pumped(9999))).toBe(
          undefined,
        );
        expect(await t.server.deps.store.findLatestVerification(t.appId, pumped(499))).toBe(
          undefined,
        );

        const list = await t.client.get('/v1/fraud/blocks');
        expect(list.status, list.text).toBe(200);
        expect(list.body.data).toHaveLength(1);
        const [block] = list.body.data;
        expect(block).toMatchObject({
          prefix: '+90555124',
          country: 'TR',
          channel: 'sms',
          action: 'block',
          status: 'active',
          reasons: {
            sends: 30,
            approvals: 0,
            conversion: 0,
            minSends: 30,
            minConversion: 0.1,
            windowSeconds: 3600,
            country: { code: 'TR' },
          },
          liftedAt: null,
        });
        expect(Date.parse(block.expiresAt) - Date.parse(block.createdAt)).toBe(12 * HOUR_MS);
        expect(refused.body.blockId).toBe(block.id);

        // Operators see the decision and every refusal in /metrics.
        const metrics = (await fetch(`${t.server.url}/metrics`).then((r) => r.text()))
          .split('\n')
          .filter((line) => line.startsWith('otpd_fraud_guard_events_total{'));
        expect(metrics.sort()).toEqual([
          'otpd_fraud_guard_events_total{event="block"} 1',
          'otpd_fraud_guard_events_total{event="refused"} 471',
        ]);
      }));

    it('a resend to a blocked prefix is refused too; email is never guarded', () =>
      withServer(async (t) => {
        await t.settle({ fraudGuard: { minSends: 3 } });
        const first = await t.send(pumped(1));
        await t.send(pumped(2));
        await t.send(pumped(3));
        t.clock.advance(60_000);
        const resent = await t.client.post(`/v1/verifications/${first}/resend`);
        expect(resent.status, resent.text).toBe(403);
        expect(resent.body.code).toBe('blocked_by_fraud_guard');
        expect(await t.send(pumped(4), 'whatsapp')).toBe('blocked_by_fraud_guard');
        for (let i = 0; i < 5; i++)
          expect(isId(await t.send(`ada${i}@example.com`, 'email'))).toBe(true);
      }));

    it('monitor mode records the decision and never blocks', () =>
      withServer(async (t) => {
        await t.settle({ fraudGuard: { mode: 'monitor' } });
        for (let i = 0; i < 100; i++) {
          t.clock.advance(1_000);
          expect(isId(await t.send(pumped(i)))).toBe(true);
        }
        const list = await t.client.get('/v1/fraud/blocks');
        expect(list.body.data).toHaveLength(1);
        expect(list.body.data[0]).toMatchObject({
          action: 'monitor',
          status: 'monitor',
          reasons: { sends: 30, approvals: 0 },
        });
      }));

    it('safelisted numbers and prefixes are neither counted nor blocked', () =>
      withServer(async (t) => {
        await t.settle({ fraudGuard: { minSends: 3 }, safelist: ['+90555124'] });
        for (let i = 0; i < 10; i++) expect(isId(await t.send(pumped(i)))).toBe(true);
        expect((await t.client.get('/v1/fraud/blocks?all=true')).body.data).toEqual([]);
        // Taken off the safelist, the range starts from zero: nothing was counted meanwhile.
        await t.settle({ fraudGuard: { minSends: 3 } });
        for (let i = 10; i < 13; i++) expect(isId(await t.send(pumped(i)))).toBe(true);
        expect(await t.send(pumped(13))).toBe('blocked_by_fraud_guard');
      }));

    it('mode off counts and records nothing', () =>
      withServer(async (t) => {
        await t.settle({ fraudGuard: { mode: 'off', minSends: 2 } });
        for (let i = 0; i < 10; i++) expect(isId(await t.send(pumped(i)))).toBe(true);
        const list = await t.client.get('/v1/fraud/blocks?all=true');
        expect(list.body.data).toEqual([]);
      }));

    it('a block expires after blockSeconds', () =>
      withServer(async (t) => {
        await t.settle({ fraudGuard: { minSends: 5, blockSeconds: 600 } });
        for (let i = 0; i < 5; i++) expect(isId(await t.send(pumped(i)))).toBe(true);
        expect(await t.send(pumped(5))).toBe('blocked_by_fraud_guard');
        const refused = await t.client.post('/v1/verifications', { to: pumped(6) });
        expect(refused.headers.get('retry-after')).toBe('600');
        t.clock.advance(599_999);
        expect(await t.send(pumped(7))).toBe('blocked_by_fraud_guard');
        t.clock.advance(1);
        expect(isId(await t.send(pumped(8)))).toBe(true);
        expect((await t.client.get('/v1/fraud/blocks')).body.data).toEqual([]);
        const all = await t.client.get('/v1/fraud/blocks?all=true');
        expect(all.body.data.map((d: { status: string }) => d.status)).toEqual(['expired']);
      }));

    it('DELETE lifts a block; another app gets 404 and is never affected (I5)', () =>
      withServer(async (t) => {
        await t.settle({ fraudGuard: { minSends: 5 } });
        for (let i = 0; i < 5; i++) await t.send(pumped(i));
        expect(await t.send(pumped(5))).toBe('blocked_by_fraud_guard');
        const [block] = (await t.client.get('/v1/fraud/blocks')).body.data;

        const other = await t.server.createApp('Other Shop');
        await other.client.request('PUT', '/v1/settings', { fraudGuard: { minSends: 5 } });
        expect((await other.client.get('/v1/fraud/blocks')).body.data).toEqual([]);
        const foreign = await other.client.request('DELETE', `/v1/fraud/blocks/${block.id}`);
        expect(foreign.status, foreign.text).toBe(404);
        expect(foreign.body.code).toBe('fraud_block_not_found');
        const otherSend = await other.client.post('/v1/verifications', { to: pumped(6) });
        expect(otherSend.status, otherSend.text).toBe(201);
        expect(await t.send(pumped(7))).toBe('blocked_by_fraud_guard');

        const lifted = await t.client.request('DELETE', `/v1/fraud/blocks/${block.id}`);
        expect(lifted.status, lifted.text).toBe(200);
        expect(lifted.body).toMatchObject({ id: block.id, status: 'lifted' });
        expect(lifted.body.liftedAt).not.toBeNull();
        // The range counts afresh: the counts the block acted on do not bring it back.
        for (let i = 10; i < 14; i++) expect(isId(await t.send(pumped(i)))).toBe(true);
        expect((await t.client.get('/v1/fraud/blocks')).body.data).toEqual([]);
        const again = await t.client.request('DELETE', `/v1/fraud/blocks/${block.id}`);
        expect(again.status).toBe(200);
        expect(again.body.liftedAt).toBe(lifted.body.liftedAt);
        // The audit log names the range once: the repeated DELETE changed nothing.
        const audit = (await t.client.get('/v1/audit')).body.data;
        const unblocks = audit.filter((e: { action: string }) => e.action === 'fraud.unblocked');
        expect(unblocks).toEqual([
          expect.objectContaining({
            actor: expect.stringMatching(/^key:/),
            appId: t.appId,
            target: block.id,
            details: { prefix: '+90555124', country: 'TR', channel: 'sms', action: 'block' },
          }),
        ]);
        const missing = await t.client.request('DELETE', '/v1/fraud/blocks/frd_nothing');
        expect(missing.status).toBe(404);
      }));
  });
}
