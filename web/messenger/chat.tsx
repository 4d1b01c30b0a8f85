import { useEffect, useRef, useState } from 'preact/hooks';
import { type Api, ApiProblem, type ChatMessage } from './api.ts';
import type { Phrase, Words } from './catalogue.ts';
import { CodeForm } from './otp-message.tsx';
import { sentenceFor } from './problems.ts';

interface ChatProps {
  api: Api;
  words: Words;
  appName: string;
  welcome: string;
  /** The name of a code field (the gate's `smsHeader`). */
  codeLabel: string;
  status: string;
  /** Leaves the ended chat for the start of a new one. */
  onNewChat: () => void;
}

/** What the page says for each system message. */
const SYSTEM_TEXTS: Record<string, Phrase> = {
  handover: 'waiting',
  taken: 'agentJoined',
  handed_back: 'backToBot',
  closed: 'chatEnded',
};
/** The system messages that change who answers the visitor. */
const TURNS = new Set(['handover', 'taken', 'handed_back']);

/** Adds messages by sequence, each once, whether the post's answer or the stream saw it first. */
function merge(list: ChatMessage[], more: ChatMessage[]): ChatMessage[] {
  const bySequence = new Map(list.map((m) => [m.sequence, m]));
  for (const m of more) bySequence.set(m.sequence, m);
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

/** The chat: its history, live replies over SSE, the visitor's input and button presses. */
export function Chat({ api, words, appName, welcome, codeLabel, status, onNewChat }: ChatProps) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The turn in which the visitor asked for a person (null: before any turn). The ask holds
  // until the next turn, which answers it (a handover) or ends it (a hand back): worked out in
  // the same render as the turn, so the button never lags behind the log.
  const [askedIn, setAskedIn] = useState<string | null | undefined>(
    status !== 'bot' ? null : undefined,
  );
  const [refused, setRefused] = useState(status === 'closed');
  const system = (text: string) => messages.some((m) => m.author === 'system' && m.text === text);
  // Who has the chat now: the newest of the handover, an agent taking it, or its hand back.
  const turn = messages.filter((m) => m.author === 'system' && TURNS.has(m.text ?? '')).at(-1);
  const asked = askedIn !== undefined && askedIn === (turn?.id ?? null);
  const waiting = asked || turn?.text === 'handover' || turn?.text === 'taken';
  // Ended by the visitor, the business (a `closed` message) or found so by a refusal.
  const ended = refused || system('closed');
  // The log (a live region) or the refusal's alert says it ended, each read out once; the
  // footer says it only while neither does, e.g. before a stream that broke brings `closed`.
  const toldEnded = system('closed') || error !== null;
  const log = useRef<HTMLOListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const newChat = useRef<HTMLButtonElement>(null);

  // The composer goes away when the chat ends: keep the keyboard's place on what comes next.
  useEffect(() => {
    if (ended) newChat.current?.focus();
  }, [ended]);

  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    api
      .messages()
      .then(({ data }) => {
        if (stopped) return;
        setMessages((list) => merge(list, data));
        source = api.events(data.at(-1)?.sequence ?? 0);
        source.addEventListener('message', (event) => {
          const message = JSON.parse((event as MessageEvent<string>).data) as ChatMessage;
          setMessages((list) => merge(list, [message]));
        });
      })
      .catch((failure) => setError(sentenceFor(failure, words)));
    input.current?.focus();
    return () => {
      stopped = true;
      source?.close();
    };
  }, [api]);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages.length]);

  const run = async (action: () => Promise<ChatMessage | undefined>) => {
    setError(null);
    try {
      const message = await action();
      if (message) setMessages((list) => merge(list, [message]));
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.code === 'conversation_closed') setRefused(true);
      setError(sentenceFor(failure, words));
    }
  };

  const send = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    setText('');
    void run(() => api.send(trimmed));
  };

  return (
    <section class="chat" aria-labelledby="chat-title">
      <header class="chat-header">
        <h1 id="chat-title">{appName}</h1>
        <button
          type="button"
          class="link"
          disabled={waiting || ended}
          onClick={() =>
            run(async () => {
              await api.handover();
              setAskedIn(turn?.id ?? null);
              return undefined;
            })
          }
        >
          {words.say('talkToPerson')}
        </button>
        {!ended && (
          <button
            type="button"
            class="link"
            onClick={() =>
              run(async () => {
                await api.close();
                setRefused(true);
                return undefined;
              })
            }
          >
            {words.say('endChat')}
          </button>
        )}
      </header>
      <div class="messages" role="log" aria-labelledby="chat-title">
        <ol ref={log}>
          <li class="message from-business">{welcome}</li>
          {messages.map((m) =>
            m.author === 'system' ? (
              <li key={m.id} class="message from-system">
                {m.text !== null && SYSTEM_TEXTS[m.text]
                  ? words.say(SYSTEM_TEXTS[m.text] as Phrase)
                  : m.text}
              </li>
            ) : (
              <Bubble
                key={m.id}
                message={m}
                words={words}
                onPress={run}
                api={api}
                codeLabel={codeLabel}
              />
            ),
          )}
        </ol>
      </div>
      <p class="step-error" role="alert">
        {error}
      </p>
      {ended ? (
        <div class="chat-ended">
          {!toldEnded && <p>{words.say('chatEnded')}</p>}
          <button ref={newChat} class="primary" type="button" onClick={onNewChat}>
            {words.say('startNewChat')}
          </button>
        </div>
      ) : (
        <form
          class="composer"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <label class="visually-hidden" for="message-input">
            {words.say('message')}
          </label>
          <input
            id="message-input"
            ref={input}
            name="message"
            autocomplete="off"
            placeholder={words.say('message')}
            enterkeyhint="send"
            maxLength={4_000}
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          <button class="primary" type="submit">
            {words.say('send')}
          </button>
        </form>
      )}
    </section>
  );
}

interface BubbleProps {
  message: ChatMessage;
  words: Words;
  api: Api;
  codeLabel: string;
  onPress: (action: () => Promise<ChatMessage | undefined>) => Promise<void>;
}

/** One message of the visitor, the bot or an agent: text, image, buttons, a code form. */
function Bubble({ message: m, words, api, codeLabel, onPress }: BubbleProps) {
  const mine = m.author === 'visitor';
  // A press names its button by its place among the postbacks: a hidden payload never
  // reaches the page.
  const postbacks = m.buttons.filter((b) => b.type === 'postback');
  return (
    <li class={`message ${mine ? 'from-visitor' : 'from-business'}`}>
      <span class="visually-hidden">{mine ? words.say('you') : words.say('business')}: </span>
      {m.image && <img src={m.image} alt="" loading="lazy" />}
      {m.text && <p>{m.text}</p>}
      {m.buttons.length > 0 && (
        <div class="buttons">
          {m.buttons.map((b) =>
            b.type === 'web_url' ? (
              <a
                key={b.title}
                class="button"
                href={b.url}
                target="_blank"
                rel="noopener noreferrer"
              >
                {b.title}
              </a>
            ) : (
              <button
                key={b.title}
                type="button"
                onClick={() => onPress(() => api.postback(m.id, postbacks.indexOf(b)))}
              >
                {b.title}
              </button>
            ),
          )}
        </div>
      )}
      {m.code !== null && m.code !== undefined && (
        <CodeForm api={api} words={words} label={codeLabel} message={m} />
      )}
    </li>
  );
}
