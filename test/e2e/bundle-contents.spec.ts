// Development-only code must never ship. The sandbox's development layer (faults, hostile SVGs with
// <script> and on* payloads, the /__sandbox admin routes) serves scripts/ and tests; the extension
// carries only the plain emulator. Every file of the Chrome build the other e2e tests run, and of a
// fresh Firefox build, is searched for that layer's payloads and markers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ADMIN_PREFIX, FAULT_HEADER } from '../../src/core/sandbox/dev/handler';
import { HOSTILE_MARKER } from '../../src/core/sandbox/dev/hostile';
import { DIST, expect, test } from './harness';

/** Strings only the development layer holds; the hostile ones are the attack payloads themselves. */
const DEV_MARKERS: readonly string[] = [
  HOSTILE_MARKER, // the global every hostile <script>, on* handler and javascript: link sets
  'href="javascript:', // the hostile `<a href="javascript:…">` payload (bare `javascript:` is a key of the code generator's language table)
  'HTML smuggled into SVG', // the hostile <foreignObject> payload
  FAULT_HEADER, // per-request faults
  ADMIN_PREFIX.slice(1), // `__sandbox/`: stats, config, reset and the beacon hostile SVGs point at
  'Unknown sandbox fault', // the fault parser
  'sandbox: injected', // the error bodies faults produce
  'malformed-base64', // a fault name
];

/** Every file under `dir`, as a path relative to it and its text (markers are ASCII, so latin1 reads any file). */
function shippedFiles(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { file: relative(dir, path), text: readFileSync(path, 'latin1') };
    });
}

function devMarkersIn(dir: string): string[] {
  return shippedFiles(dir).flatMap(({ file, text }) => DEV_MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`));
}

/** The built-in Sandbox's own QR label: proves the scan read the worker that carries the emulator. */
function carriesEmulator(dir: string): boolean {
  return shippedFiles(dir).some(({ file, text }) => file.endsWith('.js') && text.includes('not a real PiM code'));
}

test('the Chrome build ships no development sandbox code: no attack payload, fault or admin route', () => {
  expect(carriesEmulator(DIST)).toBe(true);
  expect(devMarkersIn(DIST)).toEqual([]);
});

test.describe('the Firefox build', () => {
  let firefoxDist = '';
  test.beforeAll(() => {
    firefoxDist = mkdtempSync(join(tmpdir(), 'pim-qr-firefox-'));
    execFileSync('npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn', '--outDir', firefoxDist], { stdio: 'inherit' });
  });
  test.afterAll(() => {
    if (firefoxDist !== '') rmSync(firefoxDist, { recursive: true, force: true });
  });

  test('ships no development sandbox code: no attack payload, fault or admin route', () => {
    const manifest = JSON.parse(readFileSync(join(firefoxDist, 'manifest.json'), 'utf8')) as { background?: { scripts?: string[] } };
    expect(manifest.background?.scripts?.length, 'a Firefox build: an event page, not a service worker').toBeGreaterThan(0);
    expect(carriesEmulator(firefoxDist)).toBe(true);
    expect(devMarkersIn(firefoxDist)).toEqual([]);
  });
});
