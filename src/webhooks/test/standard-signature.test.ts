import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signStandardWebhook } from '../domain/standard-signature.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SENT_AT = new Date('2026-12-06T10:00:00.500Z');

describe('Standard Webhooks signature', () => {
  it('is the one the reference library makes and verifies', () => {
    const body = '{"type":"verification.created","data":{"to":"+90 555 — ü"}}';
    const signature = signStandardWebhook(SECRET, 'evt_1', SENT_AT, body);
    expect(signature).toBe(new Webhook(SECRET).sign('evt_1', SENT_AT, body));
    const headers = {
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': signStandardWebhook(SECRET, 'evt_1', new Date(), body),
    };
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('signs with each secret its own key, however many secrets came before', () => {
    const other = 'whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY';
    const first = signStandardWebhook(SECRET, 'evt_2', SENT_AT, '{}');
    expect(signStandardWebhook(other, 'evt_2', SENT_AT, '{}')).toBe(
      new Webhook(other).sign('evt_2', SENT_AT, '{}'),
    );
    expect(signStandardWebhook(SECRET, 'evt_2', SENT_AT, '{}')).toBe(first);
    expect(first).not.toBe(signStandardWebhook(other, 'evt_2', SENT_AT, '{}'));
  });

  it('takes a secret without its whsec_ prefix as the library does', () => {
    const bare = SECRET.slice('whsec_'.length);
    expect(signStandardWebhook(bare, 'evt_3', SENT_AT, 'x')).toBe(
      new Webhook(SECRET).sign('evt_3', SENT_AT, 'x'),
    );
  });
});
