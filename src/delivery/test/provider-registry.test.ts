import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { vaultProvider } from '../../../test/helpers/vault-provider.ts';
import { noConversationInbox } from '../../messenger/conversation-inbox.ts';
import { createAddressPolicy } from '../../outbound/address-policy.ts';
import { consoleProvider } from '../adapters/console-provider.ts';
import { httpProvider } from '../adapters/http-provider.ts';
import {
  type AnyProviderPlugin,
  createProviderRegistry,
  PROVIDER_PLUGINS,
  type ProviderDeps,
} from '../adapters/provider-registry.ts';

const deps: ProviderDeps = {
  sandbox: { insertSandboxMessage: async () => {} },
  clock: { now: () => 0 },
  outbound: {
    request: async () => {
      throw new Error('no outbound request in this test');
    },
  },
  addressPolicy: createAddressPolicy([]),
  conversations: noConversationInbox,
};

describe('provider registry', () => {
  it('answers whether an entry makes its code once per entry, not once per start', () => {
    let asked = 0;
    const maker = {
      ...consoleProvider,
      metadata: { ...consoleProvider.metadata, type: 'maker' },
      generatesCode: () => {
        asked += 1;
        return true;
      },
    } as unknown as AnyProviderPlugin;
    const registry = createProviderRegistry([consoleProvider, maker], deps);
    const entry = { type: 'maker' };
    expect(registry.generatesCode(entry)).toBe(true);
    expect(registry.generatesCode(entry)).toBe(true);
    expect(asked).toBe(1);
    // Another entry (the settings of another revision) is asked again.
    expect(registry.generatesCode({ type: 'maker' })).toBe(true);
    expect(asked).toBe(2);
    expect(registry.generatesCode({ type: 'console' })).toBe(false);
  });

  it('lists the console provider, which delivers every channel', () => {
    const registry = createProviderRegistry(PROVIDER_PLUGINS, deps);
    expect(registry.types).toContain('console');
    for (const channel of ['sms', 'whatsapp', 'email', 'messenger']) {
      expect(registry.supports('console', channel)).toBe(true);
    }
    expect(registry.supports('nope', 'sms')).toBe(false);
    expect(registry.create({ type: 'console' }).name).toBe('console');
  });

  it("validates an entry with its plug-in's own schema, `type` added", () => {
    const registry = createProviderRegistry([consoleProvider, vaultProvider], deps);
    expect(registry.entrySchema.safeParse({ type: 'console' }).success).toBe(true);
    expect(registry.entrySchema.safeParse({ type: 'console', extra: 1 }).success).toBe(false);
    const unknown = registry.entrySchema.safeParse({ type: 'pigeon' });
    expect(unknown.error?.issues[0]?.message).toBe('unknown provider type; one of console, vault');
    expect(registry.secretFieldsOf('vault')).toEqual(['authToken', 'vars.*']);
    expect(registry.secretFieldsOf('console')).toEqual([]);
    expect(registry.supports('vault', 'email')).toBe(false);
  });

  it('takes the http plug-in as it is: refinements kept, secret fields declared', () => {
    const registry = createProviderRegistry(
      [consoleProvider, httpProvider as unknown as AnyProviderPlugin],
      deps,
    );
    const entry = {
      type: 'http',
      name: 'gw-a',
      request: { url: 'https://gw.example/send?key={{apiKey}}', body: { to: '{{to}}' } },
      vars: { apiKey: 'k' },
    };
    expect(registry.entrySchema.safeParse(entry).success).toBe(true);
    const bad = registry.entrySchema.safeParse({ ...entry, vars: {} });
    expect(bad.error?.issues.map((i) => i.message)).toContain('unknown placeholder {{apiKey}}');
    expect(registry.secretFieldsOf('http').length).toBeGreaterThan(0);
  });

  it('refuses two plug-ins of one type and a config schema that is not a zod object', () => {
    expect(() => createProviderRegistry([consoleProvider, consoleProvider], deps)).toThrow(
      /share the type "console"/,
    );
    const odd: AnyProviderPlugin = { ...consoleProvider, configSchema: z.string() };
    expect(() => createProviderRegistry([odd], deps)).toThrow(/must be a zod object/);
  });
});
