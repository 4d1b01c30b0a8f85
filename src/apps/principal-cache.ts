import type { AppRecord } from '../ports/store.ts';
import type { ApiScope } from './domain/api-scopes.ts';

/** Who a request with an active API key acts as. */
export interface Principal {
  app: AppRecord;
  keyId: string;
  /** What the presented key may do. */
  scopes: readonly ApiScope[];
}

/** Keys remembered at most; past it the oldest goes first. */
const MAX_KEYS = 10_000;

/**
 * The principals of API keys found active, by key hash, each trusted for `refreshMs` after it
 * was read: a request with a known key then costs no store read. An unknown or revoked key is
 * never remembered, so a guessed key is looked up every time, as before.
 */
export function createPrincipalCache(refreshMs: number) {
  const entries = new Map<string, { principal: Principal; readAt: number }>();
  /** Bumped by each local revocation or rename, so a read that started before it is not kept. */
  let generation = 0;

  return {
    get(keyHash: string, now: number): Principal | undefined {
      const entry = entries.get(keyHash);
      if (!entry) return undefined;
      if (now - entry.readAt < refreshMs) return entry.principal;
      entries.delete(keyHash);
      return undefined;
    },
    generation: () => generation,
    /** Keeps what a read that began at `readGeneration` found, unless something changed since. */
    set(keyHash: string, principal: Principal, now: number, readGeneration: number): void {
      if (refreshMs <= 0 || readGeneration !== generation) return;
      if (entries.size >= MAX_KEYS) entries.delete(entries.keys().next().value as string);
      entries.set(keyHash, { principal, readAt: now });
    },
    /** Drops every principal `matches` picks: its key was revoked or its app renamed here. */
    forget(matches: (principal: Principal) => boolean): void {
      generation += 1;
      for (const [keyHash, { principal }] of entries) {
        if (matches(principal)) entries.delete(keyHash);
      }
    },
  };
}
