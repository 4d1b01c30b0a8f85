import type { Channel } from '../domain/recipients.ts';

/** What a provider is asked to deliver. The body already contains the code. */
export interface OutboundMessage {
  appId: string;
  verificationId: string;
  channel: Channel;
  to: string;
  body: string;
  locale: string;
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
