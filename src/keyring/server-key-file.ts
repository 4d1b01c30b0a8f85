import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparePrivateDir, tightenFiles } from '../database/private-files.ts';

export const SERVER_KEY_FILE = 'server.key';

/**
 * The embedded mode's server secret: read from `<dataDir>/server.key`, or created there on
 * first start with 32 random bytes and mode 0600. The key is written whole to a private
 * temporary file and then hard-linked into place, which fails if the file exists: two
 * processes starting at once agree on one key and neither reads a half-written file.
 */
export function loadOrCreateServerSecret(dataDir: string): string {
  const file = join(dataDir, SERVER_KEY_FILE);
  preparePrivateDir(dataDir);
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  // A key file copied in or restored by hand is made the service user's alone again.
  tightenFiles(file);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable key (under 32 characters)`);
  return secret;
}
