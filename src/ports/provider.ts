import type { Channel } from '../domain/recipients.ts';

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
   * provider's `{{code}}`). Like `body`, it must never be logged or stored (I1, I6).
   */
  code?: string;
  /** The app's own id for this message (the verification's `messageId`), when it gave one. */
  messageId?: string | null;
}

export interface ProviderReceipt {
  /** The provider's own id for the message, when it returns one. */
  providerMessageId: string | null;
}

/** A delivery route. Stateless after creation; throws only `ProviderError`. */
export interface Provider {
  readonly name: string;
  send(message: OutboundMessage): Promise<ProviderReceipt>;
}

/** The one way a provider fails: a stable code, and whether trying again may help. */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    message: string = code,
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
}

/**
 * A provider plug-in: what it is, how its settings are validated, and how to build a
 * provider from valid settings and the services it may use.
 */
export interface ProviderPlugin<Config, Deps> {
  metadata: ProviderMetadata;
  configSchema: { parse(input: unknown): Config };
  create(config: Config, deps: Deps): Provider;
}
