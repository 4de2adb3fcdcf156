// Finds a desktop Firefox new enough for the extension, installing Debian's firefox-esr when we are
// root on a Debian-like machine, so the Firefox commands work on a fresh box as the Chromium ones do.
import { existsSync } from 'node:fs';
import { browserVersion, canInstallDebianPackages, installDebianPackage } from './debian-package';
import { GECKO_MIN_VERSION } from './manifest-for-firefox';

const DEBIAN_FIREFOX_ESR = '/usr/bin/firefox-esr';
/** Debian's `firefox` (unstable), Fedora's, Arch's: the same binary under its own name. */
const OTHER_FIREFOX = '/usr/bin/firefox';
const INSTALL_COMMAND = 'sudo apt-get install -y firefox-esr';

export function findFirefox(log: (line: string) => void = console.info): string {
  const override = process.env.FIREFOX_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`[firefox] FIREFOX_PATH=${override} does not exist.`);
    return checked(override);
  }
  for (const path of [DEBIAN_FIREFOX_ESR, OTHER_FIREFOX]) if (existsSync(path)) return checked(path);
  if (canInstallDebianPackages()) {
    installDebianPackage('firefox-esr', log, '[firefox]');
    if (existsSync(DEBIAN_FIREFOX_ESR)) return checked(DEBIAN_FIREFOX_ESR);
  }
  throw new Error(`[firefox] No Firefox found. Install one with \`${INSTALL_COMMAND}\`, or set FIREFOX_PATH to a Firefox binary.`);
}

export function firefoxVersion(path: string): string {
  return browserVersion(path);
}

/** The major version in `firefox --version` ("Mozilla Firefox 153.8.0esr" → 153), or undefined. */
export function firefoxMajor(versionText: string): number | undefined {
  const match = /\bFirefox\s+(\d+)\./.exec(versionText);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

// The manifest refuses to install below its strict_min_version; saying so here beats a cryptic install error.
function checked(path: string): string {
  const major = firefoxMajor(firefoxVersion(path));
  const minimum = Number.parseInt(GECKO_MIN_VERSION, 10);
  if (major !== undefined && major < minimum) {
    throw new Error(`[firefox] ${path} is Firefox ${major}; PiM QR needs ${minimum} or later. Set FIREFOX_PATH to a newer one.`);
  }
  return path;
}
