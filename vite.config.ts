import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { TARGETS, targetBrowser } from './scripts/browser-targets.js';
import { firefoxManifest } from './scripts/manifest-for-firefox.js';
import { singleFileEntries } from './scripts/single-file-entries.js';

// What the popup and the options page both draw with: preact, signals, the form's fields and the error
// alert. One file instead of two, since each file gzips with its own overhead and the two pages load all.
const UI_SHARED =
  /[\\/](node_modules[\\/](preact|@preact[\\/]signals(-core)?)[\\/]|src[\\/](ui[\\/](ErrorAlert|after-click|Field|watch-storage|attribute-presets|roving-focus|AttributePicker|SizeFields|QrParamFields|StatusMessage|Disclosure|EnvironmentBadge|Button|environment-name|error-view|live|param-error-text|qr-form-state)\.tsx?$|shared[\\/]send-message\.ts$))/;

// `vite build` → Chrome in dist/; `vite build --mode firefox` (or TARGET_BROWSER=firefox) → Firefox in dist-firefox/.
export default defineConfig(({ mode }) => {
  const browser = targetBrowser(mode, process.env.TARGET_BROWSER);
  // package.json holds the one version; both manifests follow it so a release cannot ship two numbers.
  const chromeManifest = { ...manifest, version: pkg.version };
  return {
    // Firefox and Chrome 148+ (the manifest's minimum) have the `browser` namespace the polyfill would hand
    // back unchanged (src/shared/native-browser.ts).
    resolve: { alias: [{ find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('./src/shared/native-browser.ts', import.meta.url)) }] },
    plugins: [preact(), crx({ manifest: browser === 'firefox' ? firefoxManifest(chromeManifest) : chromeManifest, browser }), singleFileEntries()],
    build: {
      outDir: TARGETS[browser].outDir,
      sourcemap: false,
      target: TARGETS[browser].esTarget,
      emptyOutDir: true,
      modulePreload: false,
      rollupOptions: {
        // Chrome's service worker cannot start the built-in Sandbox's emulator worker itself: this offscreen
        // document does, when the Sandbox is called (background/sandbox-fetch.ts). Firefox's event page
        // starts it itself and has no offscreen documents.
        ...(browser === 'firefox' ? {} : { input: { 'offscreen-sandbox': 'src/offscreen/sandbox.html' } }),
        output: {
          // Keeps the shared chunks as they are without the page scanner. CRXJS adds the scanner to this
          // build's graph too (it ships as its own IIFE all the same); it needs the error codes and the
          // router but not the message sender nor the placement checks, and by its imports alone those
          // chunks would split, so every page would load more files, each with its own gzip overhead.
          // The polyfill and the storage keys join the message sender: the popup, the options page and the
          // worker all load them, and one file gzips smaller than two.
          advancedChunks: {
            groups: [
              { name: 'limits', priority: 2, test: /[\\/]src[\\/]shared[\\/]limits\.ts$/ },
              { name: 'placement-messages', priority: 2, test: /[\\/]src[\\/]shared[\\/]placement-messages\.ts$/ },
              { name: 'message-sender', priority: 2, test: /[\\/](node_modules[\\/]webextension-polyfill[\\/]|src[\\/](core[\\/]errors?(-codes)?|shared[\\/](message-sender|error-text|storage-keys|default-texts|native-browser))\.ts$)/ },
              { name: 'storage-area', priority: 2, test: /[\\/]src[\\/](core[\\/](serial|storage-item)|shared[\\/](storage-area|page-address))\.ts$/ },
              { name: 'ui-shared', priority: 1, test: UI_SHARED },
              // The Sandbox's offscreen document loads this chunk, and no view does: the code that starts the
              // Sandbox's emulator rides in it rather than in a file of its own. The worker has these modules
              // in its one file (scripts/single-file-entries.ts).
              {
                name: 'message-router',
                test: /[\\/]src[\\/]shared[\\/](contract|payload|message-router|placement-shapes|contracts[\\/]placement-checks|sandbox-emulator)\.ts$/,
              },
            ],
          },
        },
      },
    },
    server: {
      host: '127.0.0.1',
      cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] },
    },
  };
});
