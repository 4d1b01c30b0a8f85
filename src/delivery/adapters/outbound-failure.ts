import { OutboundError, type OutboundErrorCode } from '../../ports/outbound.ts';
import { ProviderError } from '../provider-ports.ts';

export { parseJson } from '../../outbound/http-template.ts';

/**
 * Whether trying the same request again may help, per outbound failure. Timeouts and broken
 * connections are the remote side's passing trouble. A blocked address, a bad URL or header
 * is this configuration's fault and stays so. An oversized answer means the remote side did
 * answer, maybe after accepting the message, so repeating it risks a second message.
 */
const OUTBOUND_RETRYABLE: Record<OutboundErrorCode, boolean> = {
  timeout: true,
  connection_failed: true,
  blocked_address: false,
  invalid_url: false,
  invalid_request: false,
  response_too_large: false,
};

/** The ProviderError for a failed call through the outbound client. */
export function outboundFailure(error: unknown, remote: string): ProviderError {
  if (error instanceof OutboundError) {
    return new ProviderError(error.code, OUTBOUND_RETRYABLE[error.code], error.message);
  }
  return new ProviderError('request_failed', true, `the request to ${remote} failed unexpectedly`);
}
