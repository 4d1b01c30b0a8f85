import { expect } from 'vitest';
import { createFakeClock } from '../helpers/fake-clock.ts';
import { startServer } from '../helpers/harness.ts';
import type { ApiResponse } from '../helpers/http-client.ts';

/* What the bad-input-*.test.ts files share: the problem checks and a server with one app. */

export const PROBLEM = 'application/problem+json';

/** Asserts an RFC 9457 problem document with a stable code, and returns it for more checks. */
export function expectProblem(response: ApiResponse, status: number, code: string) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toContain(PROBLEM);
  expect(response.body).toMatchObject({ status, code, type: `urn:otpd:problem:${code}` });
  expect(typeof response.body.title).toBe('string');
  expect(response.body.title.length).toBeGreaterThan(0);
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail.length).toBeGreaterThan(0);
  return response.body;
}

/** A validation problem that names `field` among its errors. */
export function expectInvalidField(response: ApiResponse, field: string) {
  const body = expectProblem(response, 400, 'validation_failed');
  expect(Array.isArray(body.errors)).toBe(true);
  for (const error of body.errors) {
    expect(typeof error.field).toBe('string');
    expect(typeof error.message).toBe('string');
  }
  expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
}

/** A server with one app, on a clock that stands still so the resend cooldown is exact (I8). */
export async function startBadInputServer() {
  const clock = createFakeClock();
  const server = await startServer({ clock });
  return { clock, server, ...(await server.createApp('Bad Input')) };
}

/** Nothing the server logged says it failed: no unhandled error, no 5xx answer. */
export function expectNoServerErrors(logs: string[]) {
  expect(logs.filter((line) => line.includes('"statusCode":500'))).toEqual([]);
  expect(logs.join('')).not.toContain('unhandled error');
  expect(logs.filter((line) => /"status":5\d\d/.test(line))).toEqual([]);
}
