// What each entry of the built extension makes the browser load before it can run: the entry file and
// every file it imports statically (lazy `import()` chunks excluded), gzipped as a store would serve them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  entry: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * Gzip budgets for the first load of each entry, in bytes. The popup and the content script carry the
 * table of error codes (about 1 KiB gzip) so that every error and in-page notice is worded in the
 * reader's language; the popup also follows storage to stay current. Each got 1 KiB for that. Later:
 * the content script 2 KiB for laying its toolbar, badge and warning out beside the QR, telling a failed
 * pick, and keeping selectors short and free of bidi characters; the worker 2 KiB for KPN's quota
 * figures and each tab's last pick; the popup 1 KiB for what a pick did, the attributes' arrow keys and
 * the Ctrl+Enter hint (what shows a result, the quota line and the first-call question load later,
 * with their first use); the worker 1 KiB for judging a policy's entries as strictly as a set-up file's
 * (markup, names that read alike or hide characters, a base URL with two schemes, a secret to ignore).
 * The worker went from 43 to 31.5 KiB when the built-in Sandbox's emulator and qrcode's encoder left its first
 * load for a worker of their own, started with the Sandbox's first call, and to 27.5 KiB as one file
 * rather than a dozen chunks shared with the pages (scripts/single-file-entries.ts).
 * The popup then 0.5 KiB less: the remembered placements (fetched once the popup is idle) and the
 * words for reset settings load with their first use, the styles of History, the request log, a shown
 * result and the first-call question with what draws them; that also pays for the snapshot it paints from.
 * The popup 0.5 KiB less again: what it shares with the options page comes as one file, not three.
 * The worker then 1 KiB more for keeping history, the request log, quota figures, settings and secrets in
 * memory, so a generate answers first and persists right after; options down to what it loads today.
 * The worker 0.5 KiB more for naming the page in every order, so a tab that moved on refuses it.
 * The popup 2 KiB less and options 3.5 KiB less when each page, too, became one file of its own
 * (scripts/single-file-entries.ts): no export tables between chunks, no exports only the other page uses.
 * Then 3 KiB less for the popup, options and the worker in both browsers: the polyfill's wrappers went,
 * as Firefox and Chrome 148+ have the `browser` namespace (src/shared/native-browser.ts). The popup 1.5 KiB
 * less again: what acts on a result (copying, saving, placing), the error alerts with the words they give
 * an error, and a pick's outcome load with their first use, and no chunk groups of the build's own hold
 * a module only such a lazy part uses in the first load.
 * The worker then 1 KiB more for knowing the secrets in play when a server echoes them
 * percent-encoded (in part or in full, once or more), in other letter case, with invisible characters
 * between, in pieces, or split between a message and its info; and every token a call presented.
 * Options 0.5 KiB more for painting before the browser policy is read, as the popup does.
 */
export const BUDGETS: Readonly<Record<string, number>> = {
  popup: 25 * 1024,
  options: 27.5 * 1024,
  'service worker': 27.5 * 1024,
  'content script': 33 * 1024,
  // Injected only when someone scans a page; jsQR is most of it.
  'page scanner': 56 * 1024,
};

/** The gzip budget of an entry; Firefox's event page is the service worker's bundle under another name. */
export function budgetOf(entry: string): number {
  return BUDGETS[entry === 'event page' ? 'service worker' : entry] ?? Number.NaN;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'`]([^"'`]+\.js)["'`]/g;
const HTML_ASSET = /<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g;

function resolveFrom(dist: string, fromFile: string, specifier: string): string {
  const absolute = specifier.startsWith('/') ? join(dist, specifier) : join(dirname(fromFile), specifier);
  return normalize(absolute);
}

function collect(dist: string, file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  if (!file.endsWith('.js')) return;
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(STATIC_IMPORT)) {
    if (match[1]) collect(dist, resolveFrom(dist, file, match[1]), seen);
  }
}

/** The built files `roots` are, and every chunk they import statically, and those chunks' static imports. */
export function staticallyLoaded(dist: string, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const root of roots) collect(dist, root, seen);
  return seen;
}

function measure(dist: string, entry: string, roots: string[]): EntrySize {
  const files = [...staticallyLoaded(dist, roots)].sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(file);
    rawBytes += content.byteLength;
    gzipBytes += gzipSync(content, { level: 9 }).byteLength;
  }
  return { entry, files: files.map((f) => relative(dist, f)), rawBytes, gzipBytes };
}

function htmlRoots(dist: string, page: string): string[] {
  const file = join(dist, page);
  const html = readFileSync(file, 'utf8');
  return [file, ...[...html.matchAll(HTML_ASSET)].map((m) => resolveFrom(dist, file, m[1] ?? ''))];
}

export function measureEntries(dist: string): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    background?: { service_worker?: string; scripts?: string[] };
    web_accessible_resources?: { resources: string[] }[];
  };
  const sizes: EntrySize[] = [];
  if (manifest.action?.default_popup) sizes.push(measure(dist, 'popup', htmlRoots(dist, manifest.action.default_popup)));
  if (manifest.options_ui?.page) sizes.push(measure(dist, 'options', htmlRoots(dist, manifest.options_ui.page)));
  if (manifest.background?.service_worker) {
    sizes.push(measure(dist, 'service worker', [join(dist, manifest.background.service_worker)]));
  } else if (manifest.background?.scripts) {
    // Firefox runs the same background bundle as an event page.
    sizes.push(measure(dist, 'event page', manifest.background.scripts.map((script) => join(dist, script))));
  }
  const content = injectedFiles(dist, manifest, 'src/content/');
  if (content.length > 0) sizes.push(measure(dist, 'content script', content));
  const scanner = injectedFiles(dist, manifest, 'src/scanner/');
  if (scanner.length > 0) sizes.push(measure(dist, 'page scanner', scanner));
  return sizes;
}

/** Scripts injected on demand are listed by CRXJS as web-accessible resources under their source folder. */
function injectedFiles(dist: string, manifest: { web_accessible_resources?: { resources: string[] }[] }, folder: string): string[] {
  return (manifest.web_accessible_resources ?? [])
    .flatMap((entry) => entry.resources)
    .filter((resource) => resource.startsWith(folder) && resource.endsWith('.js'))
    .map((resource) => join(dist, resource));
}
