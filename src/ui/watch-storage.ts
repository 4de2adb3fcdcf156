// The browser's side of ui/live.ts: storage.onChanged of every area, as the keys that changed.
import browser from 'webextension-polyfill';
import type { WatchStorage } from './live';

export const watchStorage: WatchStorage = (listener) => browser.storage.onChanged.addListener((changes) => listener(Object.keys(changes)));
