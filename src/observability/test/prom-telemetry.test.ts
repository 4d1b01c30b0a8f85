import { describe, expect, it } from 'vitest';
import { promtoolFindings } from '../../../test/helpers/promtool.ts';
import { createPromTelemetry } from '../prom-telemetry.ts';

const dispatched = (text: string) =>
  text.split('\n').filter((line) => line.startsWith('otpd_messages_dispatched_total{'));

describe('Prometheus telemetry', () => {
  it('counts provider names outside the configured set as other, so apps cannot add series without end', async () => {
    const telemetry = createPromTelemetry({ providers: ['console', 'acme-sms'] });
    for (let i = 0; i < 50; i++) telemetry.messageDispatched('sms', `gateway-of-app-${i}`, 'sent');
    telemetry.messageDispatched('sms', 'acme-sms', 'sent');
    telemetry.messageDispatched('email', 'console', 'failed');
    expect(dispatched(await telemetry.registry.metrics()).sort()).toEqual([
      'otpd_messages_dispatched_total{channel="email",provider="console",outcome="failed"} 1',
      'otpd_messages_dispatched_total{channel="sms",provider="acme-sms",outcome="sent"} 1',
      'otpd_messages_dispatched_total{channel="sms",provider="other",outcome="sent"} 50',
    ]);
  });

  it("keeps the built-in providers' names by default", async () => {
    const telemetry = createPromTelemetry();
    telemetry.messageDispatched('sms', 'console', 'sent');
    telemetry.messageDispatched('sms', 'convertalk-twilio', 'sent');
    telemetry.messageDispatched('sms', 'my-twilio', 'sent');
    const providers = dispatched(await telemetry.registry.metrics()).map(
      (line) => /provider="([^"]+)"/.exec(line)?.[1],
    );
    expect(providers.sort()).toEqual(['console', 'convertalk-twilio', 'other']);
  });

  it('exposes no gauge named like a counter (_total), which promtool refuses', async () => {
    const telemetry = createPromTelemetry();
    telemetry.verificationCreated('sms');
    telemetry.observeHttp('GET', '/healthz', 200, 0.001);
    const text = await telemetry.registry.metrics();
    expect(promtoolFindings(text)).toBe('');
    expect(text).toContain('# TYPE otpd_nodejs_active_handles gauge');
  });
});
