import { randomBytes, randomInt } from 'node:crypto';

/**
 * How an app is known to the compatible APIs: Twilio's account and service SIDs and Beem's
 * numeric app id. Assigned once when the app is created, unique across apps, never reused.
 */
export interface AppDialectIds {
  /** `AC` + 32 lowercase hex: the Basic-auth username of the Twilio Verify API. */
  twilioAccountSid: string;
  /** `VA` + 32 lowercase hex: the `ServiceSid` in Twilio Verify paths. */
  twilioServiceSid: string;
  /** Beem's `appId`: nine digits, so it fits a 32-bit integer column on every database. */
  beemAppId: number;
}

/** Fresh random identities (128 bits per SID; one in 900 million for the Beem id). */
export function newDialectIds(): AppDialectIds {
  return {
    twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
    twilioServiceSid: `VA${randomBytes(16).toString('hex')}`,
    beemAppId: randomInt(100_000_000, 1_000_000_000),
  };
}
