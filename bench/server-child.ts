import { type ChildProcess, fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, SERVER_ENTRY_POINTS } from '../scripts/build-server.mjs';
import { SERVER_NODE_FLAGS } from '../src/kernel/node-flags.ts';
import type { ReadyMessage } from './server.ts';

export const ROOT = join(import.meta.dirname, '..');
/** git-ignored: server logs, CPU profiles and the compiled bench server. */
export const OUT_DIR = join(ROOT, '.bench');
const SERVER_SCRIPT = join(OUT_DIR, 'server.mjs');

/**
 * Compiles bench/server.ts as `npm start`'s server is compiled (scripts/build-server.mjs),
 * into .bench/server.mjs with the checkpoints' worker beside it: the bench measures the
 * JavaScript otpd runs as, not TypeScript compiled as it loads.
 */
export function buildBenchServer(): Promise<void> {
  return buildServer(
    {
      server: 'bench/server.ts',
      'wal-checkpoint-worker': SERVER_ENTRY_POINTS['wal-checkpoint-worker'],
    },
    OUT_DIR,
  );
}

/** A running bench/server.ts child and the IPC to it. */
export interface ServerChild {
  ready: ReadyMessage;
  child: ChildProcess;
  /** Sends a command and waits for the child's answer of type `answer`. */
  ask<T = unknown>(command: object, answer: string): Promise<T>;
  stop(): Promise<void>;
}

/** Work to undo before the process exits, however it exits (servers, throw-away databases). */
const cleanups: (() => Promise<void>)[] = [];

export function onExit(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export async function exitAfterCleanup(code: number): Promise<never> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error) => process.stderr.write(`bench: cleanup failed: ${error}\n`));
  }
  process.exit(code);
}

/**
 * Forks the compiled bench/server.ts (`buildBenchServer`) for one server with `env` added;
 * its stdout and stderr go to .bench/<name>-server.log; it must be ready within
 * `startTimeoutSeconds`. A child that exits while it is measured ends the bench (exit 1): its
 * figures would be meaningless. Stopped at the latest when the bench exits.
 */
export function startServer(
  kind: 'hello' | 'minimal' | 'otpd',
  name: string,
  env: Record<string, string>,
  startTimeoutSeconds = 60,
): Promise<ServerChild> {
  const log = openSync(join(OUT_DIR, `${name}-server.log`), 'w');
  const child = fork(SERVER_SCRIPT, [kind], {
    // As `npm start` runs the server: its memory is part of what the bench measures.
    execArgv: [...SERVER_NODE_FLAGS],
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log, 'ipc'],
  });
  let state: 'starting' | 'running' | 'stopping' = 'starting';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} server did not start in ${startTimeoutSeconds} s`)),
      startTimeoutSeconds * 1000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      const problem = `${name} server exited with ${code}; see .bench/${name}-server.log`;
      if (state === 'starting') reject(new Error(problem));
      else if (state === 'running') {
        process.stderr.write(`bench: ${problem}\n`);
        void exitAfterCleanup(1);
      }
    });
    child.once('message', (ready: ReadyMessage) => {
      clearTimeout(timer);
      state = 'running';
      const server: ServerChild = {
        ready,
        child,
        ask: <T>(command: object, answer: string) =>
          new Promise<T>((done) => {
            const listen = (message: { type?: string }) => {
              if (message?.type !== answer) return;
              child.off('message', listen);
              done(message as T);
            };
            child.on('message', listen);
            child.send(command);
          }),
        async stop() {
          if (state === 'stopping') return exited.then(() => undefined);
          state = 'stopping';
          child.send({ type: 'stop' });
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timeout);
        },
      };
      onExit(() => server.stop());
      resolve(server);
    });
  });
}
