// Every entry the browser starts (Chrome's service worker or Firefox's event page, the popup, the options
// page) as one file. The main build splits the code the entries share into chunks; each would load half a
// dozen of them on every start, each gzipped on its own and each carrying exports only another entry uses.
// Once the build is written, this bundles each entry and everything it imports statically into the one file
// the manifest or the page names; what a page loads later (`import()`) becomes chunks of that page's own.
// Then it deletes the chunks that nothing else in the build mentions any more.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { staticallyLoaded } from './bundle-sizes';

interface ExtensionManifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  side_panel?: { default_path?: string };
}

/** The file the manifest starts the background from: `service_worker` (Chrome) or the one of `scripts` (Firefox). */
export function backgroundEntry(manifest: ExtensionManifest): string | undefined {
  const scripts = manifest.background?.scripts ?? [];
  if (scripts.length > 1) throw new Error(`expected one background script, found ${scripts.length}`);
  return manifest.background?.service_worker ?? scripts[0];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The scripts and styles under `assets/` that nothing the extension can load names any more. What it can
 * load starts at manifest.json and follows every file named in a file reached (pages, scripts, lazy
 * chunks, `new URL()` and `new Worker()`, the files the worker injects all name a file by its name).
 * Besides the chunks the entries were split into, this finds the module forms of the injected scripts
 * the build leaves in `assets/`, which ship as files of their own in `src/` and nothing loads.
 */
export function unreachableAssets(outDir: string): string[] {
  const files = filesUnder(outDir);
  const texts = new Map(files.filter((f) => /\.(js|html|json|css)$/.test(f)).map((f) => [f, readFileSync(f, 'utf8')]));
  const reached = new Set<string>();
  const pending = [join(outDir, 'manifest.json')];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reached.has(file)) continue;
    reached.add(file);
    const text = texts.get(file);
    if (text === undefined) continue;
    for (const other of files) if (!reached.has(other) && text.includes(basename(other))) pending.push(other);
  }
  const assets = join(outDir, 'assets');
  return files.filter((f) => f.startsWith(assets) && /\.(js|css)$/.test(f) && !reached.has(f));
}

/** The pages the manifest opens (popup, side panel, options), each once, without a query. */
export function manifestPages(manifest: ExtensionManifest): string[] {
  const pages = [manifest.action?.default_popup, manifest.side_panel?.default_path, manifest.options_ui?.page];
  return [...new Set(pages.filter((page): page is string => page !== undefined).map((page) => page.split(/[?#]/)[0] ?? page))];
}

const PAGE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+\.js)"[^>]*>/g;

/** The module scripts a built page starts, as files of the build. */
export function pageScripts(outDir: string, page: string): string[] {
  const file = resolve(outDir, page);
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(PAGE_SCRIPT)].map((match) => {
    const src = match[1] ?? '';
    return src.startsWith('/') ? join(outDir, src) : resolve(file, '..', src);
  });
}

/**
 * Rebuilds one built module as the one file it is now, with its static imports inside it and what it
 * loads with `import()` as chunks beside it (named as before, with a new hash).
 */
async function bundleAsOneFile(root: string, outDir: string, entry: string, target: string): Promise<void> {
  // Everything the entry imports statically goes into one group, which the bundler then merges into the
  // entry's own file; left to itself it would put what the lazy chunks also import into a common chunk.
  const staticPart = staticallyLoaded(outDir, [entry]);
  await build({
    configFile: false,
    envDir: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target,
      minify: true,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      // The input is built code whose `import()`s already go through the first build's preload helper
      // (it loads a lazy chunk's styles). A client build would wrap each of them in a second copy of
      // it; a server build inserts none and changes nothing else for code with no bare imports.
      ssr: true,
      rollupOptions: {
        input: entry,
        output: {
          format: 'es',
          codeSplitting: { groups: [{ name: 'page', test: (id: string) => staticPart.has(resolve(id)) }] },
          entryFileNames: relative(outDir, entry),
          chunkFileNames: (chunk) => `assets/${chunk.name.replace(/-[\w-]{8}$/, '')}-[hash].js`,
        },
      },
    },
  });
}

/** The HTML pages among a build's inputs (Chrome's offscreen document), relative to the root. */
export function inputPages(input: unknown): string[] {
  const values = typeof input === 'string' ? [input] : Array.isArray(input) ? input : typeof input === 'object' && input !== null ? Object.values(input) : [];
  return values.filter((value): value is string => typeof value === 'string' && value.endsWith('.html'));
}

/**
 * Rewrites the built background and pages (the manifest's, and `otherPages` the build has besides) each
 * as one file, and deletes the chunks they no longer load.
 */
export async function bundleEntries(root: string, outDir: string, target: string, otherPages: readonly string[] = []): Promise<void> {
  const manifestFile = join(outDir, 'manifest.json');
  // A build that failed wrote no manifest: there is nothing to bundle.
  if (!existsSync(manifestFile)) return;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ExtensionManifest;
  const background = backgroundEntry(manifest);
  const entries = [
    ...(background === undefined ? [] : [resolve(outDir, background)]),
    ...[...new Set([...manifestPages(manifest), ...otherPages])].flatMap((page) => pageScripts(outDir, page)),
  ];
  for (const entry of entries) await bundleAsOneFile(root, outDir, entry, target);
  for (const file of unreachableAssets(outDir)) rmSync(file);
}

/** Build-only: the dev server serves every entry module by module, as CRXJS's loader expects. */
export function singleFileEntries(): Plugin {
  let root = '';
  let outDir = '';
  let target = '';
  let otherPages: string[] = [];
  return {
    name: 'pim-qr:single-file-entries',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      target = String(config.build.target);
      otherPages = inputPages(config.build.rollupOptions.input).map((page) => relative(config.root, resolve(config.root, page)));
    },
    async closeBundle() {
      await bundleEntries(root, outDir, target, otherPages);
    },
  };
}
