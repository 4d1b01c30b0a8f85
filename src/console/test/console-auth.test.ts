import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  consoleClient,
  createAdmin,
  totpCode,
} from '../../../test/helpers/console-admin.ts';
import { createFakeClock } from '../../../test/helpers/fake-clock.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';

describe('console sign-in and sessions', () => {
  const clock = createFakeClock();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock, dispatcher: false });
    await createAdmin(server, 'Owner@Example.com');
  });
  afterAll(() => server.close());

  it('signs in: an HttpOnly, SameSite=Strict cookie on /console, stored only hashed', async () => {
    const browser = consoleClient(server.url);
    const signed = await browser.login('owner@example.com');
    expect(signed.status).toBe(200);
    expect(signed.body.admin).toMatchObject({
      email: 'owner@example.com',
      role: 'owner',
      totp: false,
    });
    const line = signed.headers.getSetCookie()[0] ?? '';
    expect(line).toMatch(/^otpd_console=[\w-]{43};/);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\/console/);
    expect(line).not.toMatch(/Secure/); // plain http here
    const me = await browser.call('GET', '/console/api/me');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(signed.body.csrfToken);
    expect(me.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(me.headers.get('x-content-type-options')).toBe('nosniff');
    expect(me.headers.get('referrer-policy')).toBe('no-referrer');
    expect(server.logs.join('\n')).not.toContain(browser.cookie.split('=')[1]);
  });

  it('the cookie is Secure when the request came over https (through a trusted proxy)', async () => {
    const behind = await startServer({
      dispatcher: false,
      env: { OTPD_TRUST_PROXY: '127.0.0.1/32' },
    });
    try {
      await createAdmin(behind, 'proxied@example.com');
      const login = (proto: string) =>
        fetch(`${behind.url}/console/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
          body: JSON.stringify({ email: 'proxied@example.com', password: ADMIN_PASSWORD }),
        });
      expect((await login('https')).headers.getSetCookie()[0]).toMatch(/; Secure/);
      expect((await login('http')).headers.getSetCookie()[0]).not.toMatch(/Secure/);
    } finally {
      await behind.close();
    }
  });

  it('answers an unknown email and a wrong password alike', async () => {
    const browser = consoleClient(server.url);
    const unknown = await browser.login('nobody@example.com', 'whatever password 1');
    const wrong = await browser.login('owner@example.com', 'whatever password 1');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const { detail: a, ...restA } = unknown.body;
    const { detail: b, ...restB } = wrong.body;
    expect(restA).toEqual(restB);
    expect(a).toBe(b);
    expect(unknown.body.code).toBe('console_login_failed');
  });

  it('refuses a change without the session CSRF token (403), takes it with', async () => {
    const browser = consoleClient(server.url);
    await browser.login('owner@example.com');
    const bare = await browser.change('/console/api/logout', undefined, null);
    expect(bare.status).toBe(403);
    expect(bare.body.code).toBe('csrf_token_invalid');
    const forged = await browser.change('/console/api/logout', undefined, 'x'.repeat(43));
    expect(forged.body.code).toBe('csrf_token_invalid');
    expect((await browser.call('GET', '/console/api/me')).status).toBe(200);
    const out = await browser.change('/console/api/logout');
    expect(out.status).toBe(204);
  });

  it('logout revokes the session in every copy of the cookie', async () => {
    const browser = consoleClient(server.url);
    await browser.login('owner@example.com');
    const copy = browser.cookie;
    await browser.change('/console/api/logout');
    const again = await fetch(`${server.url}/console/api/me`, { headers: { cookie: copy } });
    expect(again.status).toBe(401);
    expect((await again.json()).code).toBe('console_session_required');
    // A browser cannot answer a Bearer challenge: the console asks for none.
    expect(again.headers.get('www-authenticate')).toBeNull();
  });

  it('ends a session idle for 30 minutes, and any session 12 hours after sign-in', async () => {
    const idle = consoleClient(server.url);
    await idle.login('owner@example.com');
    clock.advance(29 * 60_000);
    expect((await idle.call('GET', '/console/api/me')).status).toBe(200);
    clock.advance(29 * 60_000);
    expect((await idle.call('GET', '/console/api/me')).status).toBe(200);
    clock.advance(30 * 60_000 + 1);
    expect((await idle.call('GET', '/console/api/me')).status).toBe(401);

    const busy = consoleClient(server.url);
    await busy.login('owner@example.com');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect((await busy.call('GET', '/console/api/me')).status).toBe(200);
    }
    clock.advance(20 * 60_000);
    expect((await busy.call('GET', '/console/api/me')).status).toBe(401);
  });

  it('takes its idle time from OTPD_CONSOLE_IDLE_MINUTES', async () => {
    const quick = createFakeClock();
    const strict = await startServer({
      clock: quick,
      dispatcher: false,
      env: { OTPD_CONSOLE_IDLE_MINUTES: '5', OTPD_CONSOLE_SESSION_HOURS: '1' },
    });
    try {
      await createAdmin(strict, 'strict@example.com');
      const browser = consoleClient(strict.url);
      const signed = await browser.login('strict@example.com');
      expect(signed.body.idleMinutes).toBe(5);
      expect(Date.parse(signed.body.expiresAt)).toBe(quick.now() + 3_600_000);
      quick.advance(5 * 60_000 + 1);
      expect((await browser.call('GET', '/console/api/me')).status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('locks an account after 5 failed sign-ins, with when to try again', async () => {
    await createAdmin(server, 'locked@example.com');
    const browser = consoleClient(server.url);
    for (let i = 0; i < 5; i++) {
      expect((await browser.login('locked@example.com', `wrong password ${i}xx`)).status).toBe(401);
    }
    const refused = await browser.login('locked@example.com');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.body.detail).toMatch(/try again in 15 minutes/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    clock.advance(15 * 60_000 + 1_000);
    expect((await browser.login('locked@example.com')).status).toBe(200);
  });

  it('a disabled admin is signed out at once and cannot sign in', async () => {
    await createAdmin(server, 'leaver@example.com');
    const browser = consoleClient(server.url);
    await browser.login('leaver@example.com');
    expect(await server.deps.console.admins.disable('Leaver@example.com')).toBeDefined();
    expect((await browser.call('GET', '/console/api/me')).status).toBe(401);
    expect((await browser.login('leaver@example.com')).status).toBe(401);
  });

  it('TOTP: enrol, confirm, then sign-in asks for a code; codes and recovery codes work once', async () => {
    await createAdmin(server, 'totp@example.com');
    const browser = consoleClient(server.url);
    await browser.login('totp@example.com');
    const enrolment = await browser.change('/console/api/totp');
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.uri).toMatch(/^otpauth:\/\/totp\/otpd:totp%40example\.com\?/);
    expect(enrolment.body.qrSvg).toMatch(/^<svg/);
    expect(enrolment.body.recoveryCodes).toHaveLength(10);
    const secret: string = enrolment.body.secret;
    const wrong = await browser.change('/console/api/totp/confirm', { code: '000000' });
    expect(wrong.body).toEqual({ enabled: totpCode(secret, clock) === '000000' });
    const confirmed = await browser.change('/console/api/totp/confirm', {
      code: totpCode(secret, clock),
    });
    expect(confirmed.body).toEqual({ enabled: true });
    expect((await browser.change('/console/api/totp/confirm', { code: '123456' })).status).toBe(
      409,
    );

    const next = consoleClient(server.url);
    const asked = await next.login('totp@example.com');
    expect(asked.status).toBe(401);
    expect(asked.body.code).toBe('console_totp_required');
    // The confirming code was spent: the same time step is refused.
    const replay = await next.login('totp@example.com', ADMIN_PASSWORD, totpCode(secret, clock));
    expect(replay.body.code).toBe('console_totp_invalid');
    clock.advance(30_000);
    const ok = await next.login('totp@example.com', ADMIN_PASSWORD, totpCode(secret, clock));
    expect(ok.status).toBe(200);
    expect(ok.body.admin.totp).toBe(true);

    const recovery: string = enrolment.body.recoveryCodes[0];
    const third = consoleClient(server.url);
    expect((await third.login('totp@example.com', ADMIN_PASSWORD, recovery)).status).toBe(200);
    const reused = await third.login('totp@example.com', ADMIN_PASSWORD, recovery);
    expect(reused.body.code).toBe('console_totp_invalid');
    // A wrong password with a right code is still the same refusal as any wrong password.
    clock.advance(30_000);
    const badPassword = await third.login(
      'totp@example.com',
      'not the password 1',
      totpCode(secret, clock),
    );
    expect(badPassword.body.code).toBe('console_login_failed');
  });

  it('serves the page with a strict CSP: no inline script, no framing', async () => {
    const page = await fetch(`${server.url}/console`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/console-[\w-]+\.js">/);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
  });
});
