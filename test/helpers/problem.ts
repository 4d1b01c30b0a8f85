import { expect } from 'vitest';

/** What a problem check needs from a response, whether fetch or a raw socket read it. */
export interface AnyResponse {
  status: number;
  contentType: string | null | undefined;
  body: any;
}

/** Asserts an RFC 9457 problem document with a stable code, and returns it for more checks. */
export function expectProblem(response: AnyResponse, status: number, code: string) {
  const seen = JSON.stringify(response.body);
  expect(response.status, seen).toBe(status);
  expect(response.contentType, seen).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, code, type: `urn:otpd:problem:${code}` });
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail.length).toBeGreaterThan(0);
  return response.body;
}

/** A 400 validation problem whose only error names `field` and says `message`. */
export function expectFieldFault(response: AnyResponse, field: string, message: RegExp) {
  const body = expectProblem(response, 400, 'validation_failed');
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0].field).toBe(field);
  expect(body.errors[0].message).toMatch(message);
  return body;
}
