/**
 * Start a verification, read its code from the sandbox provider (which captures messages
 * instead of sending them), and check it.
 *
 *   OTPD_URL=http://localhost:8080 OTPD_API_KEY=otpd_… node --import tsx packages/client/examples/verify.ts +14155550100
 */
import { fileURLToPath } from 'node:url';
import { createOtpdClient, isProblem, type OtpdClient } from '../src/index.ts';

/** Reads the code of a verification from the sandbox, polling while the dispatcher sends it. */
export async function sandboxCode(otpd: OtpdClient, verificationId: string): Promise<string> {
  for (let poll = 0; poll < 100; poll++) {
    const { data } = await otpd.sandbox.messages({ limit: 100 });
    const message = data.find((m) => m.verificationId === verificationId);
    const code = message && /\b(\d{4,10})\b/.exec(message.body)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the sandbox captured no message for ${verificationId}`);
}

export async function verify(otpd: OtpdClient, to: string, log = console.log) {
  const started = await otpd.verifications.create({ to });
  log(`started ${started.id} to ${started.to}, expires ${started.expiresAt}`);

  const code = await sandboxCode(otpd, started.id);
  log(`the sandbox captured a code of ${code.length} digits`);

  const wrong = await otpd.verifications.check(started.id, code === '000000' ? '111111' : '000000');
  log(`a wrong code: valid=${wrong.valid}, ${wrong.attemptsRemaining} attempts left`);

  const right = await otpd.verifications.check(started.id, code);
  log(`the right code: valid=${right.valid}, status ${right.status}`);
  return right;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const baseUrl = process.env.OTPD_URL ?? 'http://localhost:8080';
  const apiKey = process.env.OTPD_API_KEY;
  if (!apiKey) {
    console.error('Set OTPD_API_KEY to an API key of the app (npx otpd apps create --name …).');
    process.exit(2);
  }
  const otpd = createOtpdClient({ baseUrl, apiKey });
  try {
    await verify(otpd, process.argv[2] ?? '+14155550100');
  } catch (error) {
    if (!isProblem(error)) throw error;
    console.error(`otpd answered ${error.status} ${error.code}: ${error.detail}`);
    for (const field of error.errors) console.error(`  ${field.field}: ${field.message}`);
    process.exit(1);
  }
}
