import type { FastifyInstance } from 'fastify';
import type { FormParams } from '../dialects/domain/twilio-signature.ts';
import { OtpdError } from '../kernel/errors.ts';

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT = 64 * 1024;

/**
 * The app's only JSON parser. An empty body on a JSON POST (resend, cancel) is no body,
 * not a syntax error. JSON.parse does not recurse and defines `__proto__` as a plain key, so
 * nesting and prototype keys are judged after parsing, with their location
 * (`input-guard.ts`).
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new OtpdError('invalid_json', 'the body is not valid JSON'), undefined);
    }
  });
}

/**
 * Form fields as Twilio signs them: a repeated field keeps every value. Fields are defined,
 * never assigned, so `__proto__=…` is a field like any other and changes no prototype.
 */
export function parseForm(body: string): FormParams {
  const fields: FormParams = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = Object.hasOwn(fields, name) ? fields[name] : undefined;
    const next = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    Object.defineProperty(fields, name, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return fields;
}

/**
 * Form fields, the last of a repeated field winning, as Twilio's own API reads them. Flat by
 * design: `a[b][c]=1` is one field named `a[b][c]`, so a form cannot nest.
 */
export function parseFlatForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}
