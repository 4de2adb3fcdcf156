// `npm start`: build the extension, start the PiM sandbox, open Chromium with the extension loaded on
// the demo login page. Without a display it runs headless, generates a QR, places it on the page and
// saves a screenshot, so it proves itself on any machine. `--firefox` does the same in Firefox.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TARGETS } from './browser-targets';
import { chromiumVersion, extensionLaunchArgs, findChromium } from './find-chromium';
import { findFirefox, firefoxVersion } from './find-firefox';
import { type RunningSandbox, startSandboxServer } from './sandbox-http';
import { startFirefoxHeadless, startFirefoxVisible } from './start-firefox';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'no-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: !process.env.DISPLAY },
    firefox: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
  },
});

const browser = values.firefox ? 'firefox' : 'chrome';
const DIST = resolve(ROOT, TARGETS[browser].outDir);
const screenshot = values.screenshot ?? join(tmpdir(), browser === 'firefox' ? 'pim-qr-start-firefox' : 'pim-qr-start', 'login-with-qr.png');

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

async function startChromium(sandbox: RunningSandbox): Promise<void> {
  const executablePath = findChromium();
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
      mkdirSync(resolve(screenshot, '..'), { recursive: true });
      await login.screenshot({ path: screenshot });
      console.info(`[start] generated a sandbox QR, placed it on the login page; screenshot: ${screenshot}`);
    } finally {
      await shutdown();
    }
    return;
  }
  console.info('[start] the browser is yours: open the PiM QR popup from the toolbar. Close the browser or press Ctrl+C to stop.');
  context.on('close', () => void sandbox.close().then(() => process.exit(0)));
}

async function startFirefox(sandbox: RunningSandbox): Promise<void> {
  const executablePath = findFirefox();
  console.info(`[start] ${firefoxVersion(executablePath)} at ${executablePath}${values.headless ? ', headless' : ''}`);
  try {
    if (values.headless) {
      await startFirefoxHeadless({ executablePath, distDir: DIST, sandbox, screenshot });
      return;
    }
    const code = await startFirefoxVisible({ executablePath, distDir: DIST, sandbox });
    if (code !== 0) process.exitCode = code;
  } finally {
    await sandbox.close();
  }
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    console.info(`[start] building the extension into ${TARGETS[browser].outDir}/ …`);
    execFileSync('npx', ['vite', 'build', ...TARGETS[browser].viteArgs, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const sandbox = await startSandboxServer({ port: Number(values.port) });
  console.info(`[start] sandbox at ${sandbox.url} (its client ID and secret are in README.md, "The sandbox")`);
  await (browser === 'firefox' ? startFirefox(sandbox) : startChromium(sandbox));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
