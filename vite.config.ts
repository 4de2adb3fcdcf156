import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { TARGETS, targetBrowser } from './scripts/browser-targets.js';
import { firefoxManifest } from './scripts/manifest-for-firefox.js';

// `vite build` → Chrome in dist/; `vite build --mode firefox` (or TARGET_BROWSER=firefox) → Firefox in dist-firefox/.
export default defineConfig(({ mode }) => {
  const browser = targetBrowser(mode, process.env.TARGET_BROWSER);
  // package.json holds the one version; both manifests follow it so a release cannot ship two numbers.
  const chromeManifest = { ...manifest, version: pkg.version };
  return {
    plugins: [preact(), crx({ manifest: browser === 'firefox' ? firefoxManifest(chromeManifest) : chromeManifest, browser })],
    build: {
      outDir: TARGETS[browser].outDir,
      sourcemap: false,
      target: TARGETS[browser].esTarget,
      emptyOutDir: true,
      modulePreload: false,
    },
    server: {
      host: '127.0.0.1',
      cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] },
    },
  };
});
