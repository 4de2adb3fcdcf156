// The popup's snapshot and draft, read from their copy in localStorage where there is one (shared/page-copy.ts).
import { type ItemSpec, storedForm, storedItem } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import type { PageCopy } from '../shared/page-copy';

/**
 * An item of storage.local (one kept as stored) read from its copy when there is one; written (or
 * removed) in both, the copy at once. With no copy yet, what storage.local holds becomes the copy,
 * unless another view wrote one meanwhile.
 */
export function copiedItem<Value>(local: KeyValueStore, spec: ItemSpec<Value, unknown>, copy: PageCopy | undefined) {
  const item = storedItem(local, spec);
  return {
    read: (): Promise<unknown> => {
      const copied = copy?.read(spec.key);
      if (copied) return Promise.resolve(copied.value);
      return item.read().then((value) => {
        if (copy && !copy.read(spec.key)) copy.write(spec.key, value);
        return value;
      });
    },
    // The copy first: a view closed while storage.local still writes must not leave an older copy.
    save: (value: Value | undefined): Promise<void> => {
      copy?.write(spec.key, value === undefined ? undefined : storedForm(spec, value));
      return item.change((_, writer) => (value === undefined ? writer.remove() : writer.write(value)));
    },
  };
}
