// Builds dist/ once per run so every e2e test exercises the extension exactly as it ships.
import { execFileSync } from 'node:child_process';
import { findChromium } from '../../scripts/find-chromium';
import { DIST } from './dist';
import { writeKeyedBuild } from './keyed-build';

export default function globalSetup(): void {
  // Resolve (or install) Chromium before any worker starts, so failures name the fix once.
  findChromium();
  if (process.env.E2E_SKIP_BUILD !== '1') execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', DIST], { stdio: 'inherit' });
  // The same build with a fixed id, for the browser-policy tests (managed-policy.spec.ts).
  writeKeyedBuild();
}
