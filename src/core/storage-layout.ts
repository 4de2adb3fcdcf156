// Versioned layouts of stored items (storage-item.ts): the version a value is stored with, and the
// ordered migrations that bring an older one up to date. Pure, so each layout's migrations can be
// tested alone; kept apart from the item itself so a view whose items have no versions (the popup's
// draft) does not load it.
import type { ItemLayout, LoadInfo } from './storage-item';

/**
 * `migrations[n]` turns a version-n value into version n + 1. A stored value without an integer
 * `schemaVersion` is version 0. A migration may move parts of the item out to keys of their own by
 * putting them in `alongside`: they are written in the same storage call as the migrated value.
 */
export type Migrations = Readonly<Record<number, (old: unknown, alongside: Record<string, unknown>) => object>>;

export function versioned(version: number, migrations: Migrations = {}): ItemLayout {
  return {
    version,
    upgrade(stored) {
      const alongside: Record<string, unknown> = {};
      const result = (value: unknown, how: LoadInfo) => ({ value, how, alongside });
      if (stored === undefined) return result(undefined, { migrated: false });
      const record = typeof stored === 'object' && stored !== null ? (stored as { schemaVersion?: unknown }) : undefined;
      const from = record && !Array.isArray(record) && Number.isInteger(record.schemaVersion) ? (record.schemaVersion as number) : 0;
      if (from > version) return result(undefined, { migrated: false, problem: 'newer' });
      // Without a version only an object or a list can be a layout of old; anything else is damage.
      if (!record) return result(undefined, { migrated: false, problem: 'unreadable' });
      let value: unknown = stored;
      for (let at = from; at < version; at++) {
        const migrate = migrations[at];
        if (!migrate) return result(undefined, { migrated: false, problem: at === 0 ? 'unreadable' : 'unknown-older' });
        value = migrate(value, alongside);
      }
      return result(value, { migrated: from !== version });
    },
  };
}
