// Storage has no transactions: read-modify-write of one key is queued so parallel messages cannot
// overwrite each other's changes. A queue only orders work in flight; nothing in it must survive
// the worker stopping.
export type Serially = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** Queues of their own: one per storage area, so the same key in two areas never waits on the other. */
export function createQueues(): Serially {
  const queues = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };
}

export const serially: Serially = createQueues();
