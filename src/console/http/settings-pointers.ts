/**
 * The JSON Pointer (RFC 6901) of a field the settings service names by its dotted path
 * (`channels.sms.providers.0.request.url`), read against the document it was found in: a key
 * that holds dots itself (a header `X.Api`, a status `"1.2"`) is matched whole, longest first,
 * so the pointer names the place the form shows. `(document)` is the whole document, `""`.
 */
export function fieldPointer(field: string, document: unknown): string {
  if (field === '(document)' || field === '') return '';
  const segments = field.split('.');
  const tokens: string[] = [];
  let current: unknown = document;
  let at = 0;
  while (at < segments.length) {
    let taken = 1;
    if (typeof current === 'object' && current !== null) {
      for (let end = segments.length; end > at + 1; end--) {
        if (Object.hasOwn(current, segments.slice(at, end).join('.'))) {
          taken = end - at;
          break;
        }
      }
    }
    const token = segments.slice(at, at + taken).join('.');
    tokens.push(token);
    current =
      typeof current === 'object' && current !== null && Object.hasOwn(current, token)
        ? (current as Record<string, unknown>)[token]
        : undefined;
    at += taken;
  }
  return tokens.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
