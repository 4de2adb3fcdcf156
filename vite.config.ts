import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// package.json holds the one version; the manifest follows it so a release cannot ship two numbers.
const versionedManifest = { ...manifest, version: pkg.version };

export default defineConfig({
  plugins: [preact(), crx({ manifest: versionedManifest })],
  build: {
    sourcemap: false,
    target: 'chrome120',
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    cors: { origin: [/chrome-extension:\/\//] },
  },
});
