// The release zips: what is inside, how big, and that the same sources give the same bytes.
// Builds both browsers twice into a temporary folder (a few seconds); dist/ is left alone.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetBrowser } from '../../../scripts/browser-targets';
import {
  deterministicZip,
  entryTimestamp,
  htmlReferences,
  isExcluded,
  isForbidden,
  manifestReferences,
  packageProblems,
  packageRelease,
  parseArgs,
  type ReleasePackage,
  releaseFileName,
} from '../../../scripts/package';

/**
 * Each zip must stay below this; today both are about 342 KB. The largest parts load only when used:
 * the page scanner (injected into a page as one file, so it carries its own QR decoder) and the
 * code generator behind Copy as code.
 */
const MAX_ZIP_BYTES = 384 * 1024;
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const LOCALES = readdirSync('public/_locales');
const ICONS = ['icons/icon-16.png', 'icons/icon-32.png', 'icons/icon-48.png', 'icons/icon-128.png'];
const BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

interface CentralEntry {
  name: string;
  madeBy: number;
  dosTime: number;
  dosDate: number;
  mode: number;
}

/** The zip's central directory, read by hand: fflate's reader does not report dates or modes. */
function centralDirectory(zip: Uint8Array): CentralEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      madeBy: view.getUint8(at + 5),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      mode: view.getUint32(at + 38, true) >>> 16,
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('release packages', () => {
  let work: string;
  let first: ReleasePackage[];
  let second: ReleasePackage[];

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'pim-qr-package-'));
    const run = (name: string) =>
      packageRelease({
        build: true,
        quiet: true,
        releaseDir: join(work, name, 'release'),
        buildDirs: { chrome: join(work, name, 'chrome'), firefox: join(work, name, 'firefox') },
      });
    first = run('first');
    second = run('second');
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const zipOf = (browser: TargetBrowser) => {
    const pkg = first.find((p) => p.browser === browser);
    if (!pkg) throw new Error(`no ${browser} package`);
    const bytes = new Uint8Array(readFileSync(pkg.file));
    return { pkg, bytes, files: unzipSync(bytes) };
  };
  const manifestOf = (browser: TargetBrowser) =>
    JSON.parse(new TextDecoder().decode(zipOf(browser).files['manifest.json'])) as Record<string, unknown> & {
      background: Record<string, unknown>;
      permissions: string[];
    };

  it('writes one zip per browser, named after the version in package.json', () => {
    expect(first.map((p) => p.file.split(/[\\/]/).at(-1))).toEqual([
      `pim-qr-chrome-${VERSION}.zip`,
      `pim-qr-firefox-${VERSION}.zip`,
    ]);
    expect(releaseFileName('firefox', '1.2.3')).toBe('pim-qr-firefox-1.2.3.zip');
  });

  it('gives byte-identical zips from two clean builds', () => {
    // Per file first, so a difference names the file (a source edited between the two builds shows here too).
    const fileHashes = (file: string) =>
      Object.fromEntries(Object.entries(unzipSync(new Uint8Array(readFileSync(file)))).map(([name, data]) => [name, sha256(data)]));
    for (const [index, pkg] of first.entries()) {
      const again = second[index];
      expect(again?.browser).toBe(pkg.browser);
      expect(fileHashes(again?.file ?? '')).toEqual(fileHashes(pkg.file));
      expect(sha256(readFileSync(pkg.file))).toBe(pkg.sha256);
      expect(sha256(readFileSync(again?.file ?? ''))).toBe(pkg.sha256);
    }
  });

  describe.each(BROWSERS)('%s', (browser) => {
    it('has an MV3 manifest with package.json version and its browser background key', () => {
      const manifest = manifestOf(browser);
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.version).toBe(VERSION);
      if (browser === 'chrome') {
        expect(Object.keys(manifest.background).sort()).toEqual(['service_worker', 'type']);
        expect(manifest).not.toHaveProperty('browser_specific_settings');
      } else {
        expect(Object.keys(manifest.background).sort()).toEqual(['scripts', 'type']);
        expect(manifest).toHaveProperty('browser_specific_settings.gecko.id');
        expect(manifest).not.toHaveProperty('side_panel');
        expect(manifest.permissions).not.toContain('sidePanel');
        expect(JSON.stringify(manifest)).not.toContain('use_dynamic_url');
      }
    });

    it('ships no source maps, tests, fixtures or dot folders', () => {
      const names = Object.keys(zipOf(browser).files);
      expect(names.filter((name) => isExcluded(name) || isForbidden(name))).toEqual([]);
      expect(names.filter((name) => /\.map$|(^|\/)(\.vite|test|tests|fixtures)\//.test(name))).toEqual([]);
    });

    it('has the icons and the messages of every locale (English at least)', () => {
      const names = Object.keys(zipOf(browser).files);
      expect(names).toEqual(expect.arrayContaining([...ICONS, '_locales/en/messages.json']));
      for (const locale of LOCALES) expect(names).toContain(`_locales/${locale}/messages.json`);
    });

    it('contains every file the manifest and its pages reference', () => {
      const { files } = zipOf(browser);
      const map = new Map(Object.entries(files));
      const references = manifestReferences(manifestOf(browser));
      expect(references).toEqual(expect.arrayContaining(['src/popup/index.html', 'src/options/index.html', ...ICONS]));
      expect(references.filter((path) => !map.has(path))).toEqual([]);
      expect(packageProblems(browser, map, VERSION)).toEqual([]);
    });

    it(`stays under ${MAX_ZIP_BYTES} bytes`, () => {
      const { pkg, bytes } = zipOf(browser);
      expect(bytes.byteLength).toBe(pkg.bytes);
      expect(pkg.bytes).toBeLessThan(MAX_ZIP_BYTES);
    });

    it('lists entries sorted, with one fixed date and rw-r--r-- for every file', () => {
      const entries = centralDirectory(zipOf(browser).bytes);
      const names = entries.map((e) => e.name);
      expect(names).toEqual([...names].sort());
      expect(new Set(entries.map((e) => `${e.dosDate}:${e.dosTime}`))).toEqual(new Set([`${(0 << 9) | (1 << 5) | 1}:0`]));
      expect(new Set(entries.map((e) => `${e.madeBy}:${e.mode.toString(8)}`))).toEqual(new Set(['3:100644']));
    });
  });
});

