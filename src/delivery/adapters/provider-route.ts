/**
 * Where a provider's calls go, as its type and host (`http sms.example.com`,
 * `twilio api.twilio.com`, `smtp mail.example.com`): the same for every app that reaches the
 * same service, so the dispatcher's per-provider concurrency cap holds across apps. A type
 * without an address of its own (the sandbox console) is one route.
 */
export function providerRoute(type: string, config: unknown): string {
  const fields = (config ?? {}) as {
    host?: unknown;
    baseUrl?: unknown;
    request?: { url?: unknown };
  };
  const address = [fields.host, fields.baseUrl, fields.request?.url].find(
    (value): value is string => typeof value === 'string',
  );
  return address === undefined ? type : `${type} ${hostOf(address)}`;
}

function hostOf(address: string): string {
  try {
    return new URL(address).host || address;
  } catch {
    return address;
  }
}
