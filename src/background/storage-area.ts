// Adapts a browser storage area (local or session) to the core's KeyValueStore port.
import type { Storage } from 'webextension-polyfill';
import type { KeyValueStore } from '../core/storage-port';

export function storageAreaStore(area: Storage.StorageArea): KeyValueStore {
  return {
    get: async (key) => (await area.get(key))[key],
    set: async (key, value) => {
      await area.set({ [key]: value });
    },
    remove: async (key) => {
      await area.remove(key);
    },
  };
}
