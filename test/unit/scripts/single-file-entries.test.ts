// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundEntry, bundleEntries, inputPages, manifestPages, pageScripts, unreachableAssets } from '../../../scripts/single-file-entries';

describe('backgroundEntry', () => {
  it('is Chrome’s service worker or Firefox’s one background script', () => {
    expect(backgroundEntry({ background: { service_worker: 'sw.js' } })).toBe('sw.js');
    expect(backgroundEntry({ background: { scripts: ['sw.js'] } })).toBe('sw.js');
    expect(backgroundEntry({})).toBeUndefined();
  });

  it('refuses more than one background script, which one file could not replace', () => {
    expect(() => backgroundEntry({ background: { scripts: ['a.js', 'b.js'] } })).toThrow(/one background script/);
  });
});

describe('bundleBackground', () => {
  let out: string;
  const write = (path: string, text: string): void => {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  };

  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'pim-qr-worker-'));
    write('manifest.json', JSON.stringify({ background: { service_worker: 'loader.js', type: 'module' }, options_ui: { page: 'page.html' } }));
    write('loader.js', `import './assets/main.js';\n`);
    write('assets/main.js', `import { shared } from './shared.js';\nimport { only } from './only.js';\nglobalThis.result = shared() + only();\n`);
    write('assets/only.js', `export function only() { return 'worker-only'; }\n`);
    write('assets/shared.js', `export function shared() { return 'shared'; }\nexport function unused() { return 'unused-by-the-worker'; }\n`);
    write('assets/page.js', `import { unused } from './shared.js';\nconsole.log(unused());\n`);
    write('page.html', `<script type="module" src="/assets/page.js"></script>`);
  });

  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes the worker as one module that imports nothing and keeps only what the worker uses', async () => {
    await bundleEntries(tmpdir(), out, 'chrome120');
    const bundled = readFileSync(join(out, 'loader.js'), 'utf8');
    expect(bundled).not.toMatch(/\bimport\b/);
    expect(bundled).toContain('worker-only');
    expect(bundled).toContain('shared');
    expect(bundled).not.toContain('unused-by-the-worker');
  });

  it('deletes the chunks nothing loads any more, and keeps what the extension still names', async () => {
    write('assets/injected-module-form.js', `import { shared } from './shared.js';\nshared();\n`);
    write('src/injected.js', `(function () { globalThis.injected = true; })();\n`);
    write('assets/main.js', `import { shared } from './shared.js';\nimport { only } from './only.js';\nglobalThis.result = shared() + only();\nglobalThis.inject = 'src/injected.js';\n`);
    await bundleEntries(tmpdir(), out, 'chrome120');
    for (const gone of ['main.js', 'only.js', 'shared.js', 'injected-module-form.js']) expect(existsSync(join(out, 'assets', gone))).toBe(false);
    expect(existsSync(join(out, 'assets/page.js'))).toBe(true);
    expect(existsSync(join(out, 'src/injected.js'))).toBe(true);
    expect(unreachableAssets(out)).toEqual([]);
  });
});

describe('manifestPages', () => {
  it('names the popup, side panel and options pages once each, without their query', () => {
    expect(
      manifestPages({
        action: { default_popup: 'src/popup/index.html' },
        side_panel: { default_path: 'src/popup/index.html?view=sidepanel' },
        options_ui: { page: 'src/options/index.html' },
      }),
    ).toEqual(['src/popup/index.html', 'src/options/index.html']);
    expect(manifestPages({})).toEqual([]);
  });
});

describe('inputPages', () => {
  it('names the HTML pages among a build’s inputs, however they are given', () => {
    expect(inputPages({ 'offscreen-sandbox': 'src/offscreen/sandbox.html', worker: 'src/worker.ts' })).toEqual(['src/offscreen/sandbox.html']);
    expect(inputPages(['a.html', 'b.ts'])).toEqual(['a.html']);
    expect(inputPages('page.html')).toEqual(['page.html']);
    expect(inputPages(undefined)).toEqual([]);
  });
});

