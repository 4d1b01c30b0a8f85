import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/** Everything in the data dir is the service user's alone: hashes, destinations, the key. */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** The sticky bit: a shared directory such as /tmp, whose mode is not ours to change. */
const STICKY = 0o1000;

/**
 * Creates `dir` with mode 0700, or tightens an existing one to 0700 when group or others may
 * enter it. A shared sticky directory (/tmp) is left as it is: narrowing it would lock
 * every other user of the machine out.
 */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const { mode } = statSync(dir);
  if (mode & STICKY) return;
  if (mode & 0o077) chmodSync(dir, DIR_MODE);
}

/** Tightens each existing file to 0600 when group or others may read it; absent ones are skipped. */
export function tightenFiles(...files: string[]): void {
  for (const file of files) {
    if (existsSync(file) && statSync(file).mode & 0o077) chmodSync(file, FILE_MODE);
  }
}

/** Creates `file` empty with mode 0600 unless it exists, so it is never readable by others. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', FILE_MODE));
}
