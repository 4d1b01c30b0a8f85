import type { AuditEntry } from './api.ts';
import type { Words } from './catalogue.ts';

/** One changed settings value as the server lists it (secrets come masked). */
interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
  secret?: boolean;
}

const isChange = (value: unknown): value is Change =>
  typeof value === 'object' && value !== null && typeof (value as Change).path === 'string';

/** A value as one short line: absent as a dash, text as itself, the rest as JSON. */
const shown = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * What an entry recorded beyond who, what and where: each settings change as
 * "path: before → after" (a secret's masks marked as such), other facts as "name: value".
 */
export function AuditDetails(props: { entry: AuditEntry; words: Words }) {
  const { entry, words } = props;
  const { changes, ...facts } = entry.details;
  const changed = Array.isArray(changes) ? changes.filter(isChange) : [];
  const named = Object.entries(facts);
  if (changed.length === 0 && named.length === 0) return <>—</>;
  return (
    <ul class="audit-details">
      {named.map(([name, value]) => (
        <li key={name}>
          {name}: {shown(value)}
        </li>
      ))}
      {changed.map((change) => (
        <li key={change.path}>
          <code>{change.path}</code>: {shown(change.before)} → {shown(change.after)}
          {change.secret ? ` (${words.say('auditSecret')})` : ''}
        </li>
      ))}
    </ul>
  );
}
