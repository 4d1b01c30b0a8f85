import { describe, expect, it } from 'vitest';
import { BEEM_MESSAGES } from '../beem-messages.ts';

describe('Beem result texts', () => {
  it('say "valid" only for a valid pin: clients read that word as success', () => {
    for (const [code, message] of Object.entries(BEEM_MESSAGES)) {
      if (code === '117') expect(message).toBe('Valid Pin');
      else expect(message.toLowerCase(), `${code}`).not.toContain('valid');
    }
  });
});
