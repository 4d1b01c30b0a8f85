import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSignedPayload, signPayload, webhookSignature } from '../../domain/diyalog-signing.ts';

const SECRET = 'diyalog-bot-secret-5b1f0c9e';

describe('diyalog signing', () => {
  it('signs a hidden payload for its message with HMAC-SHA256, readable by the app', () => {
    const signed = signPayload(SECRET, 'msg-1', 'deny:tx.778');
    const expected = createHmac('sha256', SECRET).update('msg-1.deny:tx.778').digest('hex');
    expect(signed).toBe(`deny:tx.778.${expected}`);
    expect(openSignedPayload(SECRET, 'msg-1', signed)).toBe('deny:tx.778');
  });

  it('opens nothing signed for another message, under another secret, or altered', () => {
    const signed = signPayload(SECRET, 'msg-1', 'deny');
    expect(openSignedPayload(SECRET, 'msg-2', signed)).toBeUndefined();
    expect(openSignedPayload('another-secret-of-16', 'msg-1', signed)).toBeUndefined();
    expect(openSignedPayload(SECRET, 'msg-1', signed.replace('deny', 'allow'))).toBeUndefined();
    expect(openSignedPayload(SECRET, 'msg-1', `${signed}0`)).toBeUndefined();
    expect(openSignedPayload(SECRET, 'msg-1', 'deny')).toBeUndefined();
  });

  it('signs a forwarded body as Diyalog does: hex HMAC-SHA1 of the raw bytes', () => {
    const body = '{"object":"dialog","entry":[]}';
    expect(webhookSignature(SECRET, body)).toBe(
      createHmac('sha1', SECRET).update(body).digest('hex'),
    );
    expect(webhookSignature(SECRET, body)).toMatch(/^[0-9a-f]{40}$/);
  });
});
