import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino censors wherever they appear, as a second line of defence (I6): the code
 * itself never passes plaintext codes, keys or secrets to the logger.
 */
const REDACT = [
  'code',
  '*.code',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  'body',
  '*.body',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'otpd' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type { Logger };
