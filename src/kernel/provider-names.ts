/**
 * Provider names otpd itself gives — the sandbox, and Convertalk's per-request Twilio sender —
 * and so the names that keep their own metrics label unless OTPD_METRICS_PROVIDERS says else.
 */
export const BUILT_IN_PROVIDER_NAMES = ['console', 'convertalk-twilio', 'web-messenger'] as const;
