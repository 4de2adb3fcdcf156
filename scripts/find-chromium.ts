// Finds a Chromium that still accepts --load-extension (branded Chrome 137+ refuses it), installing
// Debian's package when we are root on a Debian-like machine, so `npm start` and `npm test` work on a fresh box.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { browserVersion, canInstallDebianPackages, installDebianPackage } from './debian-package';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL_COMMAND = 'sudo apt-get install -y chromium';

function playwrightChromium(): string | undefined {
  try {
    // playwright-core knows where its own download would live; that path exists only if someone installed it.
    // Loaded lazily so this module works where playwright-core is absent.
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(log: (line: string) => void = console.info): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`[chromium] CHROMIUM_PATH=${override} does not exist.`);
    return override;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const bundled = playwrightChromium();
  if (bundled) return bundled;
  if (canInstallDebianPackages()) {
    installDebianPackage('chromium', log);
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  throw new Error(
    `[chromium] No Chromium found. Install one with \`${INSTALL_COMMAND}\`, or set CHROMIUM_PATH to a Chromium binary ` +
      '(branded Google Chrome 137+ cannot load unpacked extensions from the command line).',
  );
}

export function chromiumVersion(path: string): string {
  return browserVersion(path);
}

/** Flags for an extension-loading Chromium on a machine with a closed network and maybe no display. */
export function extensionLaunchArgs(distDir: string): string[] {
  return [
    '--no-sandbox',
    `--disable-extensions-except=${distDir}`,
    `--load-extension=${distDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ];
}
