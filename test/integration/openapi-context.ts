import type { AppDialectIds } from '../../src/dialects/domain/dialect-ids.ts';
import type { FakeClock } from '../helpers/fake-clock.ts';
import type { FakeGateway } from '../helpers/fake-gateway.ts';
import type { FakeTwilio } from '../helpers/fake-twilio.ts';
import type { TestServer } from '../helpers/harness.ts';
import type { CallOperation } from './openapi-messenger-calls.ts';

/* What openapi-responses.test.ts hands the modules that exercise its operations. */

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
