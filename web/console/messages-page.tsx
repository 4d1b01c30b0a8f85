import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type Api,
  ApiProblem,
  type ConsoleMessage,
  type MessageDetail,
  messagesExportUrl,
} from './api.ts';
import type { Phrase, Words } from './catalogue.ts';
import { MessageDetailView } from './message-detail.tsx';
import { MessageFilterForm } from './message-filter-form.tsx';

/** The message log of the admin's apps: filters, a page of results at a time, exports. */
export function MessagesPage(props: { api: Api; words: Words; onProblem(problem: unknown): void }) {
  const { api, words, onProblem } = props;
  const [filter, setFilter] = useState(new URLSearchParams());
  const [messages, setMessages] = useState<ConsoleMessage[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [detail, setDetail] = useState<MessageDetail | null>(null);
  const opener = useRef<string | null>(null);
  const [error, setError] = useState<Phrase | null>(null);

  // An ended session goes back to sign-in (onProblem); anything else is said on the page.
  const refused = (problem: unknown) => {
    onProblem(problem);
    const forbidden = problem instanceof ApiProblem && problem.status === 403;
    setError(forbidden ? 'messagesForbidden' : 'failed');
  };

  async function load(next: URLSearchParams, from?: string) {
    try {
      const page = await api.messages(next, from);
      setMessages((before) => [...(from ? (before ?? []) : []), ...page.data]);
      setCursor(page.nextCursor);
      setError(null);
    } catch (problem) {
      refused(problem);
    }
  }
  useEffect(() => {
    void load(filter);
  }, []);

  async function open(id: string) {
    try {
      opener.current = id;
      setDetail(await api.message(id));
    } catch (problem) {
      refused(problem);
    }
  }

  // Back from a message, the focus returns to the row's button that opened it.
  useEffect(() => {
    if (detail === null && opener.current) {
      document.getElementById(`open-${opener.current}`)?.focus();
    }
  }, [detail]);

  const time = new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{words.say('messages')}</h1>
      <MessageFilterForm
        words={words}
        onSearch={(next) => {
          setFilter(next);
          setDetail(null);
          opener.current = null;
          void load(next);
        }}
      />
      <p class="exports">
        <a href={messagesExportUrl('csv', filter)} download="messages.csv">
          {words.say('exportCsv')}
        </a>
        <a href={messagesExportUrl('ndjson', filter)} download="messages.ndjson">
          {words.say('exportNdjson')}
        </a>
      </p>
      {error && (
        <p class="error" role="alert">
          {words.say(error)}
        </p>
      )}
      {detail ? (
        <MessageDetailView
          words={words}
          detail={detail}
          time={time}
          onClose={() => setDetail(null)}
        />
      ) : messages === null ? (
        !error && <p>{words.say('loading')}</p>
      ) : messages.length === 0 ? (
        <p>{words.say('messagesEmpty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        <section class="table-scroll" aria-label={words.say('messagesResults')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{words.say('when')}</th>
                <th scope="col">{words.say('app')}</th>
                <th scope="col">{words.say('destination')}</th>
                <th scope="col">{words.say('channel')}</th>
                <th scope="col">{words.say('provider')}</th>
                <th scope="col">{words.say('status')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>
                    <time dateTime={message.createdAt}>
                      {time.format(new Date(message.createdAt))}
                    </time>
                  </td>
                  <td>{message.appId}</td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      id={`open-${message.id}`}
                      aria-label={words.say('showMessage', { to: message.to })}
                      onClick={() => open(message.id)}
                    >
                      {message.to}
                    </button>
                  </td>
                  <td>{message.channel}</td>
                  <td>{message.provider}</td>
                  <td>{message.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {cursor && !detail && (
        <button type="button" class="secondary" onClick={() => load(filter, cursor)}>
          {words.say('nextPage')}
        </button>
      )}
    </section>
  );
}
