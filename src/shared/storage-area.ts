// Adapts a browser storage area (local or session) to the core's KeyValueStore port.
import type { Storage } from 'webextension-polyfill';
import type { KeyValueStore } from '../core/storage-port';

export function storageAreaStore(area: Storage.StorageArea): KeyValueStore {
  return {
    get: async (key) => (await area.get(key))[key],
    getMany: (keys) => area.get([...keys]),
    set: (key, value) => area.set({ [key]: value }),
    setMany: (values) => area.set(values),
    remove: (keys) => area.remove(typeof keys === 'string' ? keys : [...keys]),
  };
}

