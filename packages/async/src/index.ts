export { Semaphore } from './semaphore.js';
export { withTimeout, TimeoutError } from './with-timeout.js';
