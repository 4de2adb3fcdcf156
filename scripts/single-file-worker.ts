// The background (Chrome's service worker, Firefox's event page) as one file. The main build splits the
// code it shares with the popup, options and offscreen pages into chunks; the worker would load a dozen of
// them on every start, each gzipped on its own and each carrying exports only a page uses. Once the build
// is written, this bundles the worker's entry and everything it imports statically into the one file the
// manifest names, and deletes the chunks that nothing else in the build mentions any more.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'vite';

interface BackgroundManifest {
  background?: { service_worker?: string; scripts?: string[] };
}

/** The file the manifest starts the background from: `service_worker` (Chrome) or the one of `scripts` (Firefox). */
export function backgroundEntry(manifest: BackgroundManifest): string | undefined {
  const scripts = manifest.background?.scripts ?? [];
  if (scripts.length > 1) throw new Error(`expected one background script, found ${scripts.length}`);
  return manifest.background?.service_worker ?? scripts[0];
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
    if (match[1]) staticImports(resolve(file, '..', match[1]), seen);
  }
  return seen;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Of the chunks the worker used to import, those no other file of the build names, by file name: pages,
 * scripts, lazy chunks, `new URL()` and `new Worker()` all refer to a chunk by it. A chunk named only by
 * another chunk that goes goes too.
 */
function unreferencedChunks(outDir: string, candidates: Set<string>): string[] {
  const texts = new Map(filesUnder(outDir).filter((f) => /\.(js|html|json|css)$/.test(f)).map((f) => [f, readFileSync(f, 'utf8')]));
  const gone = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const chunk of candidates) {
      if (gone.has(chunk)) continue;
      const name = basename(chunk);
      const named = [...texts].some(([file, text]) => file !== chunk && !gone.has(file) && text.includes(name));
      if (!named) {
        gone.add(chunk);
        changed = true;
      }
    }
  }
  return [...gone];
}

/** Rewrites the built background entry as one self-contained ES module. */
export async function bundleBackground(root: string, outDir: string, target: string): Promise<void> {
  const manifestFile = join(outDir, 'manifest.json');
  // A build that failed wrote no manifest: there is nothing to bundle.
  if (!existsSync(manifestFile)) return;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackgroundManifest;
  const entryName = backgroundEntry(manifest);
  if (entryName === undefined) return;
  const entry = resolve(outDir, entryName);
  const chunks = staticImports(entry);
  chunks.delete(entry);
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
      rollupOptions: { input: entry, output: { format: 'es', entryFileNames: relative(outDir, entry) } },
    },
  });
  for (const chunk of unreferencedChunks(outDir, chunks)) rmSync(chunk);
}

/** Build-only: the dev server serves the worker module by module, as CRXJS's loader expects. */
export function singleFileWorker(): Plugin {
  let root = '';
  let outDir = '';
  let target = '';
  return {
    name: 'pim-qr:single-file-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      target = String(config.build.target);
    },
    async closeBundle() {
      await bundleBackground(root, outDir, target);
    },
  };
}
