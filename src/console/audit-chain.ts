import { createHash } from 'node:crypto';
import type { AuditEntry } from './console-store.ts';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: one text for one content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 (hex) of the previous entry's hash and this entry's canonical content. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { prevHash, ...content } = entry;
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

export type ChainBreak = {
  seq: number;
  reason: 'missing_entry' | 'previous_hash_mismatch' | 'content_altered';
};

/**
 * The first place the chain is broken, checking `entry` after `previous` (undefined for the
 * first entry): a gap in `seq` (a deleted entry), a `prevHash` that is not the previous
 * entry's hash, or a hash that does not match the entry's content (an edited entry).
 */
export function checkLink(
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  entry: AuditEntry,
): ChainBreak | undefined {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (entry.seq !== expectedSeq) return { seq: expectedSeq, reason: 'missing_entry' };
  if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return { seq: entry.seq, reason: 'previous_hash_mismatch' };
  }
  const { hash, ...rest } = entry;
  if (entryHash(rest) !== hash) return { seq: entry.seq, reason: 'content_altered' };
  return undefined;
}
