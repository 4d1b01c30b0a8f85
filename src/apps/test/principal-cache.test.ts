import { describe, expect, it } from 'vitest';
import { createPrincipalCache, type Principal } from '../principal-cache.ts';

const principal = (keyId: string, appId: string): Principal => ({
  app: { id: appId, name: 'Shop', createdAt: 0, dialects: {} as Principal['app']['dialects'] },
  keyId,
  scopes: ['verifications'],
});

describe('principal cache', () => {
  it('keeps a principal for the refresh interval, then asks again', () => {
    const cache = createPrincipalCache(1_000);
    cache.set('h1', principal('key_1', 'app_1'), 0, cache.generation());
    expect(cache.get('h1', 999)?.keyId).toBe('key_1');
    expect(cache.get('h1', 1_000)).toBeUndefined();
    expect(cache.get('h1', 0)).toBeUndefined();
  });

  it('forgets what a local revocation or rename picks, and nothing else', () => {
    const cache = createPrincipalCache(1_000);
    cache.set('h1', principal('key_1', 'app_1'), 0, cache.generation());
    cache.set('h2', principal('key_2', 'app_1'), 0, cache.generation());
    cache.set('h3', principal('key_3', 'app_2'), 0, cache.generation());
    cache.forget((p) => p.keyId === 'key_1');
    expect(cache.get('h1', 1)).toBeUndefined();
    expect(cache.get('h2', 1)?.keyId).toBe('key_2');
    cache.forget((p) => p.app.id === 'app_1');
    expect(cache.get('h2', 1)).toBeUndefined();
    expect(cache.get('h3', 1)?.keyId).toBe('key_3');
  });

  it('does not keep what a read found when a revocation came while it was under way', () => {
    const cache = createPrincipalCache(1_000);
    const readStarted = cache.generation();
    cache.forget((p) => p.keyId === 'key_1');
    cache.set('h1', principal('key_1', 'app_1'), 0, readStarted);
    expect(cache.get('h1', 1)).toBeUndefined();
  });

  it('keeps nothing with an interval of 0', () => {
    const cache = createPrincipalCache(0);
    cache.set('h1', principal('key_1', 'app_1'), 0, cache.generation());
    expect(cache.get('h1', 0)).toBeUndefined();
  });
});
