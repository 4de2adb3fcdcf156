// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backgroundEntry, bundleBackground } from '../../../scripts/single-file-worker';

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
    write('manifest.json', JSON.stringify({ background: { service_worker: 'loader.js', type: 'module' } }));
    write('loader.js', `import './assets/main.js';\n`);
    write('assets/main.js', `import { shared } from './shared.js';\nimport { only } from './only.js';\nglobalThis.result = shared() + only();\n`);
    write('assets/only.js', `export function only() { return 'worker-only'; }\n`);
    write('assets/shared.js', `export function shared() { return 'shared'; }\nexport function unused() { return 'unused-by-the-worker'; }\n`);
    write('assets/page.js', `import { unused } from './shared.js';\nconsole.log(unused());\n`);
    write('page.html', `<script type="module" src="/assets/page.js"></script>`);
  });

  afterEach(() => rmSync(out, { recursive: true, force: true }));

  it('writes the worker as one module that imports nothing and keeps only what the worker uses', async () => {
    await bundleBackground(tmpdir(), out, 'chrome120');
    const bundled = readFileSync(join(out, 'loader.js'), 'utf8');
    expect(bundled).not.toMatch(/\bimport\b/);
    expect(bundled).toContain('worker-only');
    expect(bundled).toContain('shared');
    expect(bundled).not.toContain('unused-by-the-worker');
  });

  it('deletes the chunks only the worker loaded and keeps those a page still loads', async () => {
    await bundleBackground(tmpdir(), out, 'chrome120');
    expect(existsSync(join(out, 'assets/main.js'))).toBe(false);
    expect(existsSync(join(out, 'assets/only.js'))).toBe(false);
    expect(existsSync(join(out, 'assets/shared.js'))).toBe(true);
    expect(existsSync(join(out, 'assets/page.js'))).toBe(true);
  });
});
