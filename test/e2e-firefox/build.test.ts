// The Firefox build the other tests drive: the same byte budgets as the Chrome build (the background
// is measured as an event page), and the popup still loads jsQR and the PNG export lazily.
import { budgetOf, measureEntries } from '../../scripts/bundle-sizes';
import { filesWithPolyfillWrappers } from '../fixtures/polyfill-wrappers';
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
  expect(filesWithPolyfillWrappers(DIST_FIREFOX, ['popup', 'options', 'event page'])).toEqual([]);
});
