// Every build resolves `webextension-polyfill` to this module (vite.config.ts). Firefox and Chrome from
// version 148 (manifest.json's `minimum_chrome_version`; Edge follows Chromium's numbers) have the
// promise-based `browser` namespace, and there the polyfill hands it back unchanged: its wrappers for
// Chrome's callbacks (about 3.5 KiB gzip) would load with every page and the background, and nothing
// would run them. The code keeps importing the polyfill, so its types and its contract stay one.
const native = (globalThis as { browser?: { runtime?: { id?: string } } }).browser;
if (native?.runtime?.id === undefined) throw new Error('This script should only be loaded in a browser extension.');

export default native;
