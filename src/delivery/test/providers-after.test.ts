import { describe, expect, it } from 'vitest';
import { providersAfter } from '../dispatcher.ts';
import type { Provider } from '../provider-ports.ts';

const named = (name: string): Provider => ({
  name,
  send: async () => ({ providerMessageId: null }),
});

describe("a failover job's providers", () => {
  const list = ['gw-a', 'gw-b', 'gw-c'].map(named);
  const names = (providers: Provider[]) => providers.map((p) => p.name);

  it('are all of them, in order, for an ordinary job', () => {
    expect(names(providersAfter(list, null))).toEqual(['gw-a', 'gw-b', 'gw-c']);
  });

  it('start after the provider that failed to deliver', () => {
    expect(names(providersAfter(list, 'gw-a'))).toEqual(['gw-b', 'gw-c']);
    expect(names(providersAfter(list, 'gw-c'))).toEqual([]);
  });

  it('are all of them again when the settings no longer name it', () => {
    expect(names(providersAfter(list, 'gw-gone'))).toEqual(['gw-a', 'gw-b', 'gw-c']);
  });
});
