import { randomInt } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake validator answers a check. */
export type ValidatorMode =
  /** 200 `{"valid": true|false}`, from the code the sender made. */
  | 'honest'
  /** 200 `{"valid": true}` whatever the code. */
  | 'success'
  /** 200 `{"valid": false}` whatever the code. */
  | 'failure'
  /** 200 with a body that is not JSON. */
  | 'garbage'
  /** 503. */
  | 'error'
  /** Never answers in time (holds the request open). */
  | 'slow';

/** A code the fake sender made and "sent" to a person. */
export interface SentCode {
  reference: string;
  to: string;
  code: string;
}

export interface FakeCodeService {
  /** `http://127.0.0.1:PORT`: `POST /send {to}` makes a code; `POST /check {reference, code}`. */
  url: string;
  /** Every code made, oldest first: what the person received. */
  sent: SentCode[];
  /** Every request body received at /send and /check, as sent. */
  sendBodies: string[];
  checkBodies: string[];
  validator(mode: ValidatorMode): void;
  /** The newest code made for a destination. */
  codeFor(to: string): SentCode;
  close(): Promise<void>;
}

/**
 * A third-party OTP service as a real HTTP server on loopback: a sender that makes its own
 * codes (answers `{"ok": true, "ref": "ref-N"}`) and a validator for them whose answers each
 * test sets: right or wrong by the code, always yes, always no, garbage, 5xx, or too slow.
 */
export async function startFakeCodeService(): Promise<FakeCodeService> {
  let mode: ValidatorMode = 'honest';
  const sent: SentCode[] = [];
  const sendBodies: string[] = [];
  const checkBodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      let input: Record<string, string> = {};
      try {
        input = JSON.parse(raw);
      } catch {}
      if (req.url === '/send') {
        sendBodies.push(raw);
        const made = {
          reference: `ref-${sent.length + 1}`,
          to: String(input.to),
          code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
        };
        sent.push(made);
        return json(200, { ok: true, ref: made.reference });
      }
      if (req.url === '/check') {
        checkBodies.push(raw);
        switch (mode) {
          case 'honest': {
            const made = sent.find((s) => s.reference === input.reference);
            return json(200, { valid: made !== undefined && made.code === input.code });
          }
          case 'success':
            return json(200, { valid: true });
          case 'failure':
            return json(200, { valid: false });
          case 'garbage':
            res.writeHead(200, { 'content-type': 'text/html' });
            return res.end('<html>Service temporarily moved</html>');
          case 'error':
            return json(503, { error: 'down' });
          case 'slow':
            return; // never answers; the caller's timeout ends it
        }
      }
      json(404, { error: 'no such route' });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    sendBodies,
    checkBodies,
    validator(next) {
      mode = next;
    },
    codeFor(to) {
      const made = sent.filter((s) => s.to === to).at(-1);
      if (!made) throw new Error(`no code was sent to ${to}`);
      return made;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
