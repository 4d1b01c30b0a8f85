import { describeFraudGuard } from './fraud-guard-scenarios.ts';

// The embedded mode: counters in the in-memory limiter of the one process.
describeFraudGuard({
  name: 'the in-memory counters',
  open: async () => ({ env: {}, cleanup: async () => {} }),
});