describe('deterministicZip', () => {
  const files = (order: string[]) => new Map(order.map((name) => [name, utf8(`content of ${name}`)]));

  it('does not depend on the order files were found in or on the time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Chatham';
      const a = deterministicZip(files(['b.js', 'a/z.js', 'a.js']), Date.UTC(2024, 5, 1, 12, 30, 10));
      process.env.TZ = 'America/St_Johns';
      const b = deterministicZip(files(['a.js', 'b.js', 'a/z.js']), Date.UTC(2024, 5, 1, 12, 30, 10));
      expect(sha256(a)).toBe(sha256(b));
      expect(centralDirectory(a).map((e) => e.name)).toEqual(['a.js', 'a/z.js', 'b.js']);
      // 2024-06-01 12:30:10 UTC, as the zip stores it.
      expect(centralDirectory(a)[0]).toMatchObject({ dosDate: (44 << 9) | (6 << 5) | 1, dosTime: (12 << 11) | (30 << 5) | 5 });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expect(process.env.TZ).toBe(tz);
  });

  it('round-trips the contents', () => {
    const zip = deterministicZip(files(['x/y.txt', 'manifest.json']));
    expect(new TextDecoder().decode(unzipSync(zip)['x/y.txt'])).toBe('content of x/y.txt');
  });
});

describe('entryTimestamp', () => {
  it('is 1980-01-01 unless SOURCE_DATE_EPOCH is set, then that (rounded down to 2 s, never before 1980)', () => {
    expect(entryTimestamp({})).toBe(Date.UTC(1980, 0, 1));
    expect(entryTimestamp({ SOURCE_DATE_EPOCH: '1700000001' })).toBe(1_700_000_000_000);
    expect(entryTimestamp({ SOURCE_DATE_EPOCH: '0' })).toBe(Date.UTC(1980, 0, 1));
    expect(() => entryTimestamp({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe('what a package may hold', () => {
  it('leaves out dot folders and source maps, and refuses tests and fixtures', () => {
    expect(isExcluded('.vite/manifest.json')).toBe(true);
    expect(isExcluded('assets/index-abc.js.map')).toBe(true);
    expect(isExcluded('assets/index-abc.js')).toBe(false);
    expect(isForbidden('test/fixtures/page.html')).toBe(true);
    expect(isForbidden('assets/params.test.js')).toBe(true);
    expect(isForbidden('src/popup/index.html')).toBe(false);
  });

  it('finds every file a manifest names, without queries, globs or placeholders', () => {
    expect(
      manifestReferences({
        default_locale: 'nl',
        icons: { '16': 'icons/a.png' },
        action: { default_popup: 'popup.html', default_icon: 'icons/b.png' },
        sidebar_action: { default_panel: 'popup.html?view=sidepanel', default_icon: { '16': 'icons/c.png' } },
        side_panel: { default_path: 'panel.html' },
        options_ui: { page: '/options.html' },
        background: { scripts: ['bg.js'] },
        content_scripts: [{ js: ['cs.js'], css: ['cs.css'] }],
        web_accessible_resources: [{ resources: ['war.js', '<dynamic_resource>', 'assets/*'], matches: ['https://*/*'] }],
      }),
    ).toEqual(['_locales/nl/messages.json', 'bg.js', 'cs.css', 'cs.js', 'icons/a.png', 'icons/b.png', 'icons/c.png', 'options.html', 'panel.html', 'popup.html', 'war.js'].sort());
  });

  it('resolves what a page loads against the page, skipping URLs', () => {
    const html = '<script type="module" src="/assets/a.js"></script><link href="../b.css"><a href="https://x.test/"></a><img src="data:,">';
    expect(htmlReferences('src/popup/index.html', html)).toEqual(['assets/a.js', 'src/b.css']);
  });

  it('names each problem that must stop a release', () => {
    const manifest = { manifest_version: 3, version: '0.0.1', background: { service_worker: 'sw.js' }, icons: { '16': 'i.png' } };
    const files = new Map([
      ['manifest.json', utf8(JSON.stringify(manifest))],
      ['sw.js', utf8('')],
      ['sw.js.map', utf8('')],
    ]);
    expect(packageProblems('chrome', files, '0.0.2')).toEqual([
      'sw.js.map must not be shipped',
      'manifest version 0.0.1 is not package.json\'s 0.0.2',
      'manifest.json names i.png, which is not in the package',
    ]);
    expect(packageProblems('firefox', files, '0.0.1')).toContain('the firefox manifest must name its background with background.scripts only');
  });

  it('takes --no-build and --out', () => {
    expect(parseArgs([])).toEqual({ build: true, releaseDir: 'release' });
    expect(parseArgs(['--no-build', '--out', 'tmp/r'])).toEqual({ build: false, releaseDir: 'tmp/r' });
    expect(() => parseArgs(['--nobuild'])).toThrow(/unknown argument/);
  });
});
