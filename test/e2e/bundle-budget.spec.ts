// Byte budgets of each entry's first load, on the build the other e2e tests exercise. Sizes are
// deterministic, so unlike timings they may be asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, measureEntries } from '../../scripts/bundle-sizes';
import { unreachableAssets } from '../../scripts/single-file-entries';
import { filesWithPolyfillWrappers } from '../fixtures/polyfill-wrappers';
import { DIST, expect, test } from './harness';

test('every entry of the built extension stays within its gzip budget', () => {
  const sizes = measureEntries(DIST);
  expect(sizes.map((s) => s.entry).sort()).toEqual(Object.keys(BUDGETS).sort());
  for (const size of sizes) {
    const budget = BUDGETS[size.entry] ?? 0;
    expect(size.gzipBytes, `${size.entry}: ${size.gzipBytes} B gzip (${size.files.join(', ')})`).toBeLessThanOrEqual(budget);
  }
});

test('the popup loads jsqr and the PNG export lazily, not on first load', () => {
  const popup = measureEntries(DIST).find((s) => s.entry === 'popup');
  expect(popup?.files.some((f) => /qr-decode|png-export|jsqr/.test(f))).toBe(false);
});

test('the worker loads the built-in Sandbox’s emulator only when the Sandbox is called, not on first load', () => {
  const worker = measureEntries(DIST).find((s) => s.entry === 'service worker');
  expect(worker?.files.length).toBeGreaterThan(0);
  const firstLoad = worker?.files.map((file) => readFileSync(join(DIST, file), 'utf8')).join('\n') ?? '';
  // The emulator's QR band, its token endpoint's refusal and the address its QR codes encode are in no file the worker loads.
  expect(firstLoad).toContain('sandbox-client');
  expect(firstLoad).not.toContain('not a real PiM code');
  expect(firstLoad).not.toContain('ClientId is Invalid');
  expect(firstLoad).not.toContain('sandbox.pim.invalid/r/');
});

test('the worker, the popup and the options page each start from one script, and the build ships no file nothing loads', () => {
  for (const size of measureEntries(DIST)) {
    if (!['service worker', 'popup', 'options'].includes(size.entry)) continue;
    expect(size.files.filter((file) => file.endsWith('.js')), size.entry).toHaveLength(1);
  }
  expect(unreachableAssets(DIST)).toEqual([]);
});

test('Chrome 148 and later have the `browser` namespace: the manifest asks for it, and no first load carries the polyfill’s wrappers', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { minimum_chrome_version?: string };
  expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(148);
  expect(filesWithPolyfillWrappers(DIST, ['popup', 'options', 'service worker'])).toEqual([]);
});
