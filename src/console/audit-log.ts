import type { Clock } from '../kernel/clock.ts';
import { newId } from '../kernel/ids.ts';
import { type ChainBreak, checkLink, entryHash, GENESIS_HASH } from './audit-chain.ts';
import type { AuditEntry, ConsoleStore } from './console-store.ts';

/** What other code records: who did what, to which app and thing, with what details. */
export interface AuditRecord {
  /** `admin:<email>`, `key:<keyId>`, `cli` or `system`. */
  actor: string;
  /** e.g. `settings.replaced`, `key.created`, `key.revoked`, `fraud.unblocked`, `messages.exported`. */
  action: string;
  appId?: string;
  target?: string;
  /** Never secrets: settings diffs go through `maskedSettingsDiff` (domain/settings-diff.ts) first. */
  details?: Record<string, unknown>;
}

export type AuditVerdict =
  | { ok: true; entries: number }
  | ({ ok: false; entries: number } & ChainBreak);

const SCAN_BATCH = 500;

/**
 * The append-only audit log, hash-chained: each entry holds the SHA-256 of the previous
 * entry's hash and its own canonical content, so an edited, reordered or deleted entry
 * breaks the chain at that place (`verify`). Removing the newest entries leaves a shorter
 * valid chain: keep a copy of the newest hash elsewhere to detect that.
 */
export function createAuditLog(deps: {
  store: Pick<ConsoleStore, 'appendAudit' | 'listAudit' | 'scanAudit'>;
  clock: Clock;
}) {
  const { store, clock } = deps;
  return {
    record(record: AuditRecord): Promise<AuditEntry> {
      const at = clock.now();
      const id = newId('aud', at);
      return store.appendAudit((previous) => {
        const entry = {
          seq: (previous?.seq ?? 0) + 1,
          id,
          at,
          actor: record.actor,
          action: record.action,
          appId: record.appId ?? null,
          target: record.target ?? null,
          details: record.details ?? {},
          prevHash: previous?.hash ?? GENESIS_HASH,
        };
        return { ...entry, hash: entryHash(entry) };
      });
    },

    list: store.listAudit,

    /** Walks the whole chain; the first broken entry, or OK with the number of entries. */
    async verify(): Promise<AuditVerdict> {
      let previous: AuditEntry | undefined;
      let count = 0;
      for (;;) {
        const batch = await store.scanAudit(previous?.seq ?? 0, SCAN_BATCH);
        for (const entry of batch) {
          const broken = checkLink(previous, entry);
          if (broken) return { ok: false, entries: count, ...broken };
          previous = entry;
          count++;
        }
        if (batch.length < SCAN_BATCH) return { ok: true, entries: count };
      }
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
