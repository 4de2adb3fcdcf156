// The Firefox e2e fixture: the built Firefox extension in real Firefox (a fresh profile per test),
// driven over WebDriver BiDi with puppeteer-core, beside a sandbox server on a free loopback port.
import type { EvaluateFunc, Page } from 'puppeteer-core';
import { inject, test as base } from 'vitest';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../../scripts/firefox-extension';
import { keepAccessibilityOn } from '../../scripts/firefox-on-screen';
import { type RunningSandbox, startSandboxServer } from '../../scripts/sandbox-http';
import { DIST_FIREFOX } from '../e2e/dist';
import { type WireReply, sendFromPage, unwrap } from '../e2e/messaging';

export { DIST_FIREFOX };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Firefox binary global-setup.ts found. */
    firefoxPath: string;
  }
}

export interface DemoTab {
  page: Page;
  tabId: number;
}

export interface ExtensionPages {
  /** The popup UI as a tab; `{ tab: '<id>' }` aims it at that tab, as the toolbar popup is aimed at the active one. */
  openPopup(query?: Record<string, string>): Promise<Page>;
  openOptions(): Promise<Page>;
  /** A page of the sandbox server (e.g. `/demo/login.html`) in a new tab, and that tab's id. */
  openDemo(path: string): Promise<DemoTab>;
  /** Sends a protocol message from an extension page, as the UI does. */
  send(name: string, payload?: unknown): Promise<WireReply>;
  /** `send`, failing the test when the reply is an error. */
  value<T>(name: string, payload?: unknown): Promise<T>;
  /** Runs a function in an extension page, where the WebExtension APIs are. */
  inExtension<Params extends unknown[], Func extends EvaluateFunc<Params>>(fn: Func, ...args: Params): Promise<Awaited<ReturnType<Func>>>;
}

export const test = base
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern.
  .extend('sandbox', { scope: 'file' }, async ({}, { onCleanup }) => {
    const sandbox: RunningSandbox = await startSandboxServer({ port: 0, log: false });
    onCleanup(() => sandbox.close());
    return sandbox;
  })
  // A second sandbox server on another port: another origin to the browser, "another host" for tests
  // that must prove nothing was sent there. Started only by the tests that ask for it.
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern.
  .extend('otherSandbox', async ({}, { onCleanup }) => {
    const other: RunningSandbox = await startSandboxServer({ port: 0, log: false });
    onCleanup(() => other.close());
    return other;
  })
  // Preferences on top of the launcher's, e.g. the UI language (`test.override('firefoxPrefs', …)`).
  .extend('firefoxPrefs', {} as Readonly<Record<string, string | number | boolean>>)
  // Environment variables on top of this process's, e.g. a HOME of the test's own (`test.override('firefoxEnv', …)`).
  .extend('firefoxEnv', {} as Readonly<Record<string, string>>)
  .extend('firefox', async ({ sandbox, firefoxPrefs, firefoxEnv }, { onCleanup }) => {
    sandbox.handler.reset();
    const firefox: FirefoxWithExtension = await launchFirefoxWithExtension({
      executablePath: inject('firefoxPath'),
      distDir: DIST_FIREFOX,
      pageTimeoutMs: 10_000,
      prefs: { ...firefoxPrefs },
      env: { ...firefoxEnv },
    });
    onCleanup(() => firefox.close());
    // Tests find things by role, through Firefox's accessibility trees: on from the start (see there).
    await keepAccessibilityOn(firefox.browser);
    return firefox;
  })
  .extend('ext', async ({ firefox, sandbox }) => {
    // The pages that call the extension's APIs for the test (tabs.query, messages) open on first use.
    let control: Promise<Page> | undefined;
    const controlPage = () => (control ??= firefox.openExtensionPage('src/options/index.html'));
    const inExtension: ExtensionPages['inExtension'] = (fn, ...args) => controlPage().then((page) => page.evaluate(fn, ...args));
    const send = (name: string, payload?: unknown) => inExtension(sendFromPage, [name, payload] as const);
    const pages: ExtensionPages = {
      openPopup: (query = {}) => {
        const search = new URLSearchParams(query).toString();
        return firefox.openExtensionPage(`src/popup/index.html${search ? `?${search}` : ''}`);
      },
      openOptions: () => firefox.openExtensionPage('src/options/index.html'),
      openDemo: async (path) => {
        const page = await firefox.newPage();
        await page.goto(`${sandbox.url}${path}`);
        const href = page.url();
        const tabId = await inExtension(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, href);
        if (tabId === undefined) throw new Error(`no tab shows ${href}`);
        return { page, tabId };
      },
      send,
      value: async <T>(name: string, payload?: unknown) => unwrap<T>(name, await send(name, payload)),
      inExtension,
    };
    return pages;
  });

export { expect } from 'vitest';
