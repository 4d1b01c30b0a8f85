import type { Words } from './catalogue.ts';
import type { InboxConversation } from './inbox-api.ts';
import { statusText, visitorName } from './inbox-model.ts';

/**
 * The conversations waiting for a person and those with agents. Each has an Open button and,
 * for whoever may answer, a Take button while it waits.
 */
export function InboxList(props: {
  words: Words;
  conversations: InboxConversation[];
  /** More are open than the page read. */
  more: boolean;
  me: string;
  canAct: boolean;
  openId: string | null;
  time: Intl.DateTimeFormat;
  onOpen(c: InboxConversation): void;
  onTake(c: InboxConversation): void;
}) {
  const { words, conversations, me, time } = props;
  return (
    <section class="inbox-list" aria-labelledby="inbox-list-title">
      <h2 id="inbox-list-title">{words.say('inboxList')}</h2>
      {conversations.length === 0 ? (
        <p>{words.say('inboxEmpty')}</p>
      ) : (
        <ul>
          {conversations.map((c) => {
            const name = visitorName(c, words);
            return (
              <li
                key={c.id}
                class={`inbox-item status-${c.status}`}
                aria-current={c.id === props.openId ? 'true' : undefined}
              >
                <p class="inbox-item-name">{name}</p>
                <p class="inbox-item-meta">
                  <strong>{statusText(c, words, me)}</strong> ·{' '}
                  <time dateTime={c.updatedAt}>{time.format(new Date(c.updatedAt))}</time>
                </p>
                {c.phone && c.name && <p class="inbox-item-meta">{c.phone}</p>}
                <div class="inbox-item-actions">
                  {props.canAct && (c.status === 'waiting' || c.status === 'bot') && (
                    <button
                      type="button"
                      class="inbox-small"
                      aria-label={words.say('inboxTakeNamed', { name })}
                      onClick={() => props.onTake(c)}
                    >
                      {words.say('inboxTake')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="secondary inbox-small"
                    id={`inbox-open-${c.id}`}
                    aria-label={words.say('inboxOpenNamed', { name })}
                    onClick={() => props.onOpen(c)}
                  >
                    {words.say('inboxOpen')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {props.more && (
        <p class="inbox-more">{words.say('inboxMore', { n: conversations.length })}</p>
      )}
    </section>
  );
}
