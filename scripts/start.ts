// `npm start`: build the extension, start the PiM sandbox, open Chromium with the extension loaded on
// the demo login page. Without a display it runs headless, generates a QR, places it on the page and
// saves a screenshot, so it proves itself on any machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumVersion, extensionLaunchArgs, findChromium } from './find-chromium';
import { startSandboxServer } from './sandbox-http';

const DIST = resolve(import.meta.dirname, '../dist');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    screenshot: { type: 'string', default: join(tmpdir(), 'pim-qr-start', 'login-with-qr.png') },
  },
});

async function extensionId(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return new URL(worker.url()).host;
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const worker = context.serviceWorkers()[0];
  if (!worker) throw new Error('[start] the extension service worker is not running');
  const id = await worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
  if (id === undefined) throw new Error(`[start] no tab shows ${url}`);
  return id;
}

/** Generate with the built-in Sandbox and put the QR in the login page's QR slot, as a user would in the popup. */
async function placeQr(context: BrowserContext, id: string, login: Page): Promise<void> {
  const tabId = await tabIdOf(context, login.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${id}/src/popup/index.html?tab=${tabId}`);
  await popup.getByRole('button', { name: 'Generate' }).click();
  await popup.getByRole('img', { name: 'QR preview' }).waitFor({ timeout: 20_000 });
  await popup.getByRole('radio', { name: 'Replace element' }).check();
  await popup.getByRole('textbox', { name: 'CSS selector' }).fill('#pim-qr-slot');
  await popup.getByRole('button', { name: 'Insert into page' }).click();
  await login.locator('[data-pim-qr-placement]').first().waitFor({ timeout: 10_000 });
  await popup.close();
  await login.bringToFront();
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    console.info('[start] building the extension into dist/ …');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const sandbox = await startSandboxServer({ port: Number(values.port) });
  const executablePath = findChromium();
  console.info(`[start] sandbox at ${sandbox.url} (its client ID and secret are in README.md, "The sandbox")`);
  console.info(`[start] ${chromiumVersion(executablePath)} at ${executablePath}${values.headless ? ', headless' : ''}`);

  const context = await chromium.launchPersistentContext('', {
    executablePath,
    headless: values.headless,
    viewport: { width: 1280, height: 800 },
    args: extensionLaunchArgs(DIST),
  });
  const shutdown = async () => {
    await context.close().catch(() => {});
    await sandbox.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(0)));

  const id = await extensionId(context);
  const login = context.pages()[0] ?? (await context.newPage());
  await login.goto(`${sandbox.url}/demo/login.html`);
  console.info(`[start] extension ${id} loaded; demo login page: ${sandbox.url}/demo/login.html`);

  if (values.headless) {
    try {
      await placeQr(context, id, login);
      mkdirSync(resolve(values.screenshot, '..'), { recursive: true });
      await login.screenshot({ path: values.screenshot });
      console.info(`[start] generated a sandbox QR, placed it on the login page; screenshot: ${values.screenshot}`);
    } finally {
      await shutdown();
    }
    return;
  }
  console.info('[start] the browser is yours: open the PiM QR popup from the toolbar. Close the browser or press Ctrl+C to stop.');
  context.on('close', () => void sandbox.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
