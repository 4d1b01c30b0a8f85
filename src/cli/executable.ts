import { type CliIo, runCli } from './main.ts';

/** The `otpd` executable: real stdout, stderr and environment. */
export async function cliMain(argv: string[]): Promise<void> {
  // A reader that stopped reading (`otpd keys list | head -1`) ends the command quietly, as
  // Unix tools do, instead of an unhandled EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    env: process.env,
    stdin: readStdin,
  };
  try {
    const code = await runCli(argv, io);
    // `serve` keeps running; everything else exits with its code.
    if (argv[0] !== 'serve') process.exitCode = code;
  } catch (error) {
    process.stderr.write(`otpd: ${error instanceof Error ? error.message : error}\n`);
    process.exitCode = 1;
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
