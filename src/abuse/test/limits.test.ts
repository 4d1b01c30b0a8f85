import { describeCheckLimits } from './limits-check-scenarios.ts';
import type { LimitsBackend } from './limits-harness.ts';
import { describeSendLimits } from './limits-send-scenarios.ts';

// The embedded mode: the in-memory limiter of the one process.
const inMemory: LimitsBackend = {
  name: 'the in-memory limiter',
  open: async () => ({ env: {}, cleanup: async () => {} }),
};

describeSendLimits(inMemory);
describeCheckLimits(inMemory);
