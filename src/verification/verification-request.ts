import type { Channel } from '../kernel/recipients.ts';
import type { AppSettings } from '../settings/domain/settings.ts';

/** What a caller asks for when it starts a verification; the app's settings fill the rest. */
export interface StartVerification {
  to: string;
  channel?: Channel;
  locale?: string;
  country?: string;
  codeLength?: number;
  ttlSeconds?: number;
  txCode?: string;
  deviceId?: string;
  messageId?: string;
  metadata?: Record<string, unknown>;
  content?: string;
  /** The Android SMS Retriever hash for this verification's SMS, over the app's setting. */
  androidAppHash?: string;
  /** The end user's IP for the per-IP limits: `clientIp`, else the request's own address. */
  clientIp?: string;
  /**
   * The app's own code (Twilio's CustomCode), sent and checked in place of a generated one:
   * hashed and handled like any code. Refused on a channel whose sender makes its codes.
   */
  code?: string;
}

/** The parts of an app's settings that shape a new verification. */
export type AppDefaults = Pick<AppSettings, 'verification' | 'defaultLocale' | 'preferredCountry'>;
