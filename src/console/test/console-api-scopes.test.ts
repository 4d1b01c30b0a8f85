import { describe, expect, it } from 'vitest';
import { API_SCOPES as PAGE_SCOPES } from '../../../web/console/apps-keys-api.ts';
import { API_SCOPES } from '../../apps/domain/api-scopes.ts';

describe("the console page's list of API key scopes", () => {
  it("is the server's list, in its order: no scope missing from the New API key form", () => {
    expect([...PAGE_SCOPES]).toEqual([...API_SCOPES]);
  });
});
