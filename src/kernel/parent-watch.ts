/**
 * `npx otpd serve` (npm exec) runs the server through a shell that does not pass signals on:
 * a supervisor's SIGTERM to npm ends npm and the shell, and the server would run on, orphaned
 * and still holding its port. So a server started by npm exec watches the process that started
 * it and, once that is gone, stops as on SIGTERM. Only then: a server a shell started in the
 * background (`otpd serve &`) is orphaned on purpose and must run on.
 */
export function stopWhenParentExits(
  stop: () => void,
  { env = process.env, intervalMs = 1000 }: { env?: NodeJS.ProcessEnv; intervalMs?: number } = {},
): void {
  if (env.npm_command !== 'exec') return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, intervalMs);
  // The watch alone never keeps the process alive.
  timer.unref();
}
