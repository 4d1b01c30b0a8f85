import type { OutboundClient, OutboundResponse } from '../../ports/outbound.ts';
import { type OutboundMessage, ProviderError, type ProviderPlugin } from '../provider-ports.ts';
import { outboundFailure, parseJson } from './outbound-failure.ts';
import {
  callsUrl,
  messagesUrl,
  type TwilioProviderConfig,
  twilioProviderConfigSchema,
} from './twilio-provider-config.ts';
import { verificationTwiml } from './twilio-voice.ts';

/** A message resource is about 1 KB; an answer this big is not Twilio's. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface TwilioProviderDeps {
  outbound: OutboundClient;
}

/**
 * Twilio error codes seen at send time, described for the message log. Twilio's own `message`
 * is never used: it quotes the destination number (I6).
 */
const KNOWN_ERRORS: Record<number, string> = {
  20003: 'authentication failed: check accountSid and authToken',
  20404: 'the account or resource was not found: check accountSid and baseUrl',
  20429: 'too many requests',
  13224: 'the To number cannot be called',
  21211: 'the To number is not a valid phone number',
  21215: 'calling this region is not enabled on the account',
  21408: 'sending to this region is not enabled on the account',
  21606: 'the From number cannot send on this channel',
  21608: 'a trial account can only send to verified numbers',
  21610: 'the recipient has unsubscribed (replied STOP)',
  21612: 'Twilio cannot route from this sender to the To number',
  21614: 'the To number is not a mobile number',
};

const field = (document: unknown, name: string): unknown =>
  document !== null && typeof document === 'object'
    ? (document as Record<string, unknown>)[name]
    : undefined;

/**
 * A refusal, from Twilio's error body `{code, message, status, more_info}`.
 *
 * Retryable: 429 (and Twilio's 20429) ask us to slow down; 5xx and 408 are Twilio's own
 * passing trouble. Everything else is Twilio's considered answer and would be the same next
 * time: an invalid or unsubscribed number (21211, 21610, 21614), a region the account may not
 * send to (21408), a sender that cannot send (21606). A 401 (20003) means the credentials are
 * wrong; repeating them changes nothing and only piles failed logins on the account, so the
 * remedy is failover now and a settings fix by the operator. Not retryable still moves on to
 * the channel's next provider at once, which may reach the number where Twilio cannot.
 */
function refusal(response: OutboundResponse): ProviderError {
  const { status } = response;
  const twilioCode = field(parseJson(response.body), 'code');
  const code = typeof twilioCode === 'number' && Number.isInteger(twilioCode) ? twilioCode : null;
  const retryable = status >= 500 || status === 408 || status === 429 || code === 20429;
  const described = code === null ? undefined : KNOWN_ERRORS[code];
  const detail = described ?? (code === null ? 'no Twilio error code' : `Twilio error ${code}`);
  return new ProviderError(
    code === null ? `http_${status}` : `twilio_${code}`,
    retryable,
    `Twilio answered HTTP ${status}: ${detail}`,
    { status, body: response.body },
  );
}

/** The form Twilio's Create Message takes; WhatsApp addresses carry the `whatsapp:` prefix. */
function form(config: TwilioProviderConfig, message: OutboundMessage): URLSearchParams {
  const address = (number: string) =>
    message.channel === 'whatsapp' ? `whatsapp:${number}` : number;
  const fields = new URLSearchParams({ To: address(message.to) });
  if (config.messagingServiceSid !== undefined) {
    fields.set('MessagingServiceSid', config.messagingServiceSid);
  } else if (config.from !== undefined) {
    fields.set('From', address(config.from));
  }
  fields.set('Body', message.body);
  if (config.statusCallback !== undefined) fields.set('StatusCallback', config.statusCallback);
  return fields;
}

/**
 * The form of Twilio's Create Call: the rendered voice text said by the call's TwiML in the
 * verification's language. A call comes from a number, never a Messaging Service.
 */
function callForm(config: TwilioProviderConfig, message: OutboundMessage): URLSearchParams {
  if (config.from === undefined) {
    throw new ProviderError('voice_needs_from', false, 'a Twilio call needs the from number');
  }
  const fields = new URLSearchParams({
    To: message.to,
    From: config.from,
    Twiml: verificationTwiml(message.body, message.locale),
  });
  if (config.statusCallback !== undefined) fields.set('StatusCallback', config.statusCallback);
  return fields;
}

/**
 * Twilio Programmable Messaging for SMS and WhatsApp, and Programmable Voice for codes read
 * out in a call, through the guarded
 * outbound client. Logs nothing itself; its errors carry neither the token, the body (it holds
 * the code) nor Twilio's message text (it quotes the number) (I6).
 */
export const twilioProvider: ProviderPlugin<TwilioProviderConfig, TwilioProviderDeps> = {
  metadata: {
    type: 'twilio',
    name: 'Twilio',
    channels: ['sms', 'whatsapp', 'voice'],
    description:
      'Sends SMS and WhatsApp messages through Twilio Programmable Messaging, and reads codes ' +
      'out in calls through Programmable Voice.',
    secretFields: ['authToken'],
    destinationFields: ['baseUrl', 'accountSid'],
  },
  configSchema: twilioProviderConfigSchema,
  create: (config, deps) => createTwilioProvider(config, deps),
};

function createTwilioProvider(config: TwilioProviderConfig, deps: TwilioProviderDeps) {
  const credentials = Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64');
  return {
    name: config.name,
    async send(message: OutboundMessage) {
      const { channel } = message;
      if (channel !== 'sms' && channel !== 'whatsapp' && channel !== 'voice') {
        throw new ProviderError('unsupported_channel', false, `Twilio does not deliver ${channel}`);
      }
      const voice = channel === 'voice';
      const body = (voice ? callForm(config, message) : form(config, message)).toString();
      let response: OutboundResponse;
      try {
        response = await deps.outbound.request({
          method: 'POST',
          url: voice ? callsUrl(config) : messagesUrl(config),
          headers: {
            authorization: `Basic ${credentials}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body,
          timeoutMs: config.timeoutMs,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        });
      } catch (error) {
        throw outboundFailure(error, 'Twilio');
      }
      if (response.status < 200 || response.status > 299) throw refusal(response);
      // Any 2xx means Twilio took the message or call (it answers 201); without a readable sid
      // it is still sent, and sending it again would send it twice.
      const sid = field(parseJson(response.body), 'sid');
      return {
        providerMessageId: typeof sid === 'string' && sid !== '' ? sid : null,
        response: { status: response.status, body: response.body },
      };
    },
  };
}
