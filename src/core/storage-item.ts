// One stored item: the area and key it lives under, the version of its layout and how older layouts
// are brought up to date, how what storage gives back is checked, and the limits every write keeps.
// Every item of the extension is declared with it, so each is read, migrated, capped and queued the
// same way.
import { createQueues, type Serially } from './serial';
import type { KeyValueStore } from './storage-port';

export interface ItemSpec<Value, Loaded = Value> {
  key: string;
  /**
   * The layout's version, stored as `schemaVersion` beside the value's own fields (the value is then
   * an object). Absent for an item whose layout never changed.
   */
  version?: number;
  /**
   * `migrations[n]` turns a version-n value into version n + 1. A stored value without an integer
   * `schemaVersion` is version 0. A migration may move parts of the item out to keys of their own by
   * putting them in `alongside`: they are written in the same storage call as the migrated value.
   */
  migrations?: Readonly<Record<number, (old: unknown, alongside: Record<string, unknown>) => object>>;
  /**
   * Checks what storage gave back (storage is not trusted) and keeps what is well formed. `stored`
   * is undefined when nothing is stored, or when it could not be brought up to date: `how` says why.
   */
  parse(stored: unknown, how: LoadInfo): Loaded;
  /** Keeps a value within the item's limits; applied to every write. */
  cap?(value: Value): Value;
}

export interface LoadInfo {
  /** Migrations ran: the stored value was of an older layout. */
  migrated: boolean;
  problem?: 'unreadable' | 'newer' | 'unknown-older';
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

const areaQueues = new WeakMap<KeyValueStore, Serially>();

function queueOf(area: KeyValueStore): Serially {
  let queue = areaQueues.get(area);
  if (!queue) areaQueues.set(area, (queue = createQueues()));
  return queue;
}

/** Brings a stored value up to the spec's version: pure, so a layout's migrations can be tested alone. */
export function bringUpToDate(
  spec: Pick<ItemSpec<unknown>, 'version' | 'migrations'>,
  stored: unknown,
): { value: unknown; how: LoadInfo; alongside: Record<string, unknown> } {
  const alongside: Record<string, unknown> = {};
  const { version } = spec;
  if (version === undefined || stored === undefined) return { value: stored, how: { migrated: false }, alongside };
  const versioned = isRecord(stored) && Number.isInteger(stored.schemaVersion);
  const from = versioned ? (stored.schemaVersion as number) : 0;
  const broken = (problem: LoadInfo['problem']) => ({ value: undefined, how: { migrated: false, problem }, alongside });
  if (from > version) return broken('newer');
  // Without a version only an object or a list can be a layout of old; anything else is damage.
  if (!versioned && (typeof stored !== 'object' || stored === null)) return broken('unreadable');
  let value: unknown = stored;
  for (let at = from; at < version; at++) {
    const migrate = spec.migrations?.[at];
    if (!migrate) return broken(at === 0 ? 'unreadable' : 'unknown-older');
    value = migrate(value, alongside);
  }
  return { value, how: { migrated: from !== version }, alongside };
}

export function storedItem<Value, Loaded = Value>(area: KeyValueStore, spec: ItemSpec<Value, Loaded>): StoredItem<Value, Loaded> {
  const queue = queueOf(area);
  const stamped = (value: unknown) => (spec.version === undefined ? value : { ...(value as object), schemaVersion: spec.version });
  const writer: ItemWriter<Value> = {
    write: (value, alongside = {}) => area.setMany({ ...alongside, [spec.key]: stamped(spec.cap ? spec.cap(value) : value) }),
    remove: (alongside = []) => area.remove([spec.key, ...alongside]),
  };
  /** Migrated values are written back at once, so each migration runs once. */
  const load = async (): Promise<Loaded> => {
    const { value, how, alongside } = bringUpToDate(spec, await area.get(spec.key));
    if (!how.migrated) return spec.parse(value, how);
    const current = stamped(value);
    await area.setMany({ ...alongside, [spec.key]: current });
    return spec.parse(current, how);
  };
  return {
    key: spec.key,
    read: () => queue(spec.key, load),
    change: (work) => queue(spec.key, async () => work(await load(), writer)),
    remove: (alongside) => queue(spec.key, () => writer.remove(alongside)),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
