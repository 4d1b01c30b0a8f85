import { describe, expect, it } from 'vitest';
import { startBody } from '../../http/schemas.ts';
import { LONGEST_CODE_LIFETIME_MS } from '../../store/verification-queries.ts';
import { verificationSettingsSchema } from '../domain/settings.ts';

// Superseding reads no verification created longer ago than the longest code lifetime
// (src/store/verification-queries.ts): a longer ttlSeconds anywhere would leave codes it
// should cancel pending.
describe('the longest code lifetime', () => {
  const longest = LONGEST_CODE_LIFETIME_MS / 1000;

  it('is the most ttlSeconds a request may ask for', () => {
    const start = (ttlSeconds: number) => startBody.safeParse({ to: '+14155550100', ttlSeconds });
    expect(start(longest).success).toBe(true);
    expect(start(longest + 1).success).toBe(false);
  });

  it("is the most ttlSeconds an app's settings may give", () => {
    const settings = (ttlSeconds: number) => verificationSettingsSchema.safeParse({ ttlSeconds });
    expect(settings(longest).success).toBe(true);
    expect(settings(longest + 1).success).toBe(false);
  });
});
