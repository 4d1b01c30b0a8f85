/**
 * Retries of one HTTP request: a `fetch` that answers the last response or throws the last
 * network error. Only what cannot have changed anything on the server is repeated:
 * - 429 and 503, which otpd answers before acting, for every method;
 * - 409 `idempotency_key_in_progress`, for a request that carries an Idempotency-Key;
 * - a network error, only for GET and HEAD or a request with an Idempotency-Key (a replay of
 *   the first outcome), so a lost answer never spends a second check or sends a second code.
 */

export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retries off. Default 3. */
  maxAttempts?: number;
  /** First backoff when the server names no Retry-After, doubled each time. Default 250 ms. */
  baseDelayMs?: number;
  /**
   * The longest wait between attempts. A Retry-After longer than this is not waited for:
   * the error is thrown at once and its `retryAfter` says when to come back. Default 10 s.
   */
  maxDelayMs?: number;
  /** Waits `ms`; rejects when `signal` aborts. Default a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1) for jitter. Default Math.random. */
  random?: () => number;
  /** Milliseconds since the epoch, to read a Retry-After that is an HTTP date. Default Date.now. */
  now?: () => number;
}

type Policy = Required<RetryOptions>;

const DEFAULTS: Policy = {
  maxAttempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  sleep: abortableSleep,
  random: Math.random,
  now: Date.now,
};

export function retryPolicy(options: RetryOptions | false | undefined): Policy {
  if (options === false) return { ...DEFAULTS, maxAttempts: 1 };
  return { ...DEFAULTS, ...options };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * `Retry-After` in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3), never
 * negative; undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP date form opens with the weekday; Date.parse alone would take `-5` for a year.
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1` (`attempt` counts from 1), or undefined when
 * the server asks for longer than the policy waits. With Retry-After: at least that, plus up
 * to 10% jitter so clients told the same second do not return together. Without: exponential
 * backoff with equal jitter (half fixed, half random).
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | undefined,
  policy: Pick<Policy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number | undefined {
  if (retryAfterMs !== undefined) {
    if (retryAfterMs > policy.maxDelayMs) return undefined;
    return Math.min(policy.maxDelayMs, retryAfterMs + policy.random() * retryAfterMs * 0.1);
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + (policy.random() * ceiling) / 2;
}

function isKeyed(request: Request): boolean {
  return request.headers.has('idempotency-key');
}

function isSafe(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD' || isKeyed(request);
}

/** Whether a response says the same request may succeed later, per the rules above. */
async function answersRetry(request: Request, response: Response): Promise<boolean> {
  if (response.status === 429 || response.status === 503) return true;
  if (response.status !== 409 || !isKeyed(request)) return false;
  const body = await response
    .clone()
    .json()
    .catch(() => undefined);
  return (body as { code?: unknown } | undefined)?.code === 'idempotency_key_in_progress';
}

/** `send` with the policy's retries; each attempt sends a fresh copy of `request`. */
export function retryingFetch(
  send: (request: Request) => Promise<Response>,
  policy: Policy,
): (request: Request) => Promise<Response> {
  return async function fetchWithRetries(request) {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.maxAttempts;
      let response: Response;
      try {
        response = await send(request.clone());
      } catch (error) {
        if (last || request.signal.aborted || !isSafe(request)) throw error;
        const delay = retryDelay(attempt, undefined, policy) as number;
        await policy.sleep(delay, request.signal);
        continue;
      }
      if (last || !(await answersRetry(request, response))) return response;
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), policy.now());
      const delay = retryDelay(attempt, retryAfter, policy);
      if (delay === undefined) return response;
      await response.body?.cancel();
      await policy.sleep(delay, request.signal);
    }
  };
}
