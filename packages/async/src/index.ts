export { Semaphore } from './semaphore.js';
export { withTimeout, TimeoutError } from './with-timeout.js';
export { retry, type RetryOptions } from './retry.js';
