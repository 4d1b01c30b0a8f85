import { randomBytes, randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Twilio Verify verification as the fake keeps it. */
export interface FakeVerification {
  sid: string;
  to: string;
  channel: string;
  code: string;
  status: 'pending' | 'approved' | 'canceled';
}

export interface FakeTwilioVerify {
  /** `http://127.0.0.1:PORT`, for `baseUrl`. */
  url: string;
  verifications: FakeVerification[];
  /** Every VerificationCheck form, decoded. */
  checks: Record<string, string>[];
  /** Requests refused for bad credentials. */
  readonly unauthorized: number;
  /** The newest verification of a number. */
  latest(to: string): FakeVerification;
  close(): Promise<void>;
}

const VERIFICATIONS = /^\/v2\/Services\/([^/]+)\/Verifications$/;
const CHECK = /^\/v2\/Services\/([^/]+)\/VerificationCheck$/;

/**
 * Twilio Verify's start and check endpoints as a real HTTP server on loopback. It knows one
 * account and service, checks Basic auth like Twilio (401, code 20003), makes a 6-digit code
 * per verification (a new one to the same number replaces it, as Twilio does after a
 * resend), approves a right code once, and answers 404 (20404) for a verification that is
 * no longer pending.
 */
export async function startFakeTwilioVerify(account: {
  accountSid: string;
  authToken: string;
  serviceSid: string;
}): Promise<FakeTwilioVerify> {
  const verifications: FakeVerification[] = [];
  const checks: Record<string, string>[] = [];
  const state = { unauthorized: 0 };
  const expected = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, code: number) =>
        send(status, { code, message: `error ${code}`, status });
      if (req.headers.authorization !== expected) {
        state.unauthorized++;
        return error(401, 20003);
      }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const start = VERIFICATIONS.exec(req.url ?? '');
      const check = CHECK.exec(req.url ?? '');
      if (req.method !== 'POST' || (start ?? check)?.[1] !== account.serviceSid) {
        return error(404, 20404);
      }
      if (start) {
        for (const old of verifications) {
          if (old.to === form.To && old.status === 'pending') old.status = 'canceled';
        }
        const made: FakeVerification = {
          sid: `VE${randomBytes(16).toString('hex')}`,
          to: String(form.To),
          channel: String(form.Channel),
          code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
          status: 'pending',
        };
        verifications.push(made);
        return send(201, {
          sid: made.sid,
          service_sid: account.serviceSid,
          account_sid: account.accountSid,
          to: made.to,
          channel: made.channel,
          status: 'pending',
          valid: false,
        });
      }
      checks.push(form);
      const found = verifications.find((v) =>
        form.VerificationSid ? v.sid === form.VerificationSid : v.to === form.To,
      );
      if (found?.status !== 'pending') return error(404, 20404);
      if (found.code === form.Code) found.status = 'approved';
      send(200, {
        sid: found.sid,
        to: found.to,
        channel: found.channel,
        status: found.status,
        valid: found.status === 'approved',
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    verifications,
    checks,
    get unauthorized() {
      return state.unauthorized;
    },
    latest(to) {
      const found = verifications.filter((v) => v.to === to).at(-1);
      if (!found) throw new Error(`no verification for ${to}`);
      return found;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
