import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeGateway } from '../../../test/helpers/fake-gateway.ts';
import type { TestServer } from '../../../test/helpers/harness.ts';
import {
  type Destinations,
  httpGateway,
  KEY,
  MOVED,
  movedFields,
  received,
  startDestinations,
  VAR_KEY,
} from './secrets-destination-fixture.ts';

describe('stored secrets do not follow a changed destination: http gateways', () => {
  let destinations: Destinations;
  let server: TestServer;
  let gateway: FakeGateway;
  let moved: FakeGateway;
  let attacker: FakeGateway;
  let appWith: Destinations['appWith'];

  beforeAll(async () => {
    destinations = await startDestinations();
    ({ server, gateway, moved, attacker, appWith } = destinations);
  });
  afterAll(() => destinations.close());

  it('never sends a stored gateway key to a URL changed with the masked key sent back', async () => {
    const { client, shown } = await appWith('Led Away', {
      channels: { sms: { providers: [httpGateway('gw', gateway.url)] } },
    });
    shown.channels.sms.providers[0].request.url = `${attacker.url}/steal`;
    const put = await client.request('PUT', '/v1/settings', shown);
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260001' });
    await client.post('/v1/verifications', { to: '+905551260002' });
    for (let i = 0; i < 100 && gateway.requests.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(received(attacker)).not.toContain(KEY.slice(7));
    expect(received(attacker)).not.toContain(VAR_KEY);
    expect(attacker.requests).toEqual([]);
    expect(put.status).toBe(400);
    expect(put.headers.get('content-type')).toContain('application/problem+json');
    expect(put.body.code).toBe('validation_failed');
    expect(movedFields(put.body)).toEqual([
      'body.channels.sms.providers.0.request.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
    ]);
    expect(put.body.detail).toContain(MOVED);
    expect(gateway.requests.at(-1)?.headers.authorization).toBe(KEY);
  });

  it('sends a secret re-entered with the new URL there, and refuses one left masked', async () => {
    const { client, appId, shown } = await appWith('Moving Shop', {
      channels: { sms: { providers: [httpGateway('gw', gateway.url)] } },
    });
    const entry = shown.channels.sms.providers[0];
    entry.request.url = `${moved.url}/send`;
    entry.request.headers.Authorization = 'Bearer moved-new-key-6c2f0d1e9b';
    const half = await client.request('PUT', '/v1/settings', shown);
    expect(half.status).toBe(400);
    expect(movedFields(half.body)).toEqual(['body.channels.sms.providers.0.vars.apiKey']);

    entry.vars.apiKey = 'moved-new-var-0e4b7a';
    const put = await client.request('PUT', '/v1/settings', shown);
    expect(put.status, put.text).toBe(200);
    const tried = await client.post('/v1/settings/test-send', {
      channel: 'sms',
      to: '+905551260003',
    });
    expect(tried.body.attempts).toMatchObject([{ provider: 'gw', ok: true }]);
    const sent = moved.requests.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer moved-new-key-6c2f0d1e9b');
    expect(JSON.parse(sent?.body ?? '{}').key).toBe('moved-new-var-0e4b7a');
    const stored = (await server.deps.settings.get(appId)).channels.sms.providers[0];
    expect(JSON.stringify(stored)).not.toContain(KEY);
  });

  it('keeps masked secrets when their destination stays, the providers reordered and edited', async () => {
    const { client, appId, shown } = await appWith('Steady Shop', {
      channels: {
        sms: { providers: [httpGateway('gw', gateway.url), httpGateway('other', moved.url)] },
      },
    });
    const [gw, other] = shown.channels.sms.providers;
    gw.timeoutMs = 9_000;
    gw.request.body.text = 'Code {{message}}';
    shown.channels.sms.providers = [other, gw];
    const put = await client.request('PUT', '/v1/settings', shown);
    expect(put.status, put.text).toBe(200);
    const stored = (await server.deps.settings.get(appId)).channels.sms.providers as any[];
    expect(stored.map((p) => [p.name, p.request.headers.Authorization, p.vars.apiKey])).toEqual([
      ['other', KEY, VAR_KEY],
      ['gw', KEY, VAR_KEY],
    ]);
    const before = gateway.requests.length;
    await client.request('PUT', '/v1/settings', {
      ...shown,
      channels: { sms: { providers: [shown.channels.sms.providers[1]] } },
    });
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260004' });
    expect(gateway.requests[before]?.headers.authorization).toBe(KEY);
  });

  it('never lets a var the URL is built from, or a Host header, move a masked key', async () => {
    const entry = {
      ...httpGateway('gw', 'http://{{gatewayHost}}'),
      vars: { apiKey: VAR_KEY, gatewayHost: new URL(gateway.url).host },
    };
    const { client, shown } = await appWith('Templated Shop', {
      channels: { sms: { providers: [entry] } },
    });
    const byVar = structuredClone(shown);
    byVar.channels.sms.providers[0].vars.gatewayHost = new URL(attacker.url).host;
    const put = await client.request('PUT', '/v1/settings', byVar);
    expect(put.status).toBe(400);
    expect(movedFields(put.body)).toEqual([
      'body.channels.sms.providers.0.request.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
    ]);
    const byHost = structuredClone(shown);
    byHost.channels.sms.providers[0].request.headers.Host = 'attacker.example';
    const host = await client.request('PUT', '/v1/settings', byHost);
    expect(host.status).toBe(400);
    expect(movedFields(host.body)).toContain(
      'body.channels.sms.providers.0.request.headers.Authorization',
    );
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260005' });
    expect(received(attacker)).not.toContain(KEY.slice(7));
  });

  it('never carries a masked key to a provider of another URL by swapping names', async () => {
    // Two keys with the same last four characters: their masks are the same.
    const otherKey = 'Bearer other-stored-key-8f2a1b07c3';
    const { client, appId, shown } = await appWith('Swapped Shop', {
      channels: {
        sms: {
          providers: [httpGateway('gw', gateway.url), httpGateway('other', moved.url, otherKey)],
        },
      },
    });
    const [gw, other] = shown.channels.sms.providers;
    expect(gw.request.headers.Authorization).toBe(other.request.headers.Authorization);
    // Each name now points where the other one's key went.
    const swapped = structuredClone(shown);
    swapped.channels.sms.providers = [
      { ...structuredClone(gw), name: 'other' },
      { ...structuredClone(other), name: 'gw' },
    ];
    const before = gateway.requests.length;
    const swap = await client.request('PUT', '/v1/settings', swapped);
    await client.post('/v1/settings/test-send', { channel: 'sms', to: '+905551260006' });
    expect(gateway.requests[before]?.headers.authorization).toBe(KEY);
    expect(swap.status).toBe(400);
    expect(movedFields(swap.body)).toEqual([
      'body.channels.sms.providers.0.request.headers.Authorization',
      'body.channels.sms.providers.0.vars.apiKey',
      'body.channels.sms.providers.1.request.headers.Authorization',
      'body.channels.sms.providers.1.vars.apiKey',
    ]);
    const stored = (await server.deps.settings.get(appId)).channels.sms.providers as any[];
    expect(stored.map((p) => p.request.headers.Authorization)).toEqual([KEY, otherKey]);
  });

  it('refuses a masked key in a new provider or one moved to another channel', async () => {
    const { client, shown } = await appWith('Copied Shop', {
      channels: { sms: { providers: [httpGateway('gw', gateway.url)] } },
    });
    const [gw] = shown.channels.sms.providers;
    const added = structuredClone(shown);
    added.channels.sms.providers.push({ ...structuredClone(gw), name: 'copy' });
    added.channels.whatsapp = { providers: [structuredClone(gw)] };
    const add = await client.request('PUT', '/v1/settings', added);
    expect(add.status).toBe(400);
    const fields = add.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual([
      'body.channels.sms.providers.1.request.headers.Authorization',
      'body.channels.sms.providers.1.vars.apiKey',
      'body.channels.whatsapp.providers.0.request.headers.Authorization',
      'body.channels.whatsapp.providers.0.vars.apiKey',
    ]);
  });
});
