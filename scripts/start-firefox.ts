// `npm run start:firefox` (or `npm start -- --firefox`): the same proof as `npm start`, in Firefox.
// Headless, puppeteer-core drives Firefox over WebDriver BiDi; with a display, Mozilla's `web-ext run`
// opens a Firefox of your own with the extension installed as a temporary add-on.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'puppeteer-core';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from './firefox-extension';
import { click, fill, role } from './firefox-ui';
import type { RunningSandbox } from './sandbox-http';

export interface FirefoxStart {
  executablePath: string;
  distDir: string;
  sandbox: RunningSandbox;
  screenshot: string;
}

/** Generates with the built-in Sandbox and puts the QR in the login page's QR slot, as a user would in the popup. */
async function placeQr(firefox: FirefoxWithExtension, login: Page): Promise<void> {
  const probe = await firefox.openExtensionPage('src/popup/index.html');
  const href = login.url();
  const tabId = await probe.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, href);
  await probe.close();
  if (tabId === undefined) throw new Error(`[start] no tab shows ${href}`);
  const popup = await firefox.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
  await click(popup, role('button', 'Generate'));
  await popup.waitForSelector(role('image', 'QR preview'), { timeout: 20_000 });
  await click(popup, role('radio', 'Replace element'));
  await fill(popup, role('textbox', 'CSS selector'), '#pim-qr-slot');
  await click(popup, role('button', 'Insert into page'));
  await login.waitForSelector('[data-pim-qr-placement]', { visible: true, timeout: 10_000 });
  await popup.close();
  await login.bringToFront();
  await login.mouse.move(0, 0);
}

export async function startFirefoxHeadless({ executablePath, distDir, sandbox, screenshot }: FirefoxStart): Promise<void> {
  const firefox = await launchFirefoxWithExtension({ executablePath, distDir, viewport: { width: 1280, height: 800 } });
  try {
    const login = await firefox.newPage();
    await login.goto(`${sandbox.url}/demo/login.html`);
    console.info(`[start] extension loaded (${firefox.origin}); demo login page: ${sandbox.url}/demo/login.html`);
    await placeQr(firefox, login);
    mkdirSync(dirname(screenshot), { recursive: true });
    await login.screenshot({ path: screenshot as `${string}.png` });
    console.info(`[start] generated a sandbox QR, placed it on the login page; screenshot: ${screenshot}`);
    if (firefox.errors.length > 0) console.warn(`[start] Firefox reported errors:\n  ${firefox.errors.join('\n  ')}`);
  } finally {
    await firefox.close();
  }
}

/** `web-ext run`: a visible Firefox with a temporary profile and the extension; resolves when it is closed. */
export function startFirefoxVisible({ executablePath, distDir, sandbox }: Omit<FirefoxStart, 'screenshot'>): Promise<number> {
  const args = [
    'web-ext',
    'run',
    '--no-config-discovery',
    '--source-dir',
    distDir,
    '--firefox',
    executablePath,
    '--start-url',
    `${sandbox.url}/demo/login.html`,
  ];
  console.info('[start] opening Firefox with the extension (web-ext run); close Firefox or press Ctrl+C to stop.');
  const child = spawn('npx', args, { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
