import {
  type NumberType,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/** Enough for every number in flight at once; a start reads the same number's facts ~6 times. */
const REMEMBERED = 2048;

interface Facts {
  country: string | undefined;
  /** Parsed only when asked: telling a number's type is libphonenumber's costliest question. */
  phone: PhoneNumber | undefined;
  type?: NumberType | null;
}

const remembered = new Map<string, Facts>();

function factsOf(e164: string): Facts {
  let facts = remembered.get(e164);
  if (facts) return facts;
  const phone = parsePhoneNumberFromString(e164);
  facts = { country: phone?.country, phone };
  // A Map iterates in insertion order, so its first key is the oldest.
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(e164, facts);
  return facts;
}

/**
 * The ISO country of an E.164 number, when it has one. Parsing a number costs tens of
 * microseconds and the geo rules, limits, pumping guard, store and message log each ask, so
 * the answer for recent numbers is kept (facts of a number never change in one process).
 */
export function phoneCountry(e164: string): string | undefined {
  return factsOf(e164).country;
}

/** libphonenumber's type of an E.164 number (undefined when it cannot tell), kept like the country. */
export function phoneType(e164: string): NumberType | undefined {
  const facts = factsOf(e164);
  if (facts.type === undefined) facts.type = facts.phone?.getType() ?? null;
  return facts.type ?? undefined;
}
