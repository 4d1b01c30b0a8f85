import type { Client } from './http-client.ts';

/**
 * Polls the sandbox outbox of `client`'s app for the code sent for a verification, every
 * 20 ms for up to `attempts` reads.
 */
export async function readSandboxCode(
  client: Client,
  verificationId: string,
  attempts = 250,
): Promise<string> {
  for (let i = 0; i < attempts; i++) {
    const { body } = await client.get('/v1/sandbox/messages?limit=100');
    const message = body.data?.find(
      (m: { verificationId: string }) => m.verificationId === verificationId,
    );
    if (message) {
      const code = /\b(\d{4,10})\b/.exec(message.body)?.[1];
      if (!code) throw new Error(`no code in "${message.body}"`);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no sandbox message for ${verificationId}`);
}
