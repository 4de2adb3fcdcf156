// One stored item: the area and key it lives under, the version of its layout and how older layouts
// are brought up to date (storage-layout.ts), how what storage gives back is checked, and the limits
// every write keeps. Every item of the extension is declared with it, so each is read, migrated,
// capped and queued the same way.
import { serially } from './serial';
import type { KeyValueStore } from './storage-port';

export interface LoadInfo {
  /** Migrations ran: the stored value was of an older layout. */
  migrated: boolean;
  problem?: 'unreadable' | 'newer' | 'unknown-older';
}

/** A versioned layout: made by `versioned` (storage-layout.ts). */
export interface ItemLayout {
  /** Stored as `schemaVersion` beside the value's own fields (the value is then an object). */
  version: number;
  /** The stored value at this version, and other keys the migrations moved parts of it to. */
  upgrade(stored: unknown): { value: unknown; how: LoadInfo; alongside: Record<string, unknown> };
}

export interface ItemSpec<Value, Loaded = Value> {
  key: string;
  /** Absent for an item whose layout never changed. */
  layout?: ItemLayout;
  /**
   * Checks what storage gave back (storage is not trusted) and keeps what is well formed. `stored`
   * is undefined when nothing is stored, or when it could not be brought up to date: `how` says why.
   */
  parse(stored: unknown, how: LoadInfo): Loaded;
  /** Keeps a value within the item's limits; applied to every write. */
  cap?(value: Value): Value;
}

/** What a change may do to its item; each is one storage call. */
export interface ItemWriter<Value> {
  /** Writes the item (capped, with its version) and any other keys given. */
  write(value: Value, alongside?: Record<string, unknown>): Promise<void>;
  /** Removes the item and any other keys named. */
  remove(alongside?: readonly string[]): Promise<void>;
}

export interface StoredItem<Value, Loaded = Value> {
  readonly key: string;
  read(): Promise<Loaded>;
  /**
   * Runs `work` alone: no other read or change of this item starts before it ends, so a
   * read-modify-write loses nothing when two messages change the item at once.
   */
  change<R>(work: (current: Loaded, writer: ItemWriter<Value>) => Promise<R>): Promise<R>;
  /** Removes the item, and any other keys named, in one storage call. */
  remove(alongside?: readonly string[]): Promise<void>;
}

/** What storage holds for `value`: capped, and with its layout's version. */
export function storedForm<Value, Loaded>(spec: ItemSpec<Value, Loaded>, value: Value): unknown {
  const capped = spec.cap ? spec.cap(value) : value;
  return spec.layout ? { ...(capped as object), schemaVersion: spec.layout.version } : capped;
}

export function storedItem<Value, Loaded = Value>(area: KeyValueStore, spec: ItemSpec<Value, Loaded>): StoredItem<Value, Loaded> {
  const { key, layout } = spec;
  const stamped = (value: unknown) => (layout ? { ...(value as object), schemaVersion: layout.version } : value);
  const writer: ItemWriter<Value> = {
    write: (value, alongside = {}) => area.setMany({ ...alongside, [key]: storedForm(spec, value) }),
    remove: (alongside = []) => area.remove([key, ...alongside]),
  };
  /** Migrated values are written back at once, so each migration runs once. */
  const load = async (): Promise<Loaded> => {
    const stored = await area.get(key);
    if (!layout) return spec.parse(stored, { migrated: false });
    const { value, how, alongside } = layout.upgrade(stored);
    if (!how.migrated) return spec.parse(value, how);
    const current = stamped(value);
    await area.setMany({ ...alongside, [key]: current });
    return spec.parse(current, how);
  };
  return {
    key,
    read: () => serially(key, load),
    change: (work) => serially(key, async () => work(await load(), writer)),
    remove: (alongside) => serially(key, () => writer.remove(alongside)),
  };
}
