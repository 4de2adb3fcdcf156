// A stored item that one context alone writes (the background: no page writes history, the request
// log or the quota figures), kept in memory once read. A change is computed from that copy and handed
// to storage in the same call, with no read before it: storage takes calls in the order they are
// made, so the change is as good as written once the call returns, even when the worker stops right
// after, and changes made one after another never lose each other. That is what lets the background
// answer first and persist right after.
import { type ItemSpec, storedForm, storedItem } from './storage-item';
import type { KeyValueStore } from './storage-port';

export interface MirroredItem<Value, Loaded = Value> {
  readonly key: string;
  /** The item as stored (read once, migrated like any stored item); then the copy. */
  load(): Promise<Loaded>;
  /**
   * Writes what `change` makes of the current value (undefined: nothing to write), with any other
   * keys given. Once the item is loaded, the storage call is made before `update` returns; the
   * promise settles when storage has done it.
   */
  update(change: (current: Loaded) => { value: Value; alongside?: Record<string, unknown> } | undefined): Promise<void>;
  /** Removes the item, and the other keys `alongside` names, in one storage call made before this returns (once loaded). */
  remove(alongside?: (current: Loaded) => readonly string[]): Promise<void>;
  /** True while the copy is there: `update` and `remove` then make their storage call before returning. */
  loaded(): boolean;
}

interface Mirror<Loaded> {
  copy?: { value: Loaded };
  loading?: Promise<Loaded>;
  /** Bumped by every change: a read that started before one must not replace the copy it made. */
  changes: number;
}

// One copy per storage area and key, however many stores are made on them: two copies of one item
// would each write what the other does not know.
const mirrors = new WeakMap<KeyValueStore, Map<string, Mirror<unknown>>>();

function mirrorOf<Loaded>(area: KeyValueStore, key: string): Mirror<Loaded> {
  let byKey = mirrors.get(area);
  if (!byKey) mirrors.set(area, (byKey = new Map()));
  let mirror = byKey.get(key);
  if (!mirror) byKey.set(key, (mirror = { changes: 0 }));
  return mirror as Mirror<Loaded>;
}

export function mirroredItem<Value, Loaded = Value>(area: KeyValueStore, spec: ItemSpec<Value, Loaded>): MirroredItem<Value, Loaded> {
  const stored = storedItem(area, spec);
  const mirror = mirrorOf<Loaded>(area, spec.key);
  // A write storage refused leaves storage and copy apart: the next use reads storage again.
  const settle = (call: Promise<void>) =>
    call.catch((error: unknown) => {
      mirror.copy = undefined;
      mirror.changes++;
      throw error;
    });
  const load = (): Promise<Loaded> => {
    if (mirror.copy) return Promise.resolve(mirror.copy.value);
    if (mirror.loading) return mirror.loading;
    const started = mirror.changes;
    const read = stored.read().then((value) => {
      if (mirror.changes === started) mirror.copy = { value };
      return value;
    });
    mirror.loading = read.finally(() => (mirror.loading = undefined));
    return mirror.loading;
  };
  // Synchronous once loaded: the storage call is made before this returns.
  const withCopy = (work: (current: Loaded) => Promise<void>): Promise<void> => {
    const { copy } = mirror;
    if (!copy) return load().then((value) => work(mirror.copy?.value ?? value));
    try {
      return work(copy.value);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const replace = (value: Loaded, call: () => Promise<void>) => {
    mirror.copy = { value };
    mirror.changes++;
    return settle(call());
  };
  return {
    key: spec.key,
    load,
    update: (change) =>
      withCopy((current) => {
        const next = change(current);
        if (next === undefined) return Promise.resolve();
        const form = storedForm(spec, next.value);
        return replace(spec.parse(form, { migrated: false }), () => area.setMany({ ...next.alongside, [spec.key]: form }));
      }),
    remove: (alongside = () => []) =>
      withCopy((current) => {
        const keys = [spec.key, ...alongside(current)];
        return replace(spec.parse(undefined, { migrated: false }), () => area.remove(keys));
      }),
    loaded: () => mirror.copy !== undefined,
  };
}
