/** Thrown out of a wait when the service is stopping: the command goes back to the queue. */
export class StoppingError extends Error {
  constructor() {
    super('the notification service is stopping');
    this.name = 'StoppingError';
  }
}

/** Sleeps `ms`, or throws StoppingError as soon as `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new StoppingError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new StoppingError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
