// The popup's snapshot and draft, read from their copy in localStorage where there is one (shared/page-copy.ts).
import { type ItemSpec, storedForm, storedItem } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import type { PageCopy } from '../shared/page-copy';

// Both items are objects. A copy holding anything else was not written by the popup: the record is read.
const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An item of storage.local (one kept as stored, an object) read from its copy when there is one;
 * written (or removed) in both, the copy at once. With no copy yet, what storage.local holds becomes
 * the copy, unless another view wrote one meanwhile.
 */
export function copiedItem<Value>(local: KeyValueStore, spec: ItemSpec<Value, unknown>, copy: PageCopy | undefined) {
  const item = storedItem(local, spec);
  return {
    read: (): Promise<unknown> => {
      const copied = copy?.read(spec.key);
      if (copied && (copied.value === undefined || isRecord(copied.value))) return Promise.resolve(copied.value);
      return item.read().then((value) => {
        if (copy && !copy.read(spec.key)) copy.write(spec.key, value);
        return value;
      });
    },
    // Each save is one storage call, made before this returns, with no read first: a view closed
    // right after a keystroke has already handed storage its last save (a read before each write
    // left the last ones unwritten when Firefox closed the page). The copy first, for the same reason.
    save: (value: Value | undefined): Promise<void> => {
      if (value === undefined) {
        copy?.write(spec.key, undefined);
        return local.remove(spec.key);
      }
      const stored = storedForm(spec, value);
      copy?.write(spec.key, stored);
      return local.set(spec.key, stored);
    },
  };
}
