import { describeLimits } from './limits-scenarios.ts';

// The embedded mode: the in-memory limiter of the one process.
describeLimits({
  name: 'the in-memory limiter',
  open: async () => ({ env: {}, cleanup: async () => {} }),
});
