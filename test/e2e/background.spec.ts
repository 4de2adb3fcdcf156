import type { Page } from '@playwright/test';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { expect, test } from './harness';
import { send, value } from './messaging';

async function addSandboxServerEnvironment(page: Page, baseUrl: string, secret = 'sandbox-secret'): Promise<string> {
  const env = await value<{ id: string }>(page, 'ui-bg-environment-save', { name: 'Local sandbox', baseUrl });
  await value(page, 'ui-bg-credentials-set', { environmentId: env.id, clientId: 'sandbox-client', clientSecret: secret });
  return env.id;
}

const generate = (page: Page, environmentId: string, requestId: string) =>
  value<{ svg: string; bytes: number }>(page, 'ui-bg-generate', { requestId, environmentId, params: DEFAULT_PARAMS });

test('the service worker reaches the sandbox server over HTTP and keeps its token across a restart', async ({
  openOptions,
  sandbox,
  context,
  serviceWorker,
}) => {
  const { page } = await openOptions();
  await serviceWorker.evaluate(() => Object.assign(globalThis, { survivedRestart: true }));
  const environmentId = await addSandboxServerEnvironment(page, sandbox.url);

  const first = await generate(page, environmentId, 'one');
  expect(first.svg).toContain('SANDBOX');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });

  await generate(page, environmentId, 'two');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 2 });

  // A stopped worker loses every global; the token must come back from storage.session.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await generate(page, environmentId, 'three');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 3 });
  const restarted = context.serviceWorkers().at(-1);
  expect(restarted).toBeDefined();
  expect(await restarted?.evaluate(() => 'survivedRestart' in globalThis)).toBe(false);

  const log = await value<{ url: string; status: number }[]>(page, 'ui-bg-log-get');
  expect(log.map((e) => e.status)).toEqual([200, 200, 200, 200]);
  expect(log[0]?.url).toBe(`${sandbox.url}/kpn/qrcodegenerator/image`);
});

test('a wrong secret is reported as rejected credentials and appears nowhere', async ({ openOptions, sandbox }) => {
  const { page } = await openOptions();
  const secret = 'definitely-wrong-secret-77';
  const environmentId = await addSandboxServerEnvironment(page, sandbox.url, secret);
  const reply = await send(page, 'ui-bg-generate', { requestId: 'x', environmentId, params: DEFAULT_PARAMS });
  expect(reply).toMatchObject({ ok: false, error: { kind: 'credentials-rejected', status: 401 } });
  const everything = JSON.stringify([
    reply,
    await send(page, 'ui-bg-log-get'),
    await send(page, 'ui-bg-environments-list'),
    await send(page, 'ui-bg-calls-get', {}),
  ]);
  expect(everything).not.toContain(secret);
});

test('a content script and a web page cannot reach credentials, the log or generate', async ({
  context,
  serviceWorker,
  sandbox,
}) => {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/demo/login.html`);
  // A web page has no channel to the extension at all (no externally_connectable).
  expect(await page.evaluate(() => typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe('undefined');

  const replies = await serviceWorker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url: `${url}/*` });
    if (tab?.id === undefined) throw new Error('demo tab not found');
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab.id },
      func: async () => {
        const names = ['ui-bg-credentials-set', 'ui-bg-log-get', 'ui-bg-generate', 'ui-bg-environments-list', 'ui-bg-calls-get'];
        const payloads: Record<string, unknown> = {
          'ui-bg-credentials-set': { environmentId: 'production', clientId: 'evil', clientSecret: 'evil' },
          'ui-bg-generate': { requestId: 'evil', environmentId: 'sandbox', params: {} },
        };
        return Promise.all(names.map((name) => chrome.runtime.sendMessage({ name, payload: payloads[name] ?? {} })));
      },
    });
    return result?.result as { ok: boolean; error?: { kind: string } }[];
  }, sandbox.url);
  expect(replies).toHaveLength(5);
  for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { kind: 'permission-denied' } });
});

test('the built-in Sandbox answers from its offscreen document, which outlives a stopped worker and keeps its tokens', async ({
  openOptions,
  context,
  serviceWorker,
}) => {
  const { page } = await openOptions();
  const offscreenDocuments = async () =>
    (await context.serviceWorkers().at(-1)?.evaluate(() => chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })))?.map(
      (c) => new URL(c.documentUrl ?? '').pathname,
    );
  expect(await offscreenDocuments(), 'nothing is loaded before the Sandbox is called').toEqual([]);

  const first = await generate(page, 'sandbox', 'one');
  expect(first.svg).toContain('SANDBOX');
  expect(await offscreenDocuments()).toEqual(['/src/offscreen/sandbox.html']);
  await serviceWorker.evaluate(() => Object.assign(globalThis, { survivedRestart: true }));

  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const second = await generate(page, 'sandbox', 'two');
  expect(second.svg).toContain('SANDBOX');
  expect(await context.serviceWorkers().at(-1)?.evaluate(() => 'survivedRestart' in globalThis)).toBe(false);
  // The new worker found the document open and used it; the emulator there still knew the cached token.
  expect(await offscreenDocuments()).toEqual(['/src/offscreen/sandbox.html']);
  const log = await value<{ url: string; status: number }[]>(page, 'ui-bg-log-get');
  expect(log.map((e) => [new URL(e.url).pathname, e.status])).toEqual([
    ['/kpn/qrcodegenerator/image', 200],
    ['/kpn/qrcodegenerator/image', 200],
    ['/oauth/client_credential/accesstoken', 200],
  ]);
});
