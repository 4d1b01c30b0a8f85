export {
  type CallOptions,
  type CheckByDestination,
  type CheckResult,
  createOtpdClient,
  type KeyedCallOptions,
  type MessagePage,
  type MessageQuery,
  type OtpdClient,
  type OtpdClientOptions,
  type SandboxMessages,
  type SandboxQuery,
  type StartVerification,
  type Verification,
  type VerificationMessages,
} from './client.ts';
export { KEYED_PATHS, type KeyedPath } from './idempotency.ts';
export {
  type FieldError,
  isProblem,
  OtpdProblemError,
  type Problem,
  UNEXPECTED_RESPONSE,
} from './problem.ts';
export { parseRetryAfter, type RetryOptions } from './retry.ts';
export type { components, operations, paths } from './schema.d.ts';
