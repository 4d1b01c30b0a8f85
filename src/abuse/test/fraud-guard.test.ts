import { expect, it } from 'vitest';
import { startServer } from '../../../test/helpers/harness.ts';
import { describeFraudGuard } from './fraud-guard-scenarios.ts';

// The embedded mode: counters in the in-memory limiter of the one process.
describeFraudGuard({
  name: 'the in-memory counters',
  open: async () => ({ env: {}, cleanup: async () => {} }),
});

it('OpenAPI documents the fraud routes and the fraudGuard settings', async () => {
  const server = await startServer({ dispatcher: false });
  try {
    const spec = await (await fetch(`${server.url}/openapi.json`)).json();
    expect(spec.paths['/v1/fraud/blocks'].get.responses['200']).toBeDefined();
    expect(spec.paths['/v1/fraud/blocks/{id}'].delete.responses['404']).toBeDefined();
    expect(spec.paths['/v1/verifications'].post.responses['403']).toBeDefined();
    expect(JSON.stringify(spec)).toContain('minConversion');
  } finally {
    await server.close();
  }
});
