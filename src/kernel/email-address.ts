import isEmailModule from 'validator/lib/isEmail.js';

// A CommonJS module whose function is both module.exports and its `default`; typed as the latter.
const isEmail = isEmailModule.default;

/** What the operator lets through beyond the everyday address grammar. */
export interface EmailRules {
  /**
   * `"john smith"@example.com`: valid by RFC 5321 but almost never meant, and handled
   * differently by every mail system; refused unless the operator allows it
   * (OTPD_EMAIL_ALLOW_QUOTED_LOCAL_PART).
   */
  allowQuotedLocalPart?: boolean;
}

/** RFC 5321's limits: 64 octets before the @, 254 for the whole path without brackets. */
export const MAX_LOCAL_PART = 64;
export const MAX_ADDRESS = 254;

/**
 * Why `address` is not a deliverable mailbox, or undefined when it is one. The grammar is
 * the mailbox of RFC 5321 without what an OTP destination never needs and mail systems
 * read differently: a dot-atom local part (a quoted one only when allowed), `@`, and a domain
 * name of valid labels with at least one dot and a top-level label of letters. Refused: display
 * names (`Ada <ada@example.com>`), comments, IP literals (`ada@[192.0.2.1]`), bare hosts.
 * validator.js's isEmail decides the grammar; the limits and the quoted form are checked
 * here first so the answer can say which rule was broken.
 */
export function emailAddressProblem(address: string, rules: EmailRules = {}): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return 'an email address needs an @';
  const local = address.slice(0, at);
  if (address.length > MAX_ADDRESS) return `an email address is at most ${MAX_ADDRESS} characters`;
  if (Buffer.byteLength(local) > MAX_LOCAL_PART) {
    return `the part before the @ is at most ${MAX_LOCAL_PART} bytes`;
  }
  if (local.startsWith('"') && !rules.allowQuotedLocalPart) {
    return 'a quoted local part ("…"@domain) is not accepted';
  }
  const valid = isEmail(address, {
    allow_display_name: false,
    require_display_name: false,
    allow_ip_domain: false,
    require_tld: true,
    allow_utf8_local_part: true,
    ignore_max_length: false,
    allow_underscores: false,
  });
  return valid ? undefined : 'not a mailbox address (local-part@domain.tld)';
}
