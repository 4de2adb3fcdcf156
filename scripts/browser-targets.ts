// The browsers the extension is built for: one table read by vite.config.ts and scripts/package.ts.
import manifest from '../manifest.json' with { type: 'json' };
import { GECKO_MIN_VERSION } from './manifest-for-firefox';

export type TargetBrowser = 'chrome' | 'firefox';

export const TARGET_BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

/**
 * Per browser: where the build goes, which engines the bundle may assume (the oldest version each
 * manifest admits), and the vite `--mode` that selects it.
 */
export const TARGETS = {
  chrome: { outDir: 'dist', esTarget: `chrome${manifest.minimum_chrome_version}`, viteArgs: [] },
  firefox: { outDir: 'dist-firefox', esTarget: `firefox${GECKO_MIN_VERSION.split('.')[0] ?? ''}`, viteArgs: ['--mode', 'firefox'] },
} as const satisfies Record<TargetBrowser, { outDir: string; esTarget: string; viteArgs: readonly string[] }>;

/** `vite --mode firefox` (or `chrome`) wins; otherwise the TARGET_BROWSER variable; otherwise Chrome. */
export function targetBrowser(mode: string, env: string | undefined): TargetBrowser {
  if (mode === 'chrome' || mode === 'firefox') return mode;
  if (env === undefined || env === '') return 'chrome';
  if (env === 'chrome' || env === 'firefox') return env;
  throw new Error(`TARGET_BROWSER must be "chrome" or "firefox", not "${env}"`);
}
