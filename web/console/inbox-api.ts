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

const at = (c: { appId: string; id: string }, action = '') =>
  `inbox/${encodeURIComponent(c.appId)}/${encodeURIComponent(c.id)}${action}`;

export function inboxApi(api: Api) {
  return {
    /** The conversations waiting for a person or with one, newest first. */
    list: () => api.request<InboxPage>('GET', 'inbox?limit=100'),
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
