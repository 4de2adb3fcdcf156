// Firefox builds resolve `webextension-polyfill` to this module (vite.config.ts). In Firefox the polyfill
// hands back the browser's own promise-based `browser` namespace unchanged, so its wrappers for Chrome's
// callbacks (about 3.5 KiB gzip) would load with every page, the event page and nothing would run them.
const native = (globalThis as { browser?: { runtime?: { id?: string } } }).browser;
if (native?.runtime?.id === undefined) throw new Error('This script should only be loaded in a browser extension.');

export default native;
