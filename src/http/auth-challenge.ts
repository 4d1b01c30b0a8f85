/**
 * Whether a 401 of an operation with this security asks for credentials in an
 * `Authorization` header (`WWW-Authenticate: Bearer`). Cookie sessions (the console's) and
 * public routes ask for none: a browser cannot answer that challenge.
 */
export function challengesAuthorization(security: readonly object[] | undefined): boolean {
  return (
    security?.some((requirement) =>
      Object.keys(requirement).some((scheme) => !COOKIE_SCHEMES.has(scheme)),
    ) ?? false
  );
}

const COOKIE_SCHEMES = new Set(['consoleSession']);