describe('bundleEntries, for a page', () => {
  let out: string;
  const write = (path: string, text: string): void => {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  };
  const staticImports = (text: string): string[] => [...text.matchAll(/(?:^|[;\s}])import\s*[^(]*?["'`]([^"'`]+)["'`]/g)].map((m) => m[1] ?? '');

  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'pim-qr-page-'));
    write('manifest.json', JSON.stringify({ action: { default_popup: 'src/popup/index.html' }, options_ui: { page: 'src/options/index.html' } }));
    write('src/popup/index.html', `<script type="module" crossorigin src="/assets/popup.js"></script>`);
    write('src/options/index.html', `<script type="module" crossorigin src="/assets/options.js"></script>`);
    write('assets/popup.js', `import { shared } from './shared.js';\nimport { mine } from './popup-only.js';\nglobalThis.popup = shared() + mine();\nglobalThis.later = () => import('./later-abcdefgh.js');\n`);
    write('assets/popup-only.js', `export function mine() { return 'popup-only'; }\n`);
    write('assets/later-abcdefgh.js', `import { shared } from './shared.js';\nexport const later = 'loaded-later' + shared();\n`);
    write('assets/shared.js', `export function shared() { return 'shared'; }\nexport function forOptions() { return 'options-only'; }\n`);
    write('assets/options.js', `import { shared, forOptions } from './shared.js';\nglobalThis.options = shared() + forOptions();\n`);
  });

  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes each page’s first load as one file, with only what that page uses', async () => {
    await bundleEntries(tmpdir(), out, 'chrome120');
    const popup = readFileSync(join(out, 'assets/popup.js'), 'utf8');
    expect(staticImports(popup)).toEqual([]);
    expect(popup).toContain('popup-only');
    expect(popup).not.toContain('options-only');
    const options = readFileSync(join(out, 'assets/options.js'), 'utf8');
    expect(staticImports(options)).toEqual([]);
    expect(options).toContain('options-only');
    expect(pageScripts(out, 'src/popup/index.html')).toEqual([join(out, 'assets/popup.js')]);
  });

  it('keeps what a page loads later as its own chunk, importing the shared code from the page’s one file', async () => {
    await bundleEntries(tmpdir(), out, 'chrome120');
    const popup = readFileSync(join(out, 'assets/popup.js'), 'utf8');
    const lazy = /import\(\s*[`"']\.\/(later-[\w-]+\.js)[`"']\s*\)/.exec(popup)?.[1];
    expect(lazy).toMatch(/^later-[\w-]{8}\.js$/);
    expect(lazy).not.toBe('later-abcdefgh.js');
    const later = readFileSync(join(out, 'assets', lazy ?? ''), 'utf8');
    expect(later).toContain('loaded-later');
    expect(staticImports(later)).toEqual(['./popup.js']);
  });

  it('adds no second preload helper around a lazy import: the first build’s already loads its styles', async () => {
    await bundleEntries(tmpdir(), out, 'chrome120');
    expect(readFileSync(join(out, 'assets/popup.js'), 'utf8')).not.toMatch(/preload/i);
  });

  it('writes a page the manifest does not name, but the build has, as one file too', async () => {
    write('src/offscreen/sandbox.html', `<script type="module" crossorigin src="/assets/offscreen.js"></script>`);
    write('assets/offscreen.js', `import { shared } from './shared.js';\nglobalThis.offscreen = shared();\n`);
    // As the worker opens the offscreen document, by its address.
    write('assets/options.js', `import { shared, forOptions } from './shared.js';\nglobalThis.options = shared() + forOptions() + 'src/offscreen/sandbox.html';\n`);
    await bundleEntries(tmpdir(), out, 'chrome120', ['src/offscreen/sandbox.html']);
    const offscreen = readFileSync(join(out, 'assets/offscreen.js'), 'utf8');
    expect(staticImports(offscreen)).toEqual([]);
    expect(offscreen).toContain('shared');
  });

  it('deletes the chunks no page loads any more', async () => {
    await bundleEntries(tmpdir(), out, 'chrome120');
    for (const gone of ['popup-only.js', 'shared.js', 'later-abcdefgh.js']) expect(existsSync(join(out, 'assets', gone))).toBe(false);
  });
});
