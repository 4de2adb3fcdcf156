// The Firefox build the other tests drive: the same byte budgets as the Chrome build (the background
// is measured as an event page), and the popup still loads jsQR and the PNG export lazily.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetOf, measureEntries } from '../../scripts/bundle-sizes';
import { DIST_FIREFOX, expect, test } from './harness';

test('every entry of the built Firefox extension stays within its gzip budget', () => {
  const sizes = measureEntries(DIST_FIREFOX);
  expect(sizes.map((s) => s.entry).sort()).toEqual(['content script', 'event page', 'options', 'page scanner', 'popup']);
  for (const size of sizes) {
    expect(size.gzipBytes, `${size.entry}: ${size.gzipBytes} B gzip (${size.files.join(', ')})`).toBeLessThanOrEqual(budgetOf(size.entry));
  }
});

test('the popup loads jsqr and the PNG export lazily, not on first load', () => {
  const popup = measureEntries(DIST_FIREFOX).find((s) => s.entry === 'popup');
  expect(popup?.files.some((f) => /qr-decode|png-export|jsqr/.test(f))).toBe(false);
});

test('Firefox files use the browser’s own `browser` namespace: no first load carries the polyfill’s wrappers for Chrome', () => {
  // A message of the polyfill's own, for a Chrome callback that got no answer.
  const polyfillOnly = 'The message port closed before a response was received.';
  expect(readFileSync(join(import.meta.dirname, '../../node_modules/webextension-polyfill/dist/browser-polyfill.js'), 'utf8')).toContain(polyfillOnly);
  const sizes = measureEntries(DIST_FIREFOX);
  for (const entry of ['popup', 'options', 'event page']) {
    const files = sizes.find((size) => size.entry === entry)?.files ?? [];
    expect(files.length, entry).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(join(DIST_FIREFOX, file), 'utf8'), `${entry}: ${file}`).not.toContain(polyfillOnly);
  }
});
