import { useEffect, useRef } from 'preact/hooks';
import type { ConsoleMessage, MessageDetail } from './api.ts';
import type { Words } from './catalogue.ts';

/**
 * One message: its status timeline and every attempt of its verification. Its heading takes
 * the focus when it opens, so a screen reader announces what was opened.
 */
export function MessageDetailView(props: {
  words: Words;
  detail: MessageDetail;
  time: Intl.DateTimeFormat;
  onClose(): void;
}) {
  const { words, detail, time } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [detail.data.id]);
  const when = (at: string) => <time dateTime={at}>{time.format(new Date(at))}</time>;
  const message: ConsoleMessage = detail.data;
  return (
    <section class="message-detail" aria-labelledby="message-title">
      <h2 id="message-title" tabIndex={-1} ref={heading}>
        {words.say('messageTitle', { id: message.id })}
      </h2>
      <p>
        {message.to} · {message.channel} · {message.provider} · {message.appId}
      </p>
      <h3>{words.say('timeline')}</h3>
      <ol class="timeline">
        {message.timeline.map((event) => (
          <li key={`${event.status}-${event.at}`}>
            {when(event.at)} — <strong>{event.status}</strong>
            {event.error ? ` (${words.say('errorCode')}: ${event.error})` : ''}
          </li>
        ))}
      </ol>
      <h3>{words.say('attempts')}</h3>
      <ol class="attempts">
        {detail.attempts.map((attempt) => (
          <li key={attempt.id} aria-current={attempt.id === message.id ? 'true' : undefined}>
            {when(attempt.createdAt)} — {attempt.provider} — <strong>{attempt.status}</strong>
            {attempt.errorCode ? ` (${words.say('errorCode')}: ${attempt.errorCode})` : ''}
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={props.onClose}>
        {words.say('backToResults')}
      </button>
    </section>
  );
}
