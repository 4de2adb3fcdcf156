// Byte budgets of each entry's first load, on the build the other e2e tests exercise. Sizes are
// deterministic, so unlike timings they may be asserted.
import { BUDGETS, measureEntries } from '../../scripts/bundle-sizes';
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
