import { describe, expect, it } from 'vitest';
import { API_SCOPES } from '../../src/apps/domain/api-scopes.ts';
import { API_SCOPES as PAGE_SCOPES } from '../../web/console/apps-keys-api.ts';

describe("the console page's list of API key scopes", () => {
  it("is the server's list, in its order: no scope missing from the New API key form", () => {
    expect([...PAGE_SCOPES]).toEqual([...API_SCOPES]);
  });
});
