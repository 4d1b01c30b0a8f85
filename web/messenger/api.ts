/** The messenger's JSON API under `/messenger/{appId}/api/`, as the page calls it. */

export interface Texts {
  nameHeader: string;
  nameDescription: string;
  emailHeader: string;
  emailDescription: string;
  phoneHeader: string;
  phoneDescription: string;
  smsHeader: string;
  smsDescription: string;
  welcome: string;
}

export interface MessengerConfig {
  appName: string;
  authentication: 'none' | 'otp';
  askName: boolean;
  askEmail: boolean;
  preferredCountry: string | null;
  codeLength: number;
  resendCooldownSeconds: number;
  locale: string;
  texts: Texts;
}

export interface GateVerification {
  id: string;
  to: string;
  expiresAt: string;
  resendAvailableAt: string;
  attemptsRemaining: number;
}

export interface CheckResult {
  status?: string;
  valid: boolean;
  reason: string | null;
  attemptsRemaining: number;
}

export interface Button {
  type: 'postback' | 'web_url';
  title: string;
  /** Absent when hidden: a press names the button by its place. */
  payload?: string;
  url?: string;
}

export interface ChatMessage {
  id: string;
  sequence: number;
  author: 'visitor' | 'bot' | 'agent' | 'system' | string;
  text: string | null;
  image: string | null;
  buttons: Button[];
  /** The code the message delivered, for the code form; null on other messages. */
  code: string | null;
}

export interface Conversation {
  id: string;
  status: string;
}

/** A refusal as the server worded it (problem+json), or `network` when nothing answered. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** From Retry-After, when the server set one. */
    readonly retryAfterMs: number | null,
  ) {
    super(detail);
  }
}

export type Api = ReturnType<typeof createApi>;

export function createApi(appId: string) {
  const base = `/messenger/${encodeURIComponent(appId)}/api`;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(20_000),
      });
    } catch {
      throw new ApiProblem(0, 'network', '', null);
    }
    if (response.status === 204) return undefined as T;
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ApiProblem(
        response.status,
        String(json.code ?? 'failed'),
        String(json.detail ?? ''),
        retryAfter > 0 ? retryAfter * 1000 : null,
      );
    }
    return json as T;
  }

  return {
    config: (locale: string) =>
      call<MessengerConfig>('GET', `/config?locale=${encodeURIComponent(locale)}`),
    session: () => call<Conversation>('GET', '/session'),
    start: (body: {
      phone: string;
      country?: string;
      name?: string;
      email?: string;
      locale: string;
    }) => call<GateVerification>('POST', '/verifications', body),
    check: (id: string, code: string) =>
      call<CheckResult>('POST', `/verifications/${encodeURIComponent(id)}/check`, { code }),
    resend: (id: string) =>
      call<GateVerification>('POST', `/verifications/${encodeURIComponent(id)}/resend`),
    openWithoutCode: (body: { name?: string; email?: string; locale: string }) =>
      call<Conversation>('POST', '/conversations', body),
    messages: () => call<{ data: ChatMessage[] }>('GET', '/messages?limit=200'),
    send: (text: string) => call<ChatMessage>('POST', '/messages', { text }),
    /** A press of the message's `button`-th postback button (from 0). */
    postback: (messageId: string, button: number) =>
      call<ChatMessage>('POST', '/postback', { messageId, button }),
    confirmCode: (messageId: string, code: string) =>
      call<CheckResult>('POST', `/messages/${encodeURIComponent(messageId)}/code`, { code }),
    handover: () => call<Conversation>('POST', '/handover'),
    /** Ends the chat; the session stays on it, so the page can show that it ended. */
    close: () => call<Conversation>('POST', '/close'),
    logout: () => call<undefined>('POST', '/logout'),
    /** Live messages after `after`; EventSource resumes with Last-Event-ID by itself. */
    events: (after: number) => new EventSource(`${base}/events?after=${after}`),
  };
}
