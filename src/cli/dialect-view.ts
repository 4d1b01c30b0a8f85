import type { AppRecord } from '../ports/store.ts';

/**
 * How the compatible APIs name an app, as `apps create` and `apps show` print it. Beem's
 * `apiKey` is its Basic-auth username (the app id); the password is one of the app's API
 * keys, which is never shown here.
 */
export function dialectView(app: AppRecord) {
  if (!app.dialects) return null;
  return {
    twilio: {
      accountSid: app.dialects.twilioAccountSid,
      serviceSid: app.dialects.twilioServiceSid,
    },
    beem: { apiKey: app.id, appId: app.dialects.beemAppId },
  };
}

/** The same as text lines, aligned with the rest of the CLI's output. */
export function dialectLines(app: AppRecord): string[] {
  const view = dialectView(app);
  if (!view) return [];
  return [
    `twilio   account SID ${view.twilio.accountSid}  service SID ${view.twilio.serviceSid}`,
    `beem     api_key ${view.beem.apiKey}  appId ${view.beem.appId}`,
  ];
}
