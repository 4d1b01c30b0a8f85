/** The console's JSON API under `/console/api/`, as the page calls it. */

export interface Admin {
  id: string;
  email: string;
  role: 'owner' | 'admin' | 'viewer' | 'agent';
  appIds: string[];
  totp: boolean;
}

export interface Session {
  admin: Admin;
  csrfToken: string;
  expiresAt: string;
  idleMinutes: number;
}

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actor: string;
  action: string;
  appId: string | null;
  target: string | null;
  details: Record<string, unknown>;
}

export interface TotpEnrolment {
  uri: string;
  secret: string;
  qrSvg: string;
  recoveryCodes: string[];
}

export interface AuditList {
  data: AuditEntry[];
  nextCursor: string | null;
}

export type MessageStatus = 'queued' | 'sent' | 'failed' | 'delivered' | 'undelivered';
export const MESSAGE_STATUSES: readonly MessageStatus[] = [
  'queued',
  'sent',
  'failed',
  'delivered',
  'undelivered',
];
export const CHANNELS = ['sms', 'whatsapp', 'email', 'messenger', 'voice'] as const;

/** One provider attempt as the console shows it: the destination comes masked. */
export interface ConsoleMessage {
  id: string;
  appId: string;
  verificationId: string;
  channel: string;
  to: string;
  country: string | null;
  provider: string;
  status: MessageStatus;
  timeline: { status: MessageStatus; at: string; error?: string }[];
  latencyMs: number;
  errorCode: string | null;
  txCode: string | null;
  createdAt: string;
}

export interface MessageList {
  data: ConsoleMessage[];
  nextCursor: string | null;
}

export interface MessageDetail {
  data: ConsoleMessage;
  attempts: ConsoleMessage[];
}

/** Where the log's export of a filter downloads from (the session cookie goes along). */
export const messagesExportUrl = (format: 'csv' | 'ndjson', filter: URLSearchParams) => {
  const query = new URLSearchParams(filter);
  query.set('format', format);
  return `/console/api/messages/export?${query}`;
};

export interface AnalyticsBucket {
  start: string;
  group: string | null;
  verifications: {
    started: number;
    approved: number;
    expired: number;
    failed: number;
    canceled: number;
    conversionRate: number | null;
  };
  messages: {
    sent: number;
    delivered: number;
    failed: number;
    latencyP50Ms: number | null;
    latencyP95Ms: number | null;
  };
}

export interface Analytics {
  from: string;
  to: string;
  interval: 'hour' | 'day';
  groupBy: string | null;
  data: AnalyticsBucket[];
}

export interface AnalyticsQuery {
  from: string;
  to: string;
  interval: 'hour' | 'day';
  groupBy?: string;
}

/** A refused request: the problem document's stable code and sentence. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** From `Retry-After`, on a 429. */
    readonly retryAfterSeconds?: number,
    /** A refused body's fields: as the API names them, and as JSON Pointers where it can. */
    readonly errors: readonly { field: string; message: string; pointer?: string }[] = [],
  ) {
    super(detail);
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {}

export function createApi() {
  let csrfToken = '';

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(`/console/api/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new NetworkError('unreachable');
    }
    if (response.status === 204) return undefined as T;
    const parsed = await response.json().catch(() => ({}));
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiProblem(
        response.status,
        String(parsed.code ?? ''),
        String(parsed.detail ?? ''),
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        Array.isArray(parsed.errors) ? parsed.errors : [],
      );
    }
    return parsed as T;
  }

  const remember = (session: Session) => {
    csrfToken = session.csrfToken;
    return session;
  };

  return {
    /** Any console API call; each page's own calls wrap it in its `*-api.ts` file. */
    request: call,
    me: () => call<Session>('GET', 'me').then(remember),
    login: (input: { email: string; password: string; totp?: string }) =>
      call<Session>('POST', 'login', input).then(remember),
    logout: async () => {
      await call<void>('POST', 'logout');
      csrfToken = '';
    },
    enrolTotp: () => call<TotpEnrolment>('POST', 'totp'),
    confirmTotp: (code: string) => call<{ enabled: boolean }>('POST', 'totp/confirm', { code }),
    audit: (cursor?: string) =>
      call<AuditList>('GET', `audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
    messages: (filter: URLSearchParams, cursor?: string) => {
      const query = new URLSearchParams(filter);
      if (cursor) query.set('cursor', cursor);
      return call<MessageList>('GET', `messages?${query}`);
    },
    message: (id: string) => call<MessageDetail>('GET', `messages/${encodeURIComponent(id)}`),
    analytics: (query: AnalyticsQuery) =>
      call<Analytics>('GET', `analytics?${new URLSearchParams({ ...query })}`),
  };
}

export type Api = ReturnType<typeof createApi>;
