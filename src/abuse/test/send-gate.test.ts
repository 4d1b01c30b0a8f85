import { describe, expect, it } from 'vitest';
import { defaultAppSettings } from '../../../test/helpers/app-settings.ts';
import { OtpdError } from '../../kernel/errors.ts';
import { createSendGate, type GateSettings, openSendGate } from '../send-gate.ts';

const settings: GateSettings = defaultAppSettings();
const send = { to: '+905551234567', channel: 'sms' as const, clientIp: '203.0.113.9' };

/** A gate over guards that write down what they were asked, refusing where told. */
function recordingGate(options: { testCode?: string; refuse?: 'policy' | 'fraud' } = {}) {
  const calls: string[] = [];
  const seen: unknown[] = [];
  const refuse = (who: string) => {
    if (options.refuse === who) throw new OtpdError('country_not_allowed', `refused by ${who}`);
  };
  const gate = createSendGate({
    policy: {
      testCode: (s) => {
        calls.push('policy.testCode');
        seen.push(s);
        return options.testCode;
      },
      assertAllowed: (_appId, s) => {
        calls.push('policy.assertAllowed');
        seen.push(s);
        refuse('policy');
      },
    },
    fraud: {
      beforeSend: async (_appId, s) => {
        calls.push('fraud.beforeSend');
        seen.push(s);
        refuse('fraud');
      },
      afterSend: async (_appId, s) => {
        calls.push('fraud.afterSend');
        seen.push(s);
      },
      approved: async (_appId, s) => {
        calls.push('fraud.approved');
        seen.push(s);
      },
    },
    limits: {
      beforeSend: async (_appId, limits) => {
        calls.push('limits.beforeSend');
        seen.push(limits);
      },
      beforeCheck: async (_appId, limits) => {
        calls.push('limits.beforeCheck');
        seen.push(limits);
      },
      failedCheck: async (_appId, limits) => {
        calls.push('limits.failedCheck');
        seen.push(limits);
      },
    },
  });
  return { gate, calls, seen };
}

describe('the send gate', () => {
  it('gives a test number its fixed code and asks no other guard', async () => {
    const { gate, calls } = recordingGate({ testCode: '123456' });
    await expect(gate.beforeStart('app_1', settings, send)).resolves.toEqual({
      testCode: '123456',
    });
    expect(calls).toEqual(['policy.testCode']);
  });

  it('asks the destination policy, then the pumping guard, then the limits, by one snapshot', async () => {
    const { gate, calls, seen } = recordingGate();
    await expect(gate.beforeStart('app_1', settings, send)).resolves.toEqual({
      testCode: undefined,
    });
    expect(calls).toEqual([
      'policy.testCode',
      'policy.assertAllowed',
      'fraud.beforeSend',
      'limits.beforeSend',
    ]);
    expect(seen).toEqual([settings, settings, settings, settings.limits]);
  });

  it('stops at the first refusal: a refused destination reaches neither guard nor limit', async () => {
    const byPolicy = recordingGate({ refuse: 'policy' });
    await expect(byPolicy.gate.beforeSend('app_1', settings, send)).rejects.toThrow('policy');
    expect(byPolicy.calls).toEqual(['policy.assertAllowed']);
    const byFraud = recordingGate({ refuse: 'fraud' });
    await expect(byFraud.gate.beforeStart('app_1', settings, send)).rejects.toThrow('fraud');
    expect(byFraud.calls).toEqual(['policy.testCode', 'policy.assertAllowed', 'fraud.beforeSend']);
  });

  it('hands checks and sent codes to the guards that count them', async () => {
    const { gate, calls } = recordingGate();
    await gate.afterSend('app_1', settings, send);
    await gate.beforeCheck('app_1', settings, send.to);
    await gate.failedCheck('app_1', settings, send.to);
    await gate.approved('app_1', settings, send);
    expect(calls).toEqual([
      'fraud.afterSend',
      'limits.beforeCheck',
      'limits.failedCheck',
      'fraud.approved',
    ]);
  });

  it('the open gate lets every send and check through and knows no test number', async () => {
    const gate = openSendGate();
    await expect(gate.beforeStart('app_1', settings, send)).resolves.toEqual({
      testCode: undefined,
    });
    await expect(gate.beforeSend('app_1', settings, send)).resolves.toBeUndefined();
    await expect(gate.afterSend('app_1', settings, send)).resolves.toBeUndefined();
    await expect(gate.beforeCheck('app_1', settings, send.to)).resolves.toBeUndefined();
    await expect(gate.failedCheck('app_1', settings, send.to)).resolves.toBeUndefined();
    await expect(gate.approved('app_1', settings, send)).resolves.toBeUndefined();
  });
});
