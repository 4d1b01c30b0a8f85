import type { AppDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import type { FakeGateway } from '../helpers/fake-gateway.ts';
import type { FakeTwilio } from '../helpers/fake-twilio.ts';
import type { TestServer } from '../helpers/harness.ts';

/* What openapi-responses.test.ts hands the modules that exercise its operations. */

/** One request of openapi-responses.test.ts, checked there against the document. */
export interface Call {
  params?: Record<string, string>;
  query?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is, with the content type in `headers`. */
  body?: unknown;
  /** Default: the credential the operation's security names; `none` sends none. */
  auth?: 'none' | string;
  /** An endless answer (Server-Sent Events): only its first chunk is read. */
  stream?: boolean;
}

export interface Exchange {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export type CallOperation = (
  operationId: string,
  expected: number,
  request?: Call,
) => Promise<Exchange>;

export const ACCOUNT = `AC${'7d'.repeat(16)}`;
export const TOKEN = 'openapi-twilio-token-41c0e2aa';
export const RECEIPT_TOKEN = 'openapi-receipt-token-8e1f55d0';
export const WEBHOOK_SECRET = `whsec_${Buffer.from('openapi-webhook-secret-0123').toString('base64')}`;

/** The documented app, the fakes it sends to, and `call`, which checks each answer. */
export interface OpenApiContext {
  server: TestServer;
  clock: FakeClock;
  twilio: FakeTwilio;
  gateway: FakeGateway;
  appId: string;
  apiKey: string;
  ids: AppDialectIds;
  call: CallOperation;
  /** A destination no earlier request used. */
  nextNumber(): string;
}

/** A form-encoded body, as the Twilio compatible API and Twilio's receipts send. */
export const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
