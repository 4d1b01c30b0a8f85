import { MASK } from './settings-secrets.ts';

/**
 * The ways a gateway may repeat a secret it was sent — as is, URL-encoded, in base64 (alone
 * or inside `Basic base64(user:password)`), hex, JSON-escaped — and one function that masks
 * all of them in a text. Used on everything otpd shows of a gateway's answer.
 */

/** Shorter texts are not masked: they would mask ordinary words and say nothing anyway. */
const MIN_FORM = 4;

/** `%2f` as well as `%2F`: encoders differ in the case of their hex digits. */
const lowerHex = (text: string) => text.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());

function urlForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  const form = new URLSearchParams([['', secret]]).toString().slice(1);
  const forms = [component, encodeURI(secret), form, encodeURIComponent(component)];
  return [...forms, ...forms.map(lowerHex)];
}

const hex4 = (code: number, upper: boolean) => {
  const digits = code.toString(16).padStart(4, '0');
  return `\\u${upper ? digits.toUpperCase() : digits}`;
};

/**
 * A JSON string's inside as the common encoders write it: JavaScript's, with non-ASCII as
 * `\uXXXX` (Python, PHP), with `<`, `>`, `&`, `'` escaped (Go, HTML-safe encoders), with
 * `\/` (PHP), hex digits in either case; and each of those again inside a JSON string (an
 * answer that quotes the JSON request it got).
 */
function jsonForms(secret: string): string[] {
  const standard = JSON.stringify(secret).slice(1, -1);
  const forms = new Set([standard]);
  for (const ascii of [false, true]) {
    for (const html of [false, true]) {
      for (const slash of [false, true]) {
        for (const upper of [false, true]) {
          let text = '';
          for (const char of standard) {
            const code = char.charCodeAt(0);
            if (char.length > 1 || code > 0x7e) {
              // Past ASCII: as is, or each UTF-16 unit escaped (a surrogate pair is two).
              text += ascii
                ? [...Array(char.length).keys()]
                    .map((i) => hex4(char.charCodeAt(i), upper))
                    .join('')
                : char;
            } else if (html && "<>&'".includes(char)) text += hex4(code, upper);
            else if (slash && char === '/') text += '\\/';
            else text += char;
          }
          forms.add(text);
        }
      }
    }
  }
  return [...forms].flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]);
}

/**
 * The base64 characters that depend on the secret alone, for each of the three offsets it
 * may have in what was encoded (`user:password` puts it anywhere), in both alphabets. The
 * characters at its edges mix in its neighbours' bits: the mask takes them too.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const core = encoded.slice(first, end);
    cores.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return cores.filter((core) => core.length >= MIN_FORM);
}

/** Every text `secret` may appear as in what a gateway sends back, base64 aside. */
export function secretForms(secret: string): string[] {
  if (secret.length < MIN_FORM) return [];
  const hex = Buffer.from(secret, 'utf8').toString('hex');
  const forms = new Set([
    secret,
    ...urlForms(secret),
    ...jsonForms(secret),
    hex,
    hex.toUpperCase(),
  ]);
  return [...forms].filter((form) => form.length >= MIN_FORM);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A base64 character of either alphabet. */
const B64 = '[A-Za-z0-9+/_-]';

/**
 * A function that replaces every form of every secret in a text with `••••`, in one pass:
 * longest forms first, so a secret that contains another is masked whole. A base64 form
 * takes its edge characters and padding with it.
 */
export function createSecretMask(secrets: readonly string[]): (text: string) => string {
  const usable = secrets.filter((secret) => secret.length >= MIN_FORM);
  const forms: [length: number, source: string][] = [
    ...[...new Set(usable.flatMap(secretForms))].map((f): [number, string] => [
      f.length,
      escapeRegExp(f),
    ]),
    ...[...new Set(usable.flatMap(base64Cores))].map((core): [number, string] => [
      core.length,
      `${B64}?${escapeRegExp(core)}${B64}?=*`,
    ]),
  ];
  if (forms.length === 0) return (text) => text;
  forms.sort((a, b) => b[0] - a[0]);
  const pattern = new RegExp(forms.map(([, source]) => source).join('|'), 'g');
  return (text) => text.replace(pattern, MASK);
}

/** A deep copy of a JSON-like value with `mask` applied to every string in it, keys aside. */
export function maskStrings<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskStrings(v, mask)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskStrings(v, mask)]),
    ) as T;
  }
  return value;
}
