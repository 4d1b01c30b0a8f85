import type { Api } from './api.ts';

/** The console's inbox API (`/console/api/inbox`), as the Inbox page calls it. */

export type ConversationStatus = 'bot' | 'waiting' | 'agent' | 'closed';

export interface InboxConversation {
  id: string;
  appId: string;
  status: ConversationStatus;
  phone: string | null;
  name: string | null;
  email: string | null;
  locale: string;
  /** The console admin holding it; null when nobody in the console does. */
  agent: { id: string; email: string | null } | null;
  lastSequence: number;
  createdAt: string;
  updatedAt: string;
}

export interface InboxMessage {
  id: string;
  conversationId: string;
  sequence: number;
  author: 'visitor' | 'bot' | 'agent' | 'system';
  text: string | null;
  image: string | null;
  buttons: { type: 'postback' | 'web_url'; title: string; url?: string }[];
  /** It delivered a verification code; its text is not shown to agents. */
  codeHidden: boolean;
  createdAt: string;
}

export interface InboxPage {
  data: InboxConversation[];
  nextCursor: string | null;
}

export interface InboxDetail {
  conversation: InboxConversation;
  messages: InboxMessage[];
  more: boolean;
}

/** Conversations per request, the API's largest page. */
const PAGE_SIZE = 100;
/** Pages read at most: the inbox is a work queue, read whole unless it is this long. */
const MAX_PAGES = 20;

const at = (c: { appId: string; id: string }, action = '') =>
  `inbox/${encodeURIComponent(c.appId)}/${encodeURIComponent(c.id)}${action}`;

export function inboxApi(api: Api) {
  return {
    /**
     * Every conversation waiting for a person or with one, page after page: the API answers
     * newest first, so a list cut at one page would leave out those waiting longest. `more`
     * when even MAX_PAGES did not reach the end.
     */
    async list(): Promise<{ conversations: InboxConversation[]; more: boolean }> {
      const conversations: InboxConversation[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const answer = await api.request<InboxPage>('GET', `inbox?limit=${PAGE_SIZE}${query}`);
        conversations.push(...answer.data);
        cursor = answer.nextCursor;
        if (!cursor) return { conversations, more: false };
      }
      return { conversations, more: true };
    },
    /** A conversation and its messages after `after`. */
    open: (c: { appId: string; id: string }, after = 0) =>
      api.request<InboxDetail>('GET', `${at(c)}?after=${after}`),
    take: (c: { appId: string; id: string }) =>
      api.request<InboxConversation>('POST', at(c, '/take')),
    write: (c: { appId: string; id: string }, text: string) =>
      api.request<InboxMessage>('POST', at(c, '/messages'), { text }),
    handBack: (c: { appId: string; id: string }) =>
      api.request<InboxConversation>('POST', at(c, '/hand-back')),
    close: (c: { appId: string; id: string }) =>
      api.request<InboxConversation>('POST', at(c, '/close')),
    /** Live `conversation` and `message` events; the browser resumes it by itself. */
    events: () => new EventSource('/console/api/inbox/events'),
  };
}

export type InboxApi = ReturnType<typeof inboxApi>;
