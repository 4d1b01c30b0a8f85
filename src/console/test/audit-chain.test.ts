import { describe, expect, it } from 'vitest';
import { canonicalJson, checkLink, entryHash, GENESIS_HASH } from '../audit-chain.ts';

const entry = (seq: number, prevHash: string, action = 'console.login') => {
  const content = {
    seq,
    id: `aud_${seq}`,
    at: 1_700_000_000_000 + seq,
    actor: 'admin:ada@example.com',
    action,
    appId: null,
    target: null,
    details: { b: 1, a: [2, { d: 3, c: 4 }] },
    prevHash,
  };
  return { ...content, hash: entryHash(content) };
};

describe('the audit hash chain', () => {
  it('writes one canonical text for one content, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,2]},"b":1}',
    );
    expect(canonicalJson({ a: 1, skipped: undefined })).toBe('{"a":1}');
  });

  it('links each entry to the hash before it', () => {
    const first = entry(1, GENESIS_HASH);
    const second = entry(2, first.hash);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkLink(undefined, first)).toBeUndefined();
    expect(checkLink(first, second)).toBeUndefined();
  });

  it('finds an edited, a reordered and a missing entry', () => {
    const first = entry(1, GENESIS_HASH);
    const second = entry(2, first.hash);
    const third = entry(3, second.hash);
    expect(checkLink(first, { ...second, action: 'console.logout' })).toEqual({
      seq: 2,
      reason: 'content_altered',
    });
    expect(checkLink(first, third)).toEqual({ seq: 2, reason: 'missing_entry' });
    const forged = entry(2, 'f'.repeat(64));
    expect(checkLink(first, forged)).toEqual({ seq: 2, reason: 'previous_hash_mismatch' });
  });
});
