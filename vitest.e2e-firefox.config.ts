// The Firefox end-to-end suite: `npm run test:e2e:firefox`. Vitest runs it (Playwright cannot load
// extensions into Firefox); puppeteer-core drives Firefox over WebDriver BiDi (test/e2e-firefox/harness.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e-firefox/global-setup.ts'],
    // Every test and hook has a limit, so a hang fails; global-setup.ts limits the whole run.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // Each test starts its own Firefox; two at a time is what two cores carry.
    pool: 'forks',
    maxWorkers: 2,
    retry: 0,
  },
});
