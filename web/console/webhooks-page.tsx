import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiProblem } from './api.ts';
import { AppFilter, queryOf } from './app-filter.tsx';
import type { Phrase } from './catalogue.ts';
import type { PageProps } from './page-props.ts';
import { lastAnswer, WebhookDetailView } from './webhook-detail.tsx';
import {
  DELIVERY_EVENTS,
  DELIVERY_STATUSES,
  type WebhookDelivery,
  webhooksApi,
} from './webhooks-api.ts';
import { whenFormat } from './when.tsx';

/** A day picked in the form, as the instant the API expects: the start of that local day. */
const startOfDay = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

/** The form's fields as the API's filter, `until` made inclusive (before the next day). */
function filterOf(form: HTMLFormElement): URLSearchParams {
  const filter = queryOf(form);
  const from = filter.get('from');
  const until = filter.get('until');
  if (from) filter.set('from', startOfDay(from));
  if (until) filter.set('until', startOfDay(until, 1));
  return filter;
}

function DeliveryFilterForm(props: PageProps & { onSearch(filter: URLSearchParams): void }) {
  const { words } = props;
  const choice = (name: string, label: Phrase, options: readonly string[], say?: boolean) => (
    <div class="field">
      <label for={`webhook-${name}`}>{words.say(label)}</label>
      <select id={`webhook-${name}`} name={name}>
        <option value="">{words.say('anyValue')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {say ? words.say(`webhookStatus_${option as WebhookDelivery['status']}`) : option}
          </option>
        ))}
      </select>
    </div>
  );
  const date = (name: string, label: Phrase) => (
    <div class="field">
      <label for={`webhook-${name}`}>{words.say(label)}</label>
      <input id={`webhook-${name}`} name={name} type="date" />
    </div>
  );
  return (
    <form
      class="filters"
      aria-label={words.say('webhooksFilter')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(filterOf(event.currentTarget));
      }}
    >
      <AppFilter id="webhook-app" words={words} api={props.api} all="webhookAllApps" />
      {choice('status', 'status', DELIVERY_STATUSES, true)}
      {choice('eventType', 'webhookEvent', DELIVERY_EVENTS)}
      {date('from', 'fromDate')}
      {date('until', 'untilDate')}
      <div class="field actions">
        <button type="submit">{words.say('search')}</button>
      </div>
    </form>
  );
}

/** The webhook deliveries of the admin's apps: filters, pages, one delivery with a retry. */
export function WebhooksPage(props: PageProps) {
  const { words, onProblem } = props;
  const api = useMemo(() => webhooksApi(props.api), [props.api]);
  const [filter, setFilter] = useState(new URLSearchParams());
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const opener = useRef<string | null>(null);
  const [error, setError] = useState<Phrase | null>(null);

  const refused = (problem: unknown) => {
    onProblem(problem);
    const code = problem instanceof ApiProblem ? problem.code : '';
    if (code === 'console_role_forbidden') setError('webhooksForbidden');
    else if (code === 'console_app_not_found') setError('webhookNoApp');
    else setError('failed');
  };

  async function load(next: URLSearchParams, from?: string) {
    try {
      const page = await api.deliveries(next, from);
      setDeliveries((before) => [...(from ? (before ?? []) : []), ...page.data]);
      setCursor(page.nextCursor);
      setError(null);
    } catch (problem) {
      // A refused search shows no stale results; a refused next page keeps the first ones.
      if (!from) setDeliveries(null);
      refused(problem);
    }
  }
  useEffect(() => {
    void load(filter);
  }, []);

  // Back from a delivery (the list read again first), the focus returns to the row's button,
  // to the results when the delivery no longer matches the filter, or to why the list could
  // not be read: never left on the page's body.
  useEffect(() => {
    if (open !== null || !opener.current) return;
    const next = [`open-${opener.current}`, 'webhook-results', 'webhooks-error'];
    next
      .map((id) => document.getElementById(id))
      .find(Boolean)
      ?.focus();
  }, [open]);

  const time = new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const label = words.say('webhooksTable');
  const when = whenFormat(words.locale);
  const host = (url: string) => {
    try {
      const parsed = new URL(url);
      return `${parsed.host}${parsed.pathname}`;
    } catch {
      return url;
    }
  };
  return (
    <section aria-labelledby="page-title" class="webhooks">
      <h1 id="page-title">{words.say('webhooks')}</h1>
      <p class="lead">{words.say('webhooksIntro')}</p>
      <DeliveryFilterForm
        {...props}
        onSearch={(next) => {
          setFilter(next);
          setOpen(null);
          opener.current = null;
          void load(next);
        }}
      />
      {error && (
        <p class="error" role="alert" id="webhooks-error" tabIndex={-1}>
          {words.say(error)}
        </p>
      )}
      {open ? (
        <WebhookDetailView
          {...props}
          api={api}
          id={open}
          onClose={async () => {
            await load(filter);
            setOpen(null);
          }}
        />
      ) : deliveries === null ? (
        !error && <p>{words.say('loading')}</p>
      ) : deliveries.length === 0 ? (
        <p class="empty" id="webhook-results" tabIndex={-1}>
          {words.say('webhooksEmpty')}
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        <section class="table-scroll" id="webhook-results" aria-label={label} tabIndex={0}>
          <table>
            <caption>{words.say('webhooksTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{words.say('webhookEvent')}</th>
                <th scope="col">{words.say('when')}</th>
                <th scope="col">{words.say('app')}</th>
                <th scope="col">{words.say('webhookUrl')}</th>
                <th scope="col">{words.say('status')}</th>
                <th scope="col">{words.say('attempts')}</th>
                <th scope="col">{words.say('webhookLastAnswer')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <button
                      type="button"
                      class="link"
                      id={`open-${d.id}`}
                      aria-label={words.say('webhookOpen', {
                        event: d.eventType,
                        when: time.format(new Date(d.createdAt)),
                      })}
                      onClick={() => {
                        opener.current = d.id;
                        setOpen(d.id);
                      }}
                    >
                      {d.eventType}
                    </button>
                  </th>
                  <td>{when(d.createdAt)}</td>
                  <td class="app">{d.appId}</td>
                  <td class="app">{host(d.url)}</td>
                  <td>
                    <span class={`badge ${d.status}`}>
                      {words.say(`webhookStatus_${d.status}`)}
                    </span>
                  </td>
                  <td class="number">
                    {words.say('webhookAttemptsOf', { n: d.attempts, limit: d.attemptLimit })}
                  </td>
                  <td>{lastAnswer(words, d)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {cursor && !open && (
        <button type="button" class="secondary" onClick={() => load(filter, cursor)}>
          {words.say('nextPage')}
        </button>
      )}
    </section>
  );
}
