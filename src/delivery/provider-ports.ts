import type { z } from 'zod';
import type { Channel } from '../kernel/recipients.ts';
import type { ProviderEntry } from '../settings/domain/settings.ts';
import type { ChatMessage } from '../verification/domain/chat-message.ts';

/** What a provider is asked to deliver. The body already contains the code. */
export interface OutboundMessage {
  appId: string;
  verificationId: string;
  channel: Channel;
  to: string;
  body: string;
  locale: string;
  /**
   * The plaintext code on its own, for gateways that take it apart from the text (the http
   * provider's `{{code}}`). Like `body`, it must never be logged or stored (I1, I6). Absent,
   * with an empty `body`, when the sender makes its own code (`Provider.generatesCode`).
   */
  code?: string;
  /** The app's own id for this message (the verification's `messageId`), when it gave one. */
  messageId?: string | null;
  /** The app's name, as `{{app}}` renders it in the body (an email provider's subject uses it). */
  appName?: string;
  /**
   * A chat message's image and buttons, when the app wrote the message (its text is `body`):
   * the http provider's `{{imageUrl}}` and `"{{buttons}}"`. Providers without them send the text.
   */
  chat?: Pick<ChatMessage, 'imageUrl' | 'buttons'>;
}

export interface ProviderReceipt {
  /** The provider's own id for the message, when it returns one. */
  providerMessageId: string | null;
  /**
   * A sender that makes its own code: its id for that code (`referencePointer`, a Twilio
   * Verify SID), which the app's validator is later asked with.
   */
  reference?: string | null;
  /** The gateway's answer, for `test-send`. */
  response?: GatewayResponse;
}

/**
 * A gateway's answer as received, so an admin trying a configuration sees what the gateway
 * said. It may quote the destination, the code or credentials: it is shown only to the
 * app's own key (secrets masked) and never logged (I6).
 */
export interface GatewayResponse {
  status: number;
  body: string;
}

/** A delivery route. Stateless after creation; throws only `ProviderError`. */
export interface Provider {
  readonly name: string;
  /**
   * The provider makes and sends its own code (integration mode 3): it is given none, and
   * its receipt names the code by `reference` for the app's validator.
   */
  readonly generatesCode?: boolean;
  /**
   * Where its calls go (type and host), shared by every app that reaches the same service:
   * the key of the per-provider concurrency cap. Absent: its name.
   */
  readonly route?: string;
  send(message: OutboundMessage): Promise<ProviderReceipt>;
}

/** The one way a provider fails: a stable code, and whether trying again may help. */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    message: string = code,
    /** The gateway's answer when there was one, for `test-send`; never logged. */
    readonly response?: GatewayResponse,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}

export interface ProviderMetadata {
  type: string;
  name: string;
  channels: readonly Channel[];
  description: string;
  /**
   * Config fields that hold secrets, as dotted paths into the config (`authToken`,
   * `request.headers.*`, `vars.apiKey`); `*` matches any key or index, and a path naming an
   * object or array covers every string beneath it. App settings store these encrypted and
   * show them masked. Keys with well-known secret names (`Authorization`, `password`,
   * `apiKey`, `secret`, … — see domain/settings-secrets.ts) are secret even if not listed.
   */
  secretFields?: readonly string[];
  /**
   * Config fields that decide where the secrets travel (a URL, host, port, base URL, the
   * account they log in to), dotted like `secretFields` but matched ignoring case; a
   * `{{placeholder}}` in one brings in the var it names. When any of them changes, masked
   * secrets sent back are refused and must be re-entered (see domain/settings-destinations.ts).
   * None declared: every field counts, so any change to the entry refuses masked secrets.
   */
  destinationFields?: readonly string[];
}

/**
 * A provider plug-in: what it is, how its settings are validated, and how to build a
 * provider from valid settings and the services it may use. `configSchema` must be a zod
 * object (the registry extends it with `type` for app settings and OpenAPI); list the
 * plug-in in providers/registry.ts to make it configurable.
 */
export interface ProviderPlugin<Config, Deps> {
  metadata: ProviderMetadata;
  configSchema: { parse(input: unknown): Config };
  /**
   * Whether a provider of this config makes its own code (see `Provider.generatesCode`);
   * none means never. App settings use it to require a validator for such a channel.
   */
  generatesCode?(config: Config): boolean;
  create(config: Config, deps: Deps): Provider;
}

/** Every provider plug-in otpd knows, by type: how to validate, describe and create one. */
export interface ProviderRegistry {
  /** The types it knows, in list order. */
  readonly types: readonly string[];
  /** Each plug-in's metadata, in list order. */
  readonly metadata: readonly ProviderMetadata[];
  /** One `channels.*.providers[]` entry: `{type, …}` validated by that type's configSchema. */
  readonly entrySchema: z.ZodType<ProviderEntry>;
  /** The secret field paths a type declares (`metadata.secretFields`); none for unknown types. */
  secretFieldsOf(type: string): readonly string[];
  /** The fields that decide where a type's secrets travel; undefined when it declares none. */
  destinationFieldsOf(type: string): readonly string[] | undefined;
  /** Whether a validated entry's provider makes its own code (integration mode 3). */
  generatesCode(entry: ProviderEntry): boolean;
  /** Whether a type can deliver on a channel. */
  supports(type: string, channel: string): boolean;
  /** A provider from a validated entry. */
  create(entry: ProviderEntry): Provider;
}
