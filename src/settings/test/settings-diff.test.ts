import { describe, expect, it } from 'vitest';
import { maskedSettingsDiff } from '../domain/settings-diff.ts';
import { findSecrets } from '../domain/settings-secrets.ts';

const secretsOf = (doc: unknown) => findSecrets(doc, () => ['authToken']);

const settings = (token: string, codeLength = 6) => ({
  codeLength,
  channels: {
    sms: {
      providers: [{ type: 'twilio', name: 'tw', accountSid: 'AC1', authToken: token }],
    },
  },
});

describe('the settings diff an audit entry keeps', () => {
  it('lists each changed value by JSON Pointer', () => {
    const diff = maskedSettingsDiff(
      settings('a'.repeat(32)),
      settings('a'.repeat(32), 8),
      secretsOf,
    );
    expect(diff).toEqual([{ path: '/codeLength', before: 6, after: 8 }]);
  });

  it('masks a changed secret on both sides and marks it', () => {
    const before = settings('old-secret-token-0000000000001234');
    const after = settings('new-secret-token-0000000000005678');
    const diff = maskedSettingsDiff(before, after, secretsOf);
    expect(diff).toEqual([
      {
        path: '/channels/sms/providers/0/authToken',
        before: '••••1234',
        after: '••••5678',
        secret: true,
      },
    ]);
    expect(JSON.stringify(diff)).not.toContain('old-secret');
    expect(JSON.stringify(diff)).not.toContain('new-secret');
  });

  it('lists a new provider leaf by leaf, its secret masked', () => {
    const before = { channels: { sms: { providers: [] } } };
    const after = settings('brand-new-secret-value-000000009999');
    const diff = maskedSettingsDiff(before, after, secretsOf);
    expect(diff).toContainEqual({
      path: '/channels/sms/providers/0/authToken',
      after: '••••9999',
      secret: true,
    });
    expect(JSON.stringify(diff)).not.toContain('brand-new-secret');
  });
});
