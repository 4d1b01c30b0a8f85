import { describe, expect, it } from 'vitest';
import { rateLimitKey } from '../rate-limiter-ports.ts';

describe('rateLimitKey', () => {
  it('joins the app id, the limit and its subject', () => {
    expect(rateLimitKey('app_1', 'createPerClientIp', '203.0.113.7')).toBe(
      'app_1:createPerClientIp:203.0.113.7',
    );
    expect(rateLimitKey('app_1', 'sendsPerDestination', '+905551234567')).toBe(
      'app_1:sendsPerDestination:%2B905551234567',
    );
  });

  it('never gives two different part lists the same key', () => {
    const lists = [
      ['app_1', 'failedChecks', '+90555', '2001:db8::1'],
      ['app_1', 'failedChecks', '+90555:2001', 'db8::1'],
      ['app_1:failedChecks', '+90555', '2001:db8::1'],
      ['app_1', 'failedChecks:+90555', '2001:db8::1'],
      ['app_1', 'failedChecks', '+90555%3A2001', 'db8::1'],
      ['app_1', 'failedChecks', '', '+90555'],
      ['app_1', 'failedChecks', '+90555'],
    ];
    const keys = lists.map(([app, limit, ...subject]) =>
      rateLimitKey(app as string, limit as string, ...subject),
    );
    expect(new Set(keys).size).toBe(lists.length);
  });
});
