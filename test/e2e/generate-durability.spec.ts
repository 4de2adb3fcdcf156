// The background answers a generate first and persists right after: these prove that nothing is lost
// when the worker stops the moment the answer is out, and when many views generate at once.
import type { Page } from '@playwright/test';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { expect, test } from './harness';
import { value } from './messaging';

async function addSandboxServerEnvironment(page: Page, baseUrl: string): Promise<string> {
  const env = await value<{ id: string }>(page, 'ui-bg-environment-save', { name: 'Local sandbox', baseUrl });
  await value(page, 'ui-bg-credentials-set', { environmentId: env.id, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
  return env.id;
}

test('a worker stopped the moment its answer arrives has kept the history entry and the request log', async ({ openOptions, sandbox, context }) => {
  const { page } = await openOptions();
  const environmentId = await addSandboxServerEnvironment(page, sandbox.url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });

  const answer = await value<{ id: string; params: { title: string } }>(page, 'ui-bg-generate', { requestId: 'r', environmentId, params: DEFAULT_PARAMS });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;

  // The next message starts a new worker, which knows only what storage kept.
  const history = await value<{ id: string }[]>(page, 'ui-bg-history-get');
  expect(history.map((item) => item.id)).toEqual([answer.id]);
  const log = await value<{ url: string; status: number }[]>(page, 'ui-bg-log-get');
  expect(log.map((entry) => [entry.url, entry.status])).toEqual([
    [`${sandbox.url}/kpn/qrcodegenerator/image`, 200],
    [`${sandbox.url}/oauth/client_credential/accesstoken?grant_type=client_credentials`, 200],
  ]);
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
});

test('ten views generating at once share one token call and all land in history', async ({ openOptions, openPopup, sandbox }) => {
  // Ten extension pages at once are slow to open and paint on a busy machine.
  test.setTimeout(120_000);
  const { page: options } = await openOptions();
  const environmentId = await addSandboxServerEnvironment(options, sandbox.url);
  await value(options, 'ui-bg-settings-save', { selectedEnvironmentId: environmentId });
  // A slow token call, so every view's generate is waiting for it at once.
  sandbox.handler.configure({ faults: ['token:delay=300'] });

  // The popup, the side panel page and eight tabs with the popup page.
  const views = [await openPopup(), await openPopup({ view: 'sidepanel' })];
  for (let tab = 0; tab < 8; tab++) views.push(await openPopup());
  const titles = views.map((_, at) => `View ${at + 1}`);
  for (const [at, { page }] of views.entries()) {
    await expect(page.getByRole('combobox', { name: 'Environment' })).toHaveValue(environmentId);
    await page.getByLabel('Title', { exact: true }).fill(titles[at] ?? '');
  }
  // Every view clicks Generate at the same moment.
  const at = Date.now() + 500;
  await Promise.all(
    views.map(({ page }) =>
      page.evaluate((when) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Generate');
        setTimeout(() => button?.click(), when - Date.now());
      }, at),
    ),
  );
  for (const { page } of views) await expect(page.getByRole('img', { name: 'QR preview' })).toBeVisible({ timeout: 30_000 });

  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 10 });
  const history = await value<{ params: { title: string } }[]>(options, 'ui-bg-history-get');
  expect(history.map((item) => item.params.title).sort()).toEqual([...titles].sort());
  for (const { errors } of views) expect(errors).toEqual([]);
});
