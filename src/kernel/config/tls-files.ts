import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { Config } from './config-schema.ts';

/** The certificate and key as a TLS server takes them, when otpd serves https itself. */
export function tlsFiles(config: Config): { cert: Buffer; key: Buffer } | undefined {
  if (!config.OTPD_TLS_CERT_FILE || !config.OTPD_TLS_KEY_FILE) return undefined;
  return {
    cert: readFileSync(config.OTPD_TLS_CERT_FILE),
    key: readFileSync(config.OTPD_TLS_KEY_FILE),
  };
}

/** Why the two TLS files cannot serve together (not PEM, or a key of another certificate). */
export function tlsMismatch(config: Config): string | undefined {
  let files: ReturnType<typeof tlsFiles>;
  try {
    files = tlsFiles(config);
  } catch {
    return undefined; // an unreadable file is reported on its own variable
  }
  if (!files) return undefined;
  try {
    createSecureContext(files);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
