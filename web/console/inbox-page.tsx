import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiProblem } from './api.ts';
import type { Phrase } from './catalogue.ts';
import { type InboxConversation, type InboxMessage, inboxApi } from './inbox-api.ts';
import { InboxChat } from './inbox-chat.tsx';
import { InboxList } from './inbox-list.tsx';
import {
  merged,
  newer,
  type OpenChat,
  refusalPhrase,
  sorted,
  visitorName,
  withChange,
} from './inbox-model.ts';
import type { PageProps } from './page-props.ts';

/**
 * The agent inbox: the conversations waiting for a person, kept live over Server-Sent Events
 * (a new one is announced politely), and the chat of the one opened. On a narrow screen the
 * list and the chat are separate views.
 */
export function InboxPage({ api, words, session, onProblem }: PageProps) {
  const inbox = useMemo(() => inboxApi(api), [api]);
  const me = session.admin.id;
  const canAct = session.admin.role !== 'viewer';
  const [list, setList] = useState<InboxConversation[] | null>(null);
  const [more, setMore] = useState(false);
  const [chat, setChat] = useState<OpenChat | null>(null);
  const [announced, setAnnounced] = useState('');
  const [error, setError] = useState<Phrase | null>(null);
  const [focusComposer, setFocusComposer] = useState(false);
  // The stream's handlers outlive renders: they read the newest state through refs.
  const listRef = useRef<InboxConversation[] | null>(null);
  listRef.current = list;
  const chatRef = useRef<OpenChat | null>(null);
  chatRef.current = chat;
  const opener = useRef<string | null>(null);
  const time = new Intl.DateTimeFormat(words.locale, { timeStyle: 'short' });

  const failed = (problem: unknown) => {
    onProblem(problem);
    setError(problem instanceof ApiProblem ? refusalPhrase(problem.code) : 'failed');
  };

  async function loadList() {
    try {
      const page = await inbox.list();
      setList(sorted(page.conversations));
      setMore(page.more);
    } catch (problem) {
      failed(problem);
    }
  }

  /** Reads the open chat's messages after the newest it has, all pages of them. */
  async function catchUp(c: { appId: string; id: string }) {
    const known = chatRef.current;
    let after = known?.conversation.id === c.id ? (known.messages.at(-1)?.sequence ?? 0) : 0;
    for (;;) {
      const detail = await inbox.open(c, after);
      setChat((now) =>
        now && now.conversation.id !== c.id
          ? now
          : {
              conversation: now
                ? newer(now.conversation, detail.conversation)
                : detail.conversation,
              messages: merged(now?.messages ?? [], detail.messages),
            },
      );
      after = detail.messages.at(-1)?.sequence ?? after;
      if (!detail.more) return;
    }
  }

  function changed(c: InboxConversation) {
    const before = listRef.current?.find((o) => o.id === c.id);
    if (c.status === 'waiting' && before?.status !== 'waiting') {
      setAnnounced(words.say('inboxAnnounceWaiting', { name: visitorName(c, words) }));
    }
    setList((now) => (now ? withChange(now, c) : now));
    setChat((now) =>
      now?.conversation.id === c.id ? { ...now, conversation: newer(now.conversation, c) } : now,
    );
  }

  function arrived(m: InboxMessage) {
    setChat((now) =>
      now?.conversation.id === m.conversationId
        ? { ...now, messages: merged(now.messages, [m]) }
        : now,
    );
  }

  useEffect(() => {
    const source = inbox.events();
    // Each (re)connection reads the list again: the stream tells only what changes after it.
    source.addEventListener('open', () => {
      void loadList();
      const open = chatRef.current?.conversation;
      if (open) void catchUp(open).catch(failed);
    });
    // A refused stream (the session ended) is not retried by the browser: say why.
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) void loadList();
    });
    source.addEventListener('conversation', (event) =>
      changed(JSON.parse((event as MessageEvent<string>).data) as InboxConversation),
    );
    source.addEventListener('message', (event) =>
      arrived(JSON.parse((event as MessageEvent<string>).data) as InboxMessage),
    );
    return () => source.close();
  }, [inbox]);

  // A conversation event may name messages the stream did not carry: read them.
  const open = chat?.conversation;
  const newest = chat?.messages.at(-1)?.sequence ?? 0;
  useEffect(() => {
    if (open && open.lastSequence > newest) void catchUp(open).catch(failed);
  }, [open?.id, open?.lastSequence]);

  async function openChat(c: InboxConversation) {
    setError(null);
    setFocusComposer(false);
    opener.current = c.id;
    setChat({ conversation: c, messages: [] });
    try {
      await catchUp(c);
    } catch (problem) {
      failed(problem);
    }
  }

  /** Resolves false when the step was refused (and says why on the page). */
  async function act(step: () => Promise<InboxConversation>): Promise<boolean> {
    setError(null);
    try {
      changed(await step());
      return true;
    } catch (problem) {
      failed(problem);
      return false;
    }
  }

  async function take(c: InboxConversation) {
    if (chat?.conversation.id !== c.id) await openChat(c);
    setFocusComposer(true);
    await act(() => inbox.take(c));
  }

  // Back to the list (a narrow screen's view), the focus returns to the conversation's button.
  useEffect(() => {
    if (chat === null && opener.current) {
      document.getElementById(`inbox-open-${opener.current}`)?.focus();
    }
  }, [chat === null]);

  return (
    <section aria-labelledby="page-title" class={`inbox${chat ? ' chat-open' : ''}`}>
      <h1 id="page-title">{words.say('inbox')}</h1>
      <p class="inbox-announce" role="status">
        {announced}
      </p>
      {error && (
        <p class="error" role="alert">
          {words.say(error)}
        </p>
      )}
      <div class="inbox-panes">
        {list === null ? (
          <p class="inbox-list">{words.say('loading')}</p>
        ) : (
          <InboxList
            words={words}
            conversations={list}
            more={more}
            me={me}
            canAct={canAct}
            openId={chat?.conversation.id ?? null}
            time={time}
            onOpen={(c) => void openChat(c)}
            onTake={(c) => void take(c)}
          />
        )}
        {chat ? (
          <InboxChat
            words={words}
            chat={chat}
            me={me}
            canAct={canAct}
            time={time}
            focusComposer={focusComposer}
            onTake={() => void take(chat.conversation)}
            onSend={async (text) => {
              setError(null);
              try {
                arrived(await inbox.write(chat.conversation, text));
                return true;
              } catch (problem) {
                failed(problem);
                return false;
              }
            }}
            onHandBack={() => act(() => inbox.handBack(chat.conversation))}
            onClose={() => act(() => inbox.close(chat.conversation))}
            onBack={() => setChat(null)}
          />
        ) : (
          <p class="inbox-placeholder">{words.say('inboxChoose')}</p>
        )}
      </div>
    </section>
  );
}
