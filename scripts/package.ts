// Release packages for the Chrome Web Store and Firefox Add-ons, from the one version in package.json:
//   npm run package               builds both browsers, then writes release/pim-qr-<browser>-<version>.zip
//   npm run package -- --no-build zips the dist/ and dist-firefox/ already there
// The same build gives the same bytes: sorted entries, one fixed timestamp, fixed permissions and a
// pure-JS deflate (fflate, pinned) whose output does not depend on the machine's zlib.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zipSync, type Zippable, type ZipOptions } from 'fflate';
import { TARGET_BROWSERS, TARGETS, type TargetBrowser } from './browser-targets';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PackageOptions {
  /** Build each browser first (default); false zips what is already in the build folders. */
  build: boolean;
  /** Where the zips go. */
  releaseDir: string;
  /** Build folder per browser (default: the ones vite.config.ts uses, dist/ and dist-firefox/). */
  buildDirs?: Partial<Record<TargetBrowser, string>>;
  /** Hide the builds' progress output (warnings and errors still show). */
  quiet?: boolean;
}

export interface ReleasePackage {
  browser: TargetBrowser;
  file: string;
  bytes: number;
  sha256: string;
  entries: string[];
}

/** What release packages are called: one per browser and version. */
export function releaseFileName(browser: TargetBrowser, version: string): string {
  return `pim-qr-${browser}-${version}.zip`;
}

/** The version both manifests carry (vite.config.ts copies it in). */
export function packageVersion(root = ROOT): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(pkg.version)) {
    throw new Error(`package.json version must be 1 to 4 dot-separated integers for both stores, not ${String(pkg.version)}`);
  }
  return pkg.version;
}

/** Runs the production build of one browser into `outDir` (default: its usual folder). */
export function buildBrowser(browser: TargetBrowser, outDir?: string, quiet = false): void {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [viteBin, 'build', ...TARGETS[browser].viteArgs, '--logLevel', 'warn'];
  if (outDir) args.push('--outDir', outDir, '--emptyOutDir');
  // Always a production bundle, even when called from a test runner that set NODE_ENV=test.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', TARGET_BROWSER: browser };
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env });
}

/** Left out of every package: dot folders (.vite), source maps. */
export function isExcluded(path: string): boolean {
  return path.split('/').some((segment) => segment.startsWith('.')) || path.endsWith('.map');
}

/** Never in a build; if one shows up, the build is wrong and nothing is shipped. */
export function isForbidden(path: string): boolean {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  return (
    segments.some((s) => ['test', 'tests', '__tests__', 'fixtures', 'e2e', 'node_modules'].includes(s)) ||
    /\.(test|spec)\.[cm]?[jt]sx?$/.test(name)
  );
}

/** Every file under `dir`, as forward-slash paths relative to it, in code-unit order. */
export function listFiles(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  return files.sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files a manifest makes the browser load, without `?query`/`#hash`; globs and `<…>` placeholders are skipped. */
export function manifestReferences(manifest: Readonly<Record<string, unknown>>): string[] {
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') {
      const path = value.split(/[?#]/)[0]?.replace(/^\//, '') ?? '';
      if (path && !/[*<>]/.test(path)) found.add(path);
    } else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  const at = (value: unknown, key: string): unknown =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  const each = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

  add(manifest.icons);
  for (const key of ['action', 'browser_action', 'page_action', 'sidebar_action']) {
    add(at(manifest[key], 'default_icon'));
    add(at(manifest[key], 'default_popup'));
    add(at(manifest[key], 'default_panel'));
  }
  add(at(manifest.options_ui, 'page'));
  add(manifest.options_page);
  add(at(manifest.side_panel, 'default_path'));
  add(at(manifest.background, 'service_worker'));
  add(at(manifest.background, 'scripts'));
  add(at(manifest.background, 'page'));
  for (const script of each(manifest.content_scripts)) {
    add(at(script, 'js'));
    add(at(script, 'css'));
  }
  for (const resource of each(manifest.web_accessible_resources)) add(at(resource, 'resources'));
  if (typeof manifest.default_locale === 'string') found.add(`_locales/${manifest.default_locale}/messages.json`);
  return [...found].sort(compareCodeUnits);
}

/** Files an HTML page loads from the package (`src`/`href` that are not URLs), resolved against the page. */
export function htmlReferences(page: string, html: string): string[] {
  const refs: string[] = [];
  for (const match of html.matchAll(/\s(?:src|href)="([^"]+)"/g)) {
    const ref = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(ref)) continue;
    const base = new URL(`https://package.invalid/${page}`);
    refs.push(decodeURIComponent(new URL(ref, base).pathname.slice(1)));
  }
  return refs;
}

