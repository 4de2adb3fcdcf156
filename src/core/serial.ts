// Storage has no transactions: read-modify-write of one key is queued so parallel messages cannot
// overwrite each other's changes. Keys are unique across storage areas (shared/storage-keys.ts), so
// one queue per key serves both. A queue only orders work in flight; nothing in it must survive the
// worker stopping.
const queues = new Map<string, Promise<unknown>>();

export function serially<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
