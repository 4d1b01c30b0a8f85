import { describe, expect, it } from 'vitest';
import { createAppNameCache } from '../app-name-cache.ts';

/** A store of app names that counts its reads; `gate` holds a read until released. */
function namesStore(names: Record<string, string>) {
  const reads: string[] = [];
  let gate: Promise<void> | undefined;
  return {
    reads,
    names,
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
    async read(appId: string) {
      reads.push(appId);
      const name = names[appId];
      if (gate) await gate;
      return name;
    },
  };
}

describe('app name cache', () => {
  it('reads an app once per refresh interval', async () => {
    const store = namesStore({ app_1: 'Shop' });
    const cache = createAppNameCache(1_000, store.read);
    expect(await cache.nameOf('app_1', 0)).toBe('Shop');
    expect(await cache.nameOf('app_1', 999)).toBe('Shop');
    expect(store.reads).toEqual(['app_1']);
    store.names.app_1 = 'Shop Renamed Elsewhere';
    expect(await cache.nameOf('app_1', 1_000)).toBe('Shop Renamed Elsewhere');
    expect(store.reads).toEqual(['app_1', 'app_1']);
  });

  it('reads again at once after forget (a rename made here)', async () => {
    const store = namesStore({ app_1: 'Shop' });
    const cache = createAppNameCache(1_000, store.read);
    await cache.nameOf('app_1', 0);
    store.names.app_1 = 'Bakery';
    cache.forget('app_1');
    expect(await cache.nameOf('app_1', 1)).toBe('Bakery');
  });

  it('does not keep what a read found when a rename came while it was under way', async () => {
    const store = namesStore({ app_1: 'Shop' });
    const cache = createAppNameCache(1_000, store.read);
    const release = store.hold();
    const stale = cache.nameOf('app_1', 0);
    store.names.app_1 = 'Bakery';
    cache.forget('app_1');
    release();
    expect(await stale).toBe('Shop');
    expect(await cache.nameOf('app_1', 1)).toBe('Bakery');
    expect(store.reads).toHaveLength(2);
  });

  it('never remembers an app it did not find, nor anything with an interval of 0', async () => {
    const store = namesStore({ app_1: 'Shop' });
    const unknown = createAppNameCache(1_000, store.read);
    expect(await unknown.nameOf('app_x', 0)).toBeUndefined();
    expect(await unknown.nameOf('app_x', 1)).toBeUndefined();
    const uncached = createAppNameCache(0, store.read);
    await uncached.nameOf('app_1', 0);
    await uncached.nameOf('app_1', 0);
    expect(store.reads).toEqual(['app_x', 'app_x', 'app_1', 'app_1']);
  });
});
