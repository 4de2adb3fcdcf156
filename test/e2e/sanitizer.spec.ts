// The SVG pipelines as they ship, in real Chromium, on a page whose CSP forbids inline script: every
// hostile vector comes out harmless, and not one `on*` attribute ever reaches a DOM (the browser
// reports a CSP violation the moment one does, even in a DOMParser document that never runs it).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { findChromium } from '../../scripts/find-chromium';
import { hostileSvgCorpus } from '../fixtures/hostile-svg/corpus';
import { styleAttackCorpus } from '../fixtures/hostile-svg/style-attacks';

// No style-src: a QR's own contained <style> is allowed here, as on most pages.
const CSP = "script-src 'self'; object-src 'none'; img-src 'self' data: blob:";
const FORBIDDEN = /<script|\son[a-z]+\s*=|javascript:|data:|foreignObject|<image|<feImage|<iframe|<embed|<object|<handler|<animate|<set[\s/>]|@import|@font-face|@namespace|:host|beacon|url\((?!#)|<a[\s>]|<html|<div|<img|<p[\s>]|<math/i;

async function bundleSanitizer(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'sanitizer-entry.ts'), formats: ['iife'], name: 'PimSanitizer' },
    },
  })) as Rollup.RollupOutput[];
  const chunk = output[0]?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('The sanitizer bundle was not built.');
  return chunk.code;
}

let server: Server;
let origin: string;

test.beforeAll(async () => {
  const script = await bundleSanitizer();
  server = createServer((request, response) => {
    response.setHeader('content-security-policy', CSP);
    if (request.url === '/sanitizer.js') {
      response.setHeader('content-type', 'text/javascript');
      response.end(script);
      return;
    }
    response.setHeader('content-type', 'text/html');
    response.end('<!doctype html><title>sanitizer</title><script src="/sanitizer.js"></script><p>ready</p>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

test('every hostile SVG is cleaned without an attacker attribute ever reaching a DOM', async () => {
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.evaluate(() => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.sample}`));
      Object.assign(window, { cspViolations: seen });
    });
    const corpus = [...hostileSvgCorpus(`${origin}/beacon`), ...styleAttackCorpus(`${origin}/beacon`)];
    const results = await page.evaluate((vectors) => {
      type Pipelines = { sanitizeSvg(markup: string): string; prepareSvg(doc: Document, markup: string): { svg: SVGSVGElement } };
      const { sanitizeSvg, prepareSvg } = (window as unknown as { PimSanitizer: Pipelines }).PimSanitizer;
      const attempt = (run: () => string) => {
        try {
          return { out: run() };
        } catch (error) {
          return { refused: `${(error as Error).name}: ${(error as Error).message}` };
        }
      };
      return vectors.map(({ name, svg }) => {
        const host = document.body.appendChild(document.createElement('div'));
        const root = host.attachShadow({ mode: 'closed' });
        return {
          name,
          extensionPage: attempt(() => sanitizeSvg(svg)),
          // The content script's path, drawn for real in a shadow root of this page.
          page: attempt(() => root.appendChild(prepareSvg(document, svg).svg).outerHTML),
        };
      });
    }, corpus);
    await page.waitForTimeout(200);
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect({ violations, consoleErrors }).toEqual({ violations: [], consoleErrors: [] });
    for (const { name, extensionPage, page: inPage } of results) {
      for (const [where, result] of [['extension page', extensionPage], ['page', inPage]] as const) {
        if ('refused' in result) {
          expect(result.refused, `${name} (${where})`).toMatch(/^(SvgSanitizeError|PimError): /);
          continue;
        }
        expect(result.out, `${name} (${where})`).toMatch(/^<svg[\s>]/);
        expect(result.out, `${name} (${where})`).not.toMatch(FORBIDDEN);
      }
    }
    const drawn = results.filter((result) => 'out' in result.page).length;
    expect(drawn, 'most vectors leave a picture behind').toBeGreaterThan(corpus.length / 2);
    expect(results.find((result) => result.name === 'nothing but a script')?.extensionPage).toHaveProperty('refused');
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);
  } finally {
    await browser.close();
  }
});
