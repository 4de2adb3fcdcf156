// CRXJS lists the injected scripts in `web_accessible_resources` in the order their builds finish, which
// varies with the machine's load: the same source then gave two manifests, and two release zips. Once
// the build is written, each list of resources is sorted, so a build's bytes depend on its source alone.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

interface Resources {
  resources?: string[];
}

/** The manifest with every `web_accessible_resources` entry's resources in sorted order. */
export function withSortedResources<T extends { web_accessible_resources?: Resources[]; name?: unknown }>(manifest: T): T {
  const entries = manifest.web_accessible_resources;
  if (!entries) return manifest;
  return { ...manifest, web_accessible_resources: entries.map((entry) => (entry.resources ? { ...entry, resources: [...entry.resources].sort() } : entry)) };
}

export function stableManifest(): Plugin {
  let outDir = '';
  return {
    name: 'pim-qr:stable-manifest',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const file = join(outDir, 'manifest.json');
      // A build that failed wrote no manifest.
      if (!existsSync(file)) return;
      writeFileSync(file, JSON.stringify(withSortedResources(JSON.parse(readFileSync(file, 'utf8')) as object), null, 2) + '\n');
    },
  };
}
