import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { TARGETS, targetBrowser } from './scripts/browser-targets.js';
import { firefoxManifest } from './scripts/manifest-for-firefox.js';
import { singleFileEntries } from './scripts/single-file-entries.js';
import { stableManifest } from './scripts/stable-manifest.js';

// `vite build` → Chrome in dist/; `vite build --mode firefox` (or TARGET_BROWSER=firefox) → Firefox in dist-firefox/.
export default defineConfig(({ mode }) => {
  const browser = targetBrowser(mode, process.env.TARGET_BROWSER);
  // package.json holds the one version; both manifests follow it so a release cannot ship two numbers.
  const chromeManifest = { ...manifest, version: pkg.version };
  return {
    // Firefox and Chrome 148+ (the manifest's minimum) have the `browser` namespace the polyfill would hand
    // back unchanged (src/shared/native-browser.ts).
    resolve: { alias: [{ find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./src/shared/native-browser.ts', import.meta.url)) }] },
    plugins: [preact(), crx({ manifest: browser === 'firefox' ? firefoxManifest(chromeManifest) : chromeManifest, browser }), singleFileEntries(), stableManifest()],
    build: {
      outDir: TARGETS[browser].outDir,
      sourcemap: false,
      target: TARGETS[browser].esTarget,
      emptyOutDir: true,
      modulePreload: false,
      // No chunk groups of our own: scripts/single-file-entries.ts then writes each entry as one file, and
      // a module only a lazily loaded part uses stays in that part's chunk, out of the first load.
      rollupOptions: {
        // Chrome's service worker cannot start the built-in Sandbox's emulator worker itself: this offscreen
        // document does, when the Sandbox is called (background/sandbox-fetch.ts). Firefox's event page
        // starts it itself and has no offscreen documents.
        ...(browser === 'firefox' ? {} : { input: { 'offscreen-sandbox': 'src/offscreen/sandbox.html' } }),
      },
    },
    server: {
      host: '127.0.0.1',
      cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] },
    },
  };
});
