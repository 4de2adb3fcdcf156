import { PimError } from './errors';

/**
 * One AbortSignal for a whole operation that fires on the caller's abort ('cancelled') or when the
 * time is up ('timeout'); the reason is the PimError to throw, so callers need not guess which.
 * Written by hand rather than with AbortSignal.any/timeout so tests can read the reason directly.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  dispose(): void;
}

export function createDeadline(options: { timeoutMs: number; signal?: AbortSignal | undefined }): Deadline {
  const controller = new AbortController();
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  const timer = setTimeout(() => {
    controller.abort(new PimError('timeout', { params: { seconds } }));
  }, options.timeoutMs);
  const onCallerAbort = () => controller.abort(new PimError('cancelled'));
  const caller = options.signal;
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** The PimError an aborted signal stands for: its own reason when it is one, else 'cancelled'. */
export function abortError(signal: AbortSignal): PimError {
  return signal.reason instanceof PimError ? signal.reason : new PimError('cancelled');
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts: an injected fetch, body stream or
 * sleep may ignore the signal, and the user must not wait for it.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {}); // the abandoned promise may still reject later; that is expected
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => {});
      reject(abortError(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