/** Problems that must stop a release; [] when the package may ship. */
export function packageProblems(browser: TargetBrowser, files: ReadonlyMap<string, Uint8Array>, version: string): string[] {
  const problems: string[] = [];
  for (const path of files.keys()) {
    if (isExcluded(path) || isForbidden(path)) problems.push(`${path} must not be shipped`);
  }
  const raw = files.get('manifest.json');
  if (!raw) return [...problems, 'manifest.json is missing'];
  const manifest = JSON.parse(new TextDecoder().decode(raw)) as Record<string, unknown>;
  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${String(manifest.manifest_version)}, not 3`);
  if (manifest.version !== version) problems.push(`manifest version ${String(manifest.version)} is not package.json's ${version}`);
  const background = manifest.background as Record<string, unknown> | undefined;
  const backgroundKey = browser === 'firefox' ? 'scripts' : 'service_worker';
  const otherKey = browser === 'firefox' ? 'service_worker' : 'scripts';
  if (!background?.[backgroundKey] || background[otherKey] !== undefined) {
    problems.push(`the ${browser} manifest must name its background with background.${backgroundKey} only`);
  }
  for (const path of manifestReferences(manifest)) {
    if (!files.has(path)) problems.push(`manifest.json names ${path}, which is not in the package`);
  }
  for (const [page, data] of files) {
    if (!page.endsWith('.html')) continue;
    for (const path of htmlReferences(page, new TextDecoder().decode(data))) {
      if (!files.has(path)) problems.push(`${page} loads ${path}, which is not in the package`);
    }
  }
  return problems;
}

/**
 * The one timestamp every entry carries: SOURCE_DATE_EPOCH (seconds) when set, else 1980-01-01,
 * the earliest a zip can record. Stored as UTC wall-clock time, as reproducible builds do.
 */
export function entryTimestamp(env: NodeJS.ProcessEnv = process.env): number {
  const dosEpoch = Date.UTC(1980, 0, 1);
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return dosEpoch;
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, not "${raw}"`);
  // Zip times have 2-second steps: round down so the value stored is the value given.
  return Math.max(dosEpoch, Math.floor(Number(raw) / 2) * 2 * 1000);
}

/** A zip of `files` whose bytes depend only on the paths, contents and `timestamp`. */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>, timestamp = entryTimestamp()): Uint8Array {
  const paths = [...files.keys()].sort(compareCodeUnits);
  const tree: Zippable = {};
  // fflate writes each date with the local-time getters: run it in UTC so every machine writes the same.
  const previousTz = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    const options: ZipOptions = {
      level: 9,
      mtime: new Date(timestamp),
      os: 3, // Unix, so the mode below is read as rw-r--r--
      attrs: (0o100644 << 16) >>> 0,
    };
    for (const path of paths) tree[path] = [files.get(path) as Uint8Array, options];
    // Object keys that look like integers would be reordered; a build has no such file name.
    if (Object.keys(tree).join('\n') !== paths.join('\n')) throw new Error('file order would not be kept');
    return zipSync(tree);
  } finally {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  }
}

/** The files of a build folder that go into its package (dot folders and source maps left out). */
export function readBuild(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const path of listFiles(dir)) {
    if (!isExcluded(path)) files.set(path, readFileSync(join(dir, ...path.split('/'))));
  }
  return files;
}

/** Builds (unless told not to), checks and zips both browsers; throws before writing anything on a problem. */
export function packageRelease(options: PackageOptions): ReleasePackage[] {
  const version = packageVersion();
  const dirs = Object.fromEntries(
    TARGET_BROWSERS.map((browser) => [browser, resolve(ROOT, options.buildDirs?.[browser] ?? TARGETS[browser].outDir)]),
  ) as Record<TargetBrowser, string>;
  if (options.build) for (const browser of TARGET_BROWSERS) buildBrowser(browser, dirs[browser], options.quiet);

  const zips = TARGET_BROWSERS.map((browser) => {
    if (!existsSync(join(dirs[browser], 'manifest.json'))) {
      throw new Error(`no ${browser} build in ${dirs[browser]}: run without --no-build (or build it first)`);
    }
    const files = readBuild(dirs[browser]);
    const problems = packageProblems(browser, files, version);
    if (problems.length > 0) throw new Error(`${browser} package from ${dirs[browser]}:\n- ${problems.join('\n- ')}`);
    return { browser, bytes: deterministicZip(files), entries: [...files.keys()] };
  });

  const releaseDir = resolve(ROOT, options.releaseDir);
  mkdirSync(releaseDir, { recursive: true });
  return zips.map(({ browser, bytes, entries }) => {
    const file = join(releaseDir, releaseFileName(browser, version));
    writeFileSync(file, bytes);
    return { browser, file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), entries };
  });
}

export function parseArgs(argv: readonly string[]): PackageOptions {
  const options: PackageOptions = { build: true, releaseDir: 'release' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--out' && argv[i + 1]) options.releaseDir = argv[++i] as string;
    else throw new Error(`unknown argument ${String(arg)} (use --no-build, --out <folder>)`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    for (const pkg of packageRelease(parseArgs(process.argv.slice(2)))) {
      console.info(`[package] ${relative(process.cwd(), pkg.file)}  ${pkg.bytes} bytes  ${pkg.entries.length} files  sha256 ${pkg.sha256}`);
    }
  } catch (error) {
    console.error(`[package] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
