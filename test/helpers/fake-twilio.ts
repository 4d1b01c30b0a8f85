import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

/** A Create Message (or Create Call) request as Twilio received it. */
export interface TwilioPost {
  /** `Messages` for a message, `Calls` for a voice call. */
  resource: 'Messages' | 'Calls';
  accountSid: string;
  headers: IncomingHttpHeaders;
  /** The decoded form fields (`To`, `From`, `Body`, …). */
  form: Record<string, string>;
  /** The body as sent. */
  raw: string;
}

/** A Twilio error answer: HTTP status and Twilio's error code. */
export interface TwilioError {
  status: number;
  code: number;
  message?: string;
}

/**
 * What the fake does with a post that passed authentication: accept it (201 with a message
 * resource), answer a Twilio error, or `'hang'` (never answer).
 */
export type TwilioBehaviour = (post: TwilioPost) => 'accept' | TwilioError | 'hang';

export const accept: TwilioBehaviour = () => 'accept';
export const twilioError =
  (status: number, code: number, message = `error ${code}`): TwilioBehaviour =>
  () => ({ status, code, message });
export const hangUp: TwilioBehaviour = () => 'hang';
/** Fails the first `count` posts with `error`, then accepts. */
export function failFirst(count: number, error: TwilioError): TwilioBehaviour {
  let left = count;
  return () => (left-- > 0 ? error : 'accept');
}

/** How one status callback is sent; by default as Twilio would, to the message's StatusCallback. */
export interface CallbackOptions {
  /** Twilio's error code, sent as `ErrorCode` (e.g. 30003 on undelivered). */
  errorCode?: number;
  /** Sign with this token instead of the account's; `null` sends no signature at all. */
  signWith?: string | null;
  /** Post to this origin instead of StatusCallback's (the URL signed stays StatusCallback). */
  postTo?: string;
  /** More fields Twilio may send (`Price`, `PriceUnit`), signed with the rest. */
  fields?: Record<string, string>;
  /** Fields to add or override after signing: a body that no longer matches its signature. */
  tamper?: Record<string, string>;
}

/** A status callback the fake sent, and what otpd answered. */
export interface CallbackResult {
  status: number;
  body: any;
}

export interface FakeTwilio {
  /** `http://127.0.0.1:PORT`, for a provider's `baseUrl`. */
  url: string;
  /** Every authenticated Create Message post, oldest first. */
  posts: TwilioPost[];
  /** Requests refused for bad credentials. */
  readonly unauthorized: number;
  /** The `sid` of every message accepted, in order. */
  sids: string[];
  behave(behaviour: TwilioBehaviour): void;
  /**
   * Sends the status callback Twilio sends when message `sid` reaches `status`: a form post
   * to the StatusCallback its Create Message post named, signed (X-Twilio-Signature) with
   * the account's auth token by the official twilio library.
   */
  statusCallback(sid: string, status: string, options?: CallbackOptions): Promise<CallbackResult>;
  close(): Promise<void>;
}

const RESOURCES = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/;

/** Twilio's dates are RFC 2822: `Thu, 24 Aug 2023 05:01:45 +0000`. */
const rfc2822 = (date: Date) => date.toUTCString().replace('GMT', '+0000');

function errorBody(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/**
 * Twilio's Create Message endpoint as a real HTTP server on loopback. It knows the accounts
 * given as `{accountSid: authToken}`, checks HTTP Basic auth like Twilio (401, code 20003),
 * and answers accepted posts with 201 and a Twilio-shaped message resource.
 */
export async function startFakeTwilio(
  accounts: Record<string, string>,
  initial: TwilioBehaviour = accept,
): Promise<FakeTwilio> {
  let behaviour = initial;
  const posts: TwilioPost[] = [];
  const sids: string[] = [];
  const postOf = new Map<string, TwilioPost>();
  const state = { unauthorized: 0 };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = RESOURCES.exec(new URL(req.url ?? '/', 'http://fake').pathname);
      if (req.method !== 'POST' || !path) {
        send(404, errorBody(404, 20404, 'The requested resource was not found'));
        return;
      }
      const accountSid = decodeURIComponent(path[1] as string);
      const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
      const [user, ...rest] = Buffer.from(encoded ?? '', 'base64')
        .toString('utf8')
        .split(':');
      const token = accounts[accountSid];
      if (
        scheme !== 'Basic' ||
        user !== accountSid ||
        token === undefined ||
        rest.join(':') !== token
      ) {
        state.unauthorized++;
        send(401, errorBody(401, 20003, 'Authenticate'));
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const resource = path[2] as TwilioPost['resource'];
      const post: TwilioPost = {
        resource,
        accountSid,
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(raw)),
        raw,
      };
      posts.push(post);
      const outcome = behaviour(post);
      if (outcome === 'hang') return;
      if (outcome !== 'accept') {
        send(outcome.status, errorBody(outcome.status, outcome.code, outcome.message ?? ''));
        return;
      }
      const sid = `${resource === 'Calls' ? 'CA' : 'SM'}${randomBytes(16).toString('hex')}`;
      sids.push(sid);
      postOf.set(sid, post);
      const now = rfc2822(new Date());
      if (resource === 'Calls') {
        send(201, {
          account_sid: accountSid,
          api_version: '2010-04-01',
          date_created: now,
          date_updated: now,
          direction: 'outbound-api',
          from: post.form.From ?? null,
          sid,
          status: 'queued',
          to: post.form.To ?? '',
          uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
        });
        return;
      }
      const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}`;
      send(201, {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body: post.form.Body ?? '',
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: post.form.From ?? null,
        messaging_service_sid: post.form.MessagingServiceSid ?? null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: post.form.MessagingServiceSid ? 'accepted' : 'queued',
        subresource_uris: { media: `${uri}/Media.json` },
        to: post.form.To ?? '',
        uri: `${uri}.json`,
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    sids,
    get unauthorized() {
      return state.unauthorized;
    },
    behave(next) {
      behaviour = next;
    },
    async statusCallback(sid, status, options = {}) {
      const post = postOf.get(sid);
      const callback = post?.form.StatusCallback;
      if (!post || !callback) throw new Error(`message ${sid} asked for no status callback`);
      // A call's callback names the call and its CallStatus; a message's, the message.
      const named: Record<string, string> =
        post.resource === 'Calls'
          ? { CallSid: sid, CallStatus: status, Direction: 'outbound-api' }
          : { SmsSid: sid, SmsStatus: status, MessageStatus: status, MessageSid: sid };
      const form: Record<string, string> = {
        ...named,
        To: post.form.To ?? '',
        AccountSid: post.accountSid,
        From: post.form.From ?? '',
        ApiVersion: '2010-04-01',
        ...(options.errorCode === undefined ? {} : { ErrorCode: String(options.errorCode) }),
        ...options.fields,
      };
      const token = options.signWith === undefined ? accounts[post.accountSid] : options.signWith;
      const headers: Record<string, string> = {
        'content-type': 'application/x-www-form-urlencoded',
      };
      if (token !== null && token !== undefined) {
        headers['x-twilio-signature'] = twilio.getExpectedTwilioSignature(token, callback, form);
      }
      const target = new URL(callback);
      const url = options.postTo ? `${options.postTo}${target.pathname}${target.search}` : callback;
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ ...form, ...options.tamper }).toString(),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
