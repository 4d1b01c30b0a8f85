import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

type RequestOptions<T> = RequestClient.RequestOptions<T>;

/**
 * The official Twilio client, its requests to verify.twilio.com rewritten to an otpd's
 * `/twilio` prefix (or any base): exactly what Twilio's SDK sends, and nothing leaves the host.
 */
export function twilioSdk(base: string, accountSid: string, apiKey: string) {
  class RewritingClient extends twilio.RequestClient {
    override request<T>(opts: RequestOptions<T>) {
      const uri = opts.uri.replace(/^https:\/\/verify\.twilio\.com/, base);
      return super.request<T>({ ...opts, uri });
    }
  }
  return twilio(accountSid, apiKey, { httpClient: new RewritingClient() });
}

/** What the SDK throws for an error answer: Twilio's RestException fields. */
export async function twilioFailure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; code: number; message: string; moreInfo: string };
    return { status: e.status, code: e.code, message: e.message, moreInfo: e.moreInfo };
  }
  throw new Error('expected the Twilio client to throw');
}
