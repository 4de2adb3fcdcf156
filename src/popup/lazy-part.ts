// A part of the popup loaded on first use (import()), which then answers at once: the browser keeps a
// loaded module, but hands it to a later import() only in a task of its own, and other tasks (storage
// events, a render) may run first. A result arriving for a preview that is loaded already is shown in
// the task that brought it, and a section whose code is there renders in the frame that shows it.
export interface LazyPart<T> {
  /** Loads the part once; a failed load is tried again on the next call. */
  (): Promise<T>;
  /** The part, once loaded. */
  now(): T | undefined;
}

export function lazyPart<T>(load: () => Promise<T>): LazyPart<T> {
  let loaded: { value: T } | undefined;
  let loading: Promise<T> | undefined;
  const get = (): Promise<T> =>
    (loading ??= load().then(
      (value) => {
        loaded = { value };
        return value;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return Object.assign(get, { now: () => loaded?.value });
}
