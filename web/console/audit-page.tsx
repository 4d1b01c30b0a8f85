import { useEffect, useState } from 'preact/hooks';
import type { Api, AuditEntry } from './api.ts';
import { AuditDetails } from './audit-details.tsx';
import type { Words } from './catalogue.ts';

/** The audit log, newest first, a page at a time. */
export function AuditPage(props: { api: Api; words: Words; onProblem(problem: unknown): void }) {
  const { api, words, onProblem } = props;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);

  async function load(from?: string) {
    try {
      const page = await api.audit(from);
      setEntries((before) => [...(from ? (before ?? []) : []), ...page.data]);
      setCursor(page.nextCursor);
    } catch (problem) {
      onProblem(problem);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  const time = new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{words.say('audit')}</h1>
      {entries === null ? (
        <p>{words.say('loading')}</p>
      ) : entries.length === 0 ? (
        <p>{words.say('auditEmpty')}</p>
      ) : (
        // On a narrow screen the table scrolls sideways: reachable and named for keyboards.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        <section class="table-scroll audit-log" aria-label={words.say('audit')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{words.say('when')}</th>
                <th scope="col">{words.say('actor')}</th>
                <th scope="col">{words.say('action')}</th>
                <th scope="col">{words.say('app')}</th>
                <th scope="col">{words.say('target')}</th>
                <th scope="col">{words.say('auditDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
                  </td>
                  <td>{entry.actor}</td>
                  <td>{entry.action}</td>
                  <td>{entry.appId ?? '—'}</td>
                  <td>{entry.target ?? '—'}</td>
                  <td>
                    <AuditDetails entry={entry} words={words} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {cursor && (
        <button type="button" class="secondary" onClick={() => load(cursor)}>
          {words.say('olderEntries')}
        </button>
      )}
    </section>
  );
}
