import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from './api.ts';
import type { Words } from './catalogue.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import type { WebhookDelivery, WebhookDeliveryDetail, webhooksApi } from './webhooks-api.ts';
import { whenFormat } from './when.tsx';

/** The endpoint's last answer in a few words: its status code, or why none came. */
export function lastAnswer(
  words: Words,
  d: Pick<WebhookDelivery, 'lastStatusCode' | 'lastError'>,
): string {
  if (d.lastStatusCode !== null) return String(d.lastStatusCode);
  return d.lastError ?? words.say('webhookNoAnswer');
}

/** How often, and how many times, a delivery sent again is read until it ends. */
const WATCH_MS = 1_000;
const WATCH_TIMES = 30;

/**
 * One delivery: where it goes, each attempt and its answer, the next try, the event as sent,
 * and "Send again" for admins and owners. After a retry the delivery is read every second
 * until it ends, and the status line says how.
 */
export function WebhookDetailView(props: {
  words: Words;
  session: Session;
  api: ReturnType<typeof webhooksApi>;
  id: string;
  onProblem(problem: unknown): void;
  onClose(): void;
}) {
  const { words, api, id } = props;
  const [detail, setDetail] = useState<WebhookDeliveryDetail | null>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);
  const [asking, setAsking] = useState(false);
  const [watching, setWatching] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const role = props.session.admin.role;
  const canRetry = role === 'owner' || role === 'admin';

  async function read(): Promise<WebhookDeliveryDetail | null> {
    try {
      const next = await api.delivery(id);
      setDetail(next);
      setFailed(false);
      return next;
    } catch (problem) {
      props.onProblem(problem);
      setFailed(true);
      return null;
    }
  }
  useEffect(() => {
    void read().then(() => heading.current?.focus());
  }, [id]);

  // While a delivery sent again is on its way, read it again until it ends.
  useEffect(() => {
    if (watching === 0) return;
    const timer = setTimeout(async () => {
      const next = await read();
      const d = next?.data;
      if (!d || d.status === 'pending') {
        setWatching(watching >= WATCH_TIMES ? 0 : watching + 1);
        return;
      }
      setWatching(0);
      setStatus(
        d.status === 'delivered'
          ? words.say('webhookNowDelivered', { id, code: lastAnswer(words, d) })
          : words.say('webhookNowFailed', { id, error: lastAnswer(words, d) }),
      );
    }, WATCH_MS);
    return () => clearTimeout(timer);
  }, [watching]);

  async function retry() {
    setAsking(false);
    try {
      const queued = await api.retry(id);
      setDetail((before) => before && { ...before, data: queued });
      setStatus(words.say('webhookQueued', { id }));
      setWatching(1);
    } catch (problem) {
      props.onProblem(problem);
      setFailed(true);
    }
    statusLine.current?.focus();
  }

  const instant = whenFormat(words.locale);
  const when = (at: string | null) => (at ? instant(at) : words.say('webhookNone'));
  const d = detail?.data;
  const attemptsLabel = words.say('webhookAttemptsTable');
  return (
    <section class="webhook-detail" aria-labelledby="delivery-title">
      <h2 id="delivery-title" tabIndex={-1} ref={heading}>
        {words.say('webhookTitle', { id })}
      </h2>
      <p role="status" class="status" tabIndex={-1} ref={statusLine}>
        {status}
      </p>
      {failed && (
        <p class="error" role="alert">
          {words.say('failed')}
        </p>
      )}
      {d && detail && (
        <>
          <dl class="facts">
            <dt>{words.say('webhookEvent')}</dt>
            <dd>{d.eventType}</dd>
            <dt>{words.say('status')}</dt>
            <dd>
              <span class={`badge ${d.status}`}>{words.say(`webhookStatus_${d.status}`)}</span>
            </dd>
            <dt>{words.say('webhookUrl')}</dt>
            <dd class="url">{d.url}</dd>
            <dt>{words.say('app')}</dt>
            <dd>{d.appId}</dd>
            <dt>{words.say('attempts')}</dt>
            <dd>{words.say('webhookAttemptsOf', { n: d.attempts, limit: d.attemptLimit })}</dd>
            <dt>{words.say('webhookNextTry')}</dt>
            <dd>{when(d.nextAttemptAt)}</dd>
            <dt>{words.say('webhookCreated')}</dt>
            <dd>{when(d.createdAt)}</dd>
            <dt>{words.say('webhookDeliveredAt')}</dt>
            <dd>{when(d.deliveredAt)}</dd>
            <dt>{words.say('webhookEventId')}</dt>
            <dd class="url">{d.eventId}</dd>
          </dl>
          <div class="detail-actions">
            {canRetry && d.status !== 'pending' && (
              <button type="button" onClick={() => setAsking(true)}>
                {words.say('webhookRetry')}
              </button>
            )}
            <button type="button" class="secondary" onClick={() => void read()}>
              {words.say('webhookRefresh')}
            </button>
            <button type="button" class="secondary" onClick={props.onClose}>
              {words.say('webhookBack')}
            </button>
          </div>
          {!canRetry && <p class="note">{words.say('webhookReadOnly')}</p>}
          {detail.attempts.length === 0 ? (
            <p>{words.say('webhookNoAttempts')}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
            <section class="table-scroll" aria-label={attemptsLabel} tabIndex={0}>
              <table>
                <caption>{words.say('webhookAttemptsTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{words.say('webhookAttemptNo')}</th>
                    <th scope="col">{words.say('when')}</th>
                    <th scope="col">{words.say('webhookHttpStatus')}</th>
                    <th scope="col">{words.say('errorCode')}</th>
                    <th scope="col">{words.say('webhookOutcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.attempts.map((a) => (
                    <tr key={a.attempt}>
                      <th scope="row" class="number">
                        {a.attempt}
                      </th>
                      <td>{when(a.at)}</td>
                      <td class="number">{a.statusCode ?? '—'}</td>
                      <td>{a.error ?? '—'}</td>
                      <td>{words.say(`webhookOutcome_${a.outcome}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          <details>
            <summary>{words.say('webhookPayload')}</summary>
            {detail.payload === null ? (
              <p>{words.say('webhookPayloadHidden')}</p>
            ) : (
              <pre>{JSON.stringify(detail.payload, null, 2)}</pre>
            )}
          </details>
        </>
      )}
      {asking && d && (
        <ConfirmDialog
          title={words.say('webhookConfirmTitle', { id })}
          text={words.say('webhookConfirmText', { url: d.url })}
          confirm={words.say('webhookRetry')}
          cancel={words.say('webhookCancel')}
          onConfirm={retry}
          onCancel={() => setAsking(false)}
        />
      )}
    </section>
  );
}
