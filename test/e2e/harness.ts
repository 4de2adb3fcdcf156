// The e2e fixture: the built extension in real Chromium, beside a sandbox server on a free loopback port.
import { type BrowserContext, type Page, type Worker, test as base, chromium, expect } from '@playwright/test';
import { extensionLaunchArgs, findChromium } from '../../scripts/find-chromium';
import { type RunningSandbox, startSandboxServer } from '../../scripts/sandbox-http';
import { DIST } from './dist';

export { DIST };

export interface ExtensionPage {
  page: Page;
  /** Console errors and uncaught exceptions seen on this page since it opened. */
  errors: string[];
}

interface TestFixtures {
  /**
   * The browser's UI language, e.g. 'nl' (`test.use({ uiLanguage: 'nl' })`). Chromium on Linux takes it
   * from $LANGUAGE, and only when its locale files are there (Debian: chromium-l10n); unset, English.
   */
  uiLanguage: string | undefined;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  openPopup: (query?: Record<string, string>) => Promise<ExtensionPage>;
  openOptions: () => Promise<ExtensionPage>;
}

interface WorkerFixtures {
  chromiumPath: string;
  sandbox: RunningSandbox;
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  chromiumPath: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      await use(findChromium());
    },
    { scope: 'worker' },
  ],
  sandbox: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const sandbox = await startSandboxServer({ port: 0, log: () => {} });
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'worker' },
  ],
  uiLanguage: [undefined, { option: true }],
  context: async ({ chromiumPath, sandbox, uiLanguage }, use) => {
    sandbox.handler.reset();
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath,
      headless: true,
      args: extensionLaunchArgs(DIST),
      ...(uiLanguage === undefined ? {} : { env: { ...process.env, LANGUAGE: uiLanguage } }),
    });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => {
        throw new Error(`The extension's service worker did not start. Is ${DIST} a built extension (npm run build)?`);
      }));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    const id = new URL(serviceWorker.url()).host;
    if (!/^[a-p]{32}$/.test(id)) throw new Error(`Unexpected extension service worker URL: ${serviceWorker.url()}`);
    await use(id);
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async (query = {}) => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const search = new URLSearchParams(query).toString();
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html${search ? `?${search}` : ''}`);
      return { page, errors };
    });
  },
  openOptions: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`chrome-extension://${extensionId}/src/options/index.html`);
      // Every change Options makes (Save, Save defaults, Test connection of an unsaved environment)
      // reads the browser policy first, and Chromium answers its first policy read seconds after it
      // starts (see expectSaved): a test that opens Options right after its browser started waits for
      // that here, once, so the first answer it checks is not held by it. The popup paints without it
      // (managed-policy.spec.ts times that in a browser of its own).
      await page.evaluate(() => chrome.storage.managed.get(null));
      return { page, errors };
    });
  },
});

export { expect } from '@playwright/test';

/**
 * Options says "Saved." once the worker has written the change, and a change reads the browser
 * policy's environments (storage.managed) first. Chromium answers its first policy read seconds after
 * it starts (about 2 s in Chromium 156, about 6 s in 150), so a test's first save,
 * made right after its browser started, may wait that long.
 */
const FIRST_POLICY_READ_MS = 15_000;

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible({ timeout: FIRST_POLICY_READ_MS });
}
