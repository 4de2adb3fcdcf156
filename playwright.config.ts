import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // The whole run has a bound too, so a hang fails the suite instead of stalling it.
  globalTimeout: 15 * 60_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list']],
  // PIM_QR_RESULTS keeps parallel runs on one machine from deleting each other's artifacts.
  outputDir: process.env.PIM_QR_RESULTS ?? 'test-results',
  use: {
    trace: 'retain-on-failure',
  },
});
