// Firefox with the built extension installed as a temporary add-on, driven by puppeteer-core over
// WebDriver BiDi: Playwright's Firefox cannot load extensions. Used by the Firefox end-to-end suite,
// `npm run start:firefox` and `npm run bench -- --browser firefox`.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from './manifest-for-firefox';

export interface FirefoxLaunchOptions {
  executablePath: string;
  /** A built Firefox extension (`vite build --mode firefox`). */
  distDir: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /** Time for Firefox to start and accept the extension. */
  timeoutMs?: number;
  /** How long a page's waits (locators, waitForFunction) last by default. */
  pageTimeoutMs?: number;
  /** Firefox preferences on top of the ones the launcher needs. */
  prefs?: Record<string, string | number | boolean>;
  /** Environment variables on top of this process's, e.g. a HOME whose ~/.mozilla/managed-storage holds a policy. */
  env?: Record<string, string>;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`, the extension's origin in this browser (a new uuid per launch). */
  origin: string;
  url(path: string): string;
  /**
   * What Firefox reported since launch: every console.error call (any page, the background too) and
   * every uncaught error in a page that is not Firefox's own.
   */
  readonly errors: readonly string[];
  /** A new tab, with the launch's default wait time. */
  newPage(): Promise<Page>;
  /** A new tab showing an extension page, once its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes Firefox; kills it when it does not close in time. Safe to call twice. */
  close(): Promise<void>;
}

const PREFS = {
  // console.* calls of web and extension pages go to stdout, where `errors` reads them: Firefox's
  // BiDi reports no console events of extension pages.
  'devtools.console.stdout.content': true,
};

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const timeout = options.timeoutMs ?? 30_000;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath,
    headless: options.headless ?? true,
    // Lets installExtension load an unpacked folder as a temporary add-on.
    args: ['-remote-allow-system-access'],
    defaultViewport: options.viewport ?? { width: 1280, height: 720 },
    ...(options.env && { env: { ...process.env, ...options.env } }),
    timeout,
    protocolTimeout: timeout,
    // A fixed uuid makes the extension's pages addressable before it is installed.
    extraPrefsFirefox: { ...options.prefs, ...PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  const errors: string[] = [];
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeOrKill(browser));
  try {
    const child = browser.process();
    if (child?.stdout) readLines(child.stdout, (line) => consoleError(line, errors));
    if (child?.stderr) readLines(child.stderr, (line) => scriptError(line, errors));
    const id = await browser.installExtension(options.distDir);
    if (id !== GECKO_ID) throw new Error(`[firefox] installed add-on ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await close();
    throw error;
  }
  const url = (path: string) => `${origin}/${path.replace(/^\//, '')}`;
  const pageTimeout = options.pageTimeoutMs ?? 15_000;
  const newPage = async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(pageTimeout);
    return page;
  };
  return {
    browser,
    origin,
    url,
    errors,
    newPage,
    openExtensionPage: async (path) => {
      const page = await newPage();
      try {
        await showExtensionPage(page, url(path), pageTimeout);
        return page;
      } catch (error) {
        await page.close().catch(() => {});
        throw error;
      }
    },
    close,
  };
}

/**
 * Navigates to an extension page and waits until its document has loaded. Firefox's BiDi never
 * reports a navigation to a moz-extension: page, so `goto` on its own would wait forever; the
 * navigation is started, and the page itself is asked when it is there.
 */
export async function showExtensionPage(page: Page, href: string, timeoutMs = 15_000): Promise<void> {
  // Settles only when the page closes (the navigation is never reported); nothing waits for it.
  page.goto(href, { timeout: 0 }).catch(() => {});
  const deadline = Date.now() + timeoutMs;
  let failure: unknown;
  for (;;) {
    // Asked while the old document is being replaced, Firefox's BiDi fails inside its own code
    // ("right-hand side of 'in' should be an object, got null"): that answer only means "not yet".
    const ready = await page
      .evaluate((expected) => location.href === expected && document.readyState === 'complete', href)
      .catch((error: unknown) => {
        failure = error;
        return false;
      });
    if (ready) return;
    if (Date.now() >= deadline) {
      throw new Error(`[firefox] ${href} did not load within ${timeoutMs} ms${failure ? ` (last answer: ${String(failure)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function closeOrKill(browser: Browser, graceMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    browser.close().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
  ]);
  clearTimeout(timer);
  const child = browser.process();
  if (!closed && child && child.exitCode === null) child.kill('SIGKILL');
}

function readLines(stream: Readable, onLine: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

/**
 * `console.error: "text" …` on stdout (see PREFS): a page's arguments are printed as values, so a
 * string comes quoted. Firefox's own modules print `console.error: Prefix: text`, unquoted; they
 * are not ours to judge.
 */
function consoleError(line: string, into: string[]): void {
  const match = /^console\.error: (".*)$/.exec(line);
  if (match?.[1] !== undefined) into.push(match[1]);
}

/** `JavaScript error: <url>, line N: <message>` on stderr; Firefox's own chrome:// and resource:// code is not ours to judge. */
function scriptError(line: string, into: string[]): void {
  const match = /^JavaScript error: (\S+), line \d+: (.*)$/.exec(line);
  if (!match?.[1] || /^(chrome|resource):/.test(match[1])) return;
  into.push(`${match[2] ?? ''} (${match[1]})`);
}
