import { useEffect, useRef, useState } from 'preact/hooks';
import type { Phrase, Words } from './catalogue.ts';
import type { InboxConversation, InboxMessage } from './inbox-api.ts';
import { ConfirmDialog } from './inbox-confirm.tsx';
import { type OpenChat, statusText, visitorName } from './inbox-model.ts';

const AUTHORS: Record<InboxMessage['author'], Phrase> = {
  visitor: 'inboxAuthorVisitor',
  bot: 'inboxAuthorBot',
  agent: 'inboxAuthorAgent',
  system: 'inboxAuthorSystem',
};
const SYSTEM: Record<string, Phrase> = {
  handover: 'inboxSysHandover',
  taken: 'inboxSysTaken',
  handed_back: 'inboxSysHandedBack',
  closed: 'inboxSysClosed',
};

/** One message: who wrote it in words (not by colour alone), when, and what. */
function Message(props: { words: Words; message: InboxMessage; time: Intl.DateTimeFormat }) {
  const { words, message: m, time } = props;
  const text =
    m.author === 'system' && m.text !== null && SYSTEM[m.text]
      ? words.say(SYSTEM[m.text] as Phrase)
      : m.text;
  return (
    <li class={`inbox-msg from-${m.author}`}>
      <p class="inbox-msg-author">
        <strong>{words.say(AUTHORS[m.author])}</strong> ·{' '}
        <time dateTime={m.createdAt}>{time.format(new Date(m.createdAt))}</time>
      </p>
      {m.codeHidden ? <p class="inbox-msg-note">{words.say('inboxCodeHidden')}</p> : null}
      {text && <p>{text}</p>}
      {m.image && (
        <p>
          <a href={m.image} target="_blank" rel="noopener noreferrer">
            {words.say('inboxImage')}
          </a>
        </p>
      )}
      {m.buttons.length > 0 && (
        <ul class="inbox-msg-buttons">
          {m.buttons.map((b) => (
            <li key={b.title}>{b.title}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The visitor's verified details, beside the chat. */
function Details(props: { words: Words; c: InboxConversation }) {
  const { words, c } = props;
  const given = (value: string | null) => value ?? words.say('inboxNotGiven');
  return (
    <aside class="inbox-details" aria-labelledby="inbox-details-title">
      <h3 id="inbox-details-title">{words.say('inboxDetails')}</h3>
      <dl>
        <dt>{words.say('inboxPhone')}</dt>
        <dd>{given(c.phone)}</dd>
        <dt>{words.say('inboxName')}</dt>
        <dd>{given(c.name)}</dd>
        <dt>{words.say('inboxEmail')}</dt>
        <dd>{given(c.email)}</dd>
        <dt>{words.say('inboxLanguage')}</dt>
        <dd>{c.locale}</dd>
        <dt>{words.say('app')}</dt>
        <dd>{c.appId}</dd>
      </dl>
    </aside>
  );
}

export interface ChatActions {
  onTake(): void;
  /** Resolves true when the message was sent (the field is then emptied). */
  onSend(text: string): Promise<boolean>;
  /** Resolve true once the conversation changed, false when refused (said on the page). */
  onHandBack(): Promise<boolean>;
  onClose(): Promise<boolean>;
  onBack(): void;
}

/**
 * The open conversation: its messages (a live log), the visitor's details, and what the
 * admin may do — take it, write while holding it (a form: Enter sends), hand it back to the
 * bot or close it, each after a confirmation.
 */
export function InboxChat(
  props: ChatActions & {
    words: Words;
    chat: OpenChat;
    me: string;
    canAct: boolean;
    time: Intl.DateTimeFormat;
    focusComposer: boolean;
  },
) {
  const { words, chat, me, canAct, time } = props;
  const c = chat.conversation;
  const mine = c.status === 'agent' && c.agent?.id === me;
  const [text, setText] = useState('');
  const [asking, setAsking] = useState<'handBack' | 'close' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLOListElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  // A confirmed hand back or close takes its button away (and the composer with it): once
  // the status says so, whether the answer or the stream tells it first, the keyboard's
  // place is on that status.
  const stepping = useRef(false);

  useEffect(() => heading.current?.focus(), [c.id]);
  useEffect(() => {
    if (!stepping.current) return;
    stepping.current = false;
    statusLine.current?.focus();
  }, [c.status]);
  useEffect(() => {
    if (mine && props.focusComposer) input.current?.focus();
  }, [mine, props.focusComposer]);
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [chat.messages.length]);

  const name = visitorName(c, words);
  const open = c.status !== 'closed';
  const othersHold = c.status === 'agent' && !mine;
  let hint: string | null = null;
  if (!open) hint = words.say('inboxIsClosed');
  else if (!canAct) hint = words.say('inboxReadOnly');
  else if (othersHold) {
    hint = c.agent?.email
      ? words.say('inboxHeldBy', { email: c.agent.email })
      : words.say('inboxHeldElsewhere');
  } else if (!mine) hint = words.say('inboxTakeToAnswer');

  return (
    <section class="inbox-chat" aria-labelledby="inbox-chat-title">
      <button type="button" class="secondary inbox-back" onClick={props.onBack}>
        {words.say('inboxBack')}
      </button>
      <header class="inbox-chat-header">
        <h2 id="inbox-chat-title" tabIndex={-1} ref={heading}>
          {words.say('inboxChatWith', { name })}
        </h2>
        <p class="inbox-chat-status" tabIndex={-1} ref={statusLine}>
          {statusText(c, words, me)}
        </p>
        {canAct && open && (
          <div class="inbox-chat-actions">
            {(c.status === 'waiting' || c.status === 'bot') && (
              <button type="button" class="inbox-small" onClick={props.onTake}>
                {words.say('inboxTake')}
              </button>
            )}
            {mine && (
              <button
                type="button"
                class="secondary inbox-small"
                onClick={() => setAsking('handBack')}
              >
                {words.say('inboxHandBack')}
              </button>
            )}
            {!othersHold && (
              <button
                type="button"
                class="secondary inbox-small"
                onClick={() => setAsking('close')}
              >
                {words.say('inboxClose')}
              </button>
            )}
          </div>
        )}
      </header>
      <div class="inbox-chat-body">
        <Details words={words} c={c} />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus */}
        <div class="inbox-messages" role="log" aria-labelledby="inbox-chat-title" tabIndex={0}>
          <ol ref={log}>
            {chat.messages.map((m) => (
              <Message key={m.id} words={words} message={m} time={time} />
            ))}
          </ol>
        </div>
      </div>
      {hint && <p class="inbox-hint">{hint}</p>}
      {mine && canAct && (
        <form
          class="inbox-composer"
          onSubmit={async (event) => {
            event.preventDefault();
            const trimmed = text.trim();
            if (trimmed && (await props.onSend(trimmed))) setText('');
          }}
        >
          <label for="inbox-message">{words.say('inboxMessageLabel')}</label>
          <div class="inbox-composer-row">
            <input
              id="inbox-message"
              ref={input}
              name="message"
              autocomplete="off"
              enterkeyhint="send"
              maxLength={4_000}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <button type="submit" class="inbox-send">
              {words.say('inboxSend')}
            </button>
          </div>
        </form>
      )}
      {asking && (
        <ConfirmDialog
          words={words}
          question={words.say(asking === 'close' ? 'inboxConfirmClose' : 'inboxConfirmHandBack')}
          confirm={words.say(asking === 'close' ? 'inboxClose' : 'inboxHandBack')}
          onConfirm={async () => {
            setAsking(null);
            stepping.current = true;
            const done = await (asking === 'close' ? props.onClose() : props.onHandBack());
            // Refused, the button stays and keeps the focus the dialog gave back to it.
            if (!done) stepping.current = false;
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}
