import { adminView } from '../admins.ts';
import type { AuditEntry, AuditPage } from '../console-store.ts';

export { adminView };

export function auditEntryView(entry: AuditEntry) {
  return {
    seq: entry.seq,
    id: entry.id,
    at: new Date(entry.at).toISOString(),
    actor: entry.actor,
    action: entry.action,
    appId: entry.appId,
    target: entry.target,
    details: entry.details,
    hash: entry.hash,
  };
}

export function auditListView(page: AuditPage) {
  return {
    data: page.entries.map(auditEntryView),
    nextCursor: page.next === null ? null : String(page.next),
  };
}
