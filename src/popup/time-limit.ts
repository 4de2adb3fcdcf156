// A page can keep the scan from ever answering (a script that never yields, a picture that never
// settles): the view stops waiting after a while, says so, and can be used again.

/** What `withinTimeLimit` gives when the work took too long. */
export const TIMED_OUT = Symbol('timed out');

/** The work's result, or TIMED_OUT after `ms`; a rejection passes through. A late result is dropped. */
export function withinTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
