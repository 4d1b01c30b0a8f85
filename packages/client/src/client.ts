import createClient, { type Client } from 'openapi-fetch';
import { idempotencyKeys } from './idempotency.ts';
import { OtpdProblemError } from './problem.ts';
import { type RetryOptions, retryingFetch, retryPolicy } from './retry.ts';
import type { components, operations, paths } from './schema.d.ts';

export type Verification = components['schemas']['Verification'];
export type CheckResult = components['schemas']['CheckResult'];
export type StartVerification =
  operations['startVerification']['requestBody']['content']['application/json'];
export type CheckByDestination =
  operations['checkVerificationByDestination']['requestBody']['content']['application/json'];
/** The log's filters; exports (`format`) are streams, read through `api`. */
export type MessageQuery = Omit<
  NonNullable<operations['listMessages']['parameters']['query']>,
  'format'
>;
export type MessagePage =
  operations['listMessages']['responses'][200]['content']['application/json'];
export type VerificationMessages =
  operations['listVerificationMessages']['responses'][200]['content']['application/json'];
export type SandboxQuery = NonNullable<operations['listSandboxMessages']['parameters']['query']>;
export type SandboxMessages =
  operations['listSandboxMessages']['responses'][200]['content']['application/json'];

export interface OtpdClientOptions {
  /** Where otpd answers, e.g. `https://otp.example.com`. */
  baseUrl: string;
  /** An API key of the app, sent as `Authorization: Bearer`. */
  apiKey: string;
  /** Retries of 429, 503 and lost answers (retry.ts); `false` sends each request once. */
  retry?: RetryOptions | false;
  /** Replaces the global fetch, e.g. to add a proxy agent or trust a certificate. */
  fetch?: (request: Request) => Promise<Response>;
}

export interface CallOptions {
  /** Aborts the call, its retries and the waits between them. */
  signal?: AbortSignal;
}

export interface KeyedCallOptions extends CallOptions {
  /**
   * The call's Idempotency-Key; default a new random UUID per call. Pass your own to make a
   * repeat of the call after a crash of your process return the first outcome.
   */
  idempotencyKey?: string;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer, or the answer's problem as an OtpdProblemError. */
async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw OtpdProblemError.from(response, error);
  return data as T;
}

function keyHeader(options: KeyedCallOptions | undefined) {
  return options?.idempotencyKey === undefined
    ? undefined
    : { 'idempotency-key': options.idempotencyKey };
}

/**
 * A client of otpd's native API. `api` is the typed openapi-fetch client for every
 * operation; the named methods cover the verification flow and throw OtpdProblemError for
 * every error answer.
 */
export function createOtpdClient(options: OtpdClientOptions) {
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const api: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.apiKey}` },
    fetch: retryingFetch(send, retryPolicy(options.retry)),
  });
  api.use(idempotencyKeys());

  const verifications = {
    /** Starts a verification: a code is generated and its delivery queued. */
    create: (body: StartVerification, call?: KeyedCallOptions): Promise<Verification> =>
      unwrap(
        api.POST('/v1/verifications', {
          body,
          params: { header: keyHeader(call) },
          signal: call?.signal,
        }),
      ),
    /** Reads a verification, finished or not. */
    get: (id: string, call?: CallOptions): Promise<Verification> =>
      unwrap(api.GET('/v1/verifications/{id}', { params: { path: { id } }, signal: call?.signal })),
    /** Checks a code; a wrong code is `{valid: false, reason}`, not an error. */
    check: (id: string, code: string, call?: KeyedCallOptions): Promise<CheckResult> =>
      unwrap(
        api.POST('/v1/verifications/{id}/check', {
          body: { code },
          params: { path: { id }, header: keyHeader(call) },
          signal: call?.signal,
        }),
      ),
    /** Checks a code against the newest pending verification of a destination. */
    checkDestination: (body: CheckByDestination, call?: KeyedCallOptions): Promise<CheckResult> =>
      unwrap(
        api.POST('/v1/verifications/check', {
          body,
          params: { header: keyHeader(call) },
          signal: call?.signal,
        }),
      ),
    /** Sends a new code; the previous one stops working. */
    resend: (id: string, call?: CallOptions): Promise<Verification> =>
      unwrap(
        api.POST('/v1/verifications/{id}/resend', {
          body: {},
          params: { path: { id } },
          signal: call?.signal,
        }),
      ),
    /** Cancels a pending verification. */
    cancel: (id: string, call?: CallOptions): Promise<Verification> =>
      unwrap(
        api.POST('/v1/verifications/{id}/cancel', {
          params: { path: { id } },
          signal: call?.signal,
        }),
      ),
    /** Every delivery attempt of a verification. */
    messages: (id: string, call?: CallOptions): Promise<VerificationMessages> =>
      unwrap(
        api.GET('/v1/verifications/{id}/messages', {
          params: { path: { id } },
          signal: call?.signal,
        }),
      ),
  };

  const messages = {
    /** A page of the message log, newest first; pass `cursor: nextCursor` for the next. */
    list: async (query: MessageQuery = {}, call?: CallOptions): Promise<MessagePage> => {
      const page = await unwrap(
        api.GET('/v1/messages', { params: { query }, signal: call?.signal }),
      );
      // Without `format` the answer is the JSON page; the text forms are the exports.
      return page as MessagePage;
    },
  };

  const sandbox = {
    /** Messages the sandbox provider captured instead of sending, newest first. */
    messages: (query: SandboxQuery = {}, call?: CallOptions): Promise<SandboxMessages> =>
      unwrap(api.GET('/v1/sandbox/messages', { params: { query }, signal: call?.signal })),
  };

  return { api, verifications, messages, sandbox };
}

export type OtpdClient = ReturnType<typeof createOtpdClient>;
