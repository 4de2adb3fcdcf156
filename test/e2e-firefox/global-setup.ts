// Once per Firefox e2e run: find Firefox, build the Firefox extension the tests drive, and stop the
// whole run when it outlives its time limit, so a hang fails instead of stalling CI.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFirefox } from '../../scripts/find-firefox';
import { DIST_FIREFOX } from '../e2e/dist';

/**
 * The whole run. A healthy one takes about 5 minutes on two cores, and on a slow day of the same
 * virtual machine a little over 10 (2026-12-01: 10 min 5 s when it was cut off at 600 s); the
 * bound is as wide as the Chromium suite's (15 min), and CI's own bound is wider still.
 */
const RUN_LIMIT_MS = Number(process.env.PIM_QR_E2E_FIREFOX_LIMIT_S ?? 900) * 1000;
/** After cancelling, how long the running tests get to close their browsers before the process exits anyway. */
const CANCEL_GRACE_MS = 60_000;

export default function setup(project: TestProject): () => void {
  // Resolve (or install) Firefox before any test starts, so a failure names the fix once.
  project.provide('firefoxPath', findFirefox());
  if (process.env.E2E_SKIP_BUILD !== '1') {
    execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn', '--outDir', DIST_FIREFOX], {
      cwd: resolve(import.meta.dirname, '../..'),
      // Vitest sets NODE_ENV=test, which would make Vite build Preact's debug code in: test what ships.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
  }
  const limit = setTimeout(() => {
    console.error(`[e2e-firefox] the run passed its limit of ${RUN_LIMIT_MS / 1000} s: cancelling it`);
    process.exitCode = 1;
    setTimeout(() => process.exit(1), CANCEL_GRACE_MS).unref();
    void project.vitest.cancelCurrentRun('test-failure');
  }, RUN_LIMIT_MS);
  limit.unref();
  return () => clearTimeout(limit);
}
