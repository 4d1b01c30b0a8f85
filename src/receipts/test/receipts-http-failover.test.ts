import { describe, expect, it } from 'vitest';
import {
  backends,
  gatewayEntry,
  type ReceiptsWorld,
  until,
  useReceiptsWorld,
} from './receipts-http-fixture.ts';

describe.each(backends)('delivery receipts from http gateways: failover on $name', (backend) => {
  let primary: ReceiptsWorld['primary'];
  let secondary: ReceiptsWorld['secondary'];
  const { appWith, twoGateways, requestsTo, sent, receipt } = useReceiptsWorld(
    backend,
    (world) => ({ primary, secondary } = world),
  );

  it('fails over on undelivered: a new code arrives at the next gateway, the old one stops working', async () => {
    const { appId, client } = await appWith(twoGateways(true));
    const to = '+905551310003';
    const first = await sent(client, to, primary);
    const answer = await receipt(appId, 'gw-a', {
      msgid: first.pmid,
      stat: 'UNDELIV',
      err: 'E7',
    });
    expect(answer.body).toEqual({ outcome: 'applied' });

    const request = await until(() => requestsTo(secondary, to)[0], 'failover to gw-b');
    const code: string = JSON.parse(request.body).otp;
    expect(code).toMatch(/^\d{6}$/);
    const read = await until(async () => {
      const { body } = await client.get(`/v1/verifications/${first.id}`);
      return body.delivery.status === 'sent' ? body : undefined;
    }, 'delivered by gw-b');
    expect(read).toMatchObject({ sends: 2, delivery: { provider: 'gw-b' } });

    // A second word from gw-a on the same message sends nothing more.
    const again = await receipt(appId, 'gw-a', { msgid: first.pmid, stat: 'REJECTD' });
    expect(again.body).toEqual({ outcome: 'unchanged' });
    expect((await client.get(`/v1/verifications/${first.id}`)).body.sends).toBe(2);

    if (first.code !== code) {
      const old = await client.post(`/v1/verifications/${first.id}/check`, { code: first.code });
      expect(old.body).toMatchObject({ valid: false, status: 'pending' });
    }
    const fresh = await client.post(`/v1/verifications/${first.id}/check`, { code });
    expect(fresh.body).toMatchObject({ valid: true, status: 'approved' });

    const messages = (await client.get(`/v1/verifications/${first.id}/messages`)).body.data;
    expect(
      messages.map((m: { provider: string; status: string }) => [m.provider, m.status]),
    ).toEqual([
      ['gw-a', 'undelivered'],
      ['gw-b', 'sent'],
    ]);
    expect(requestsTo(primary, to)).toHaveLength(1);
  });

  it('sends nothing again without failoverOnUndelivered, or after the last gateway', async () => {
    const { appId, client } = await appWith(twoGateways(false));
    const to = '+905551310004';
    const first = await sent(client, to, primary);
    expect((await receipt(appId, 'gw-a', { msgid: first.pmid, stat: 'UNDELIV' })).body).toEqual({
      outcome: 'applied',
    });
    const { body } = await client.get(`/v1/verifications/${first.id}`);
    expect(body).toMatchObject({
      sends: 1,
      delivery: { status: 'undelivered', provider: 'gw-a' },
    });
    expect(requestsTo(secondary, to)).toHaveLength(0);

    const onlyB = await appWith({
      channels: {
        sms: {
          providers: [gatewayEntry('gw-b', secondary.url)],
          failoverOnUndelivered: true,
        },
      },
    });
    const last = await sent(onlyB.client, '+905551310005', secondary);
    await receipt(onlyB.appId, 'gw-b', { msgid: last.pmid, stat: 'UNDELIV' });
    expect((await onlyB.client.get(`/v1/verifications/${last.id}`)).body.sends).toBe(1);

    // A failover code is a send: a verification whose sends are spent gets none.
    const spent = await appWith({ ...twoGateways(true), verification: { maxSends: 1 } });
    const once = await sent(spent.client, '+905551310006', primary);
    await receipt(spent.appId, 'gw-a', { msgid: once.pmid, stat: 'UNDELIV' });
    const read = await spent.client.get(`/v1/verifications/${once.id}`);
    expect(read.body).toMatchObject({ sends: 1, delivery: { status: 'undelivered' } });
    expect(requestsTo(secondary, '+905551310006')).toHaveLength(0);
  });
});
