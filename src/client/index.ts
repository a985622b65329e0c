/** Public surface of the Onetoken client. */
export type {
  ClientEvent,
  ClientOptions,
  CompleteContext,
  ModelLimits,
  ModelStatus,
  OnetokenClient,
  RetryOptions,
  TimeoutOptions,
} from './options.js';
export { createClient } from './client.js';
export { DEFAULT_BASE_URL, MOCK_API_KEY, resolveClientEnv } from './env.js';
export {
  AbortedError,
  ApiError,
  AuthError,
  BadRequestError,
  ConnectionError,
  NotFoundError,
  ProtocolError,
  ResponseTooLargeError,
  QuotaError,
  RateLimitError,
  ServerError,
  StatusError,
  TimeoutError,
  isApiError,
  type ApiErrorContext,
} from './api-errors.js';
export type { TimeoutPhase } from './failure.js';
export { estimateRequestTokens } from './token-estimate.js';
export { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REQUEST_TIMEOUT_MS } from './defaults.js';
