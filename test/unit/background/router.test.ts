// The worker's two routes: who may send what, and that payloads are checked before any handler.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ContentHandlers, createWorkerRouter, type UiHandlers } from '../../../src/background/router';
import { contentToWorker } from '../../../src/shared/contracts/content-to-worker';
import { uiToWorker } from '../../../src/shared/contracts/ui-to-worker';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const context = { runtimeId: ID, extensionOrigin: ORIGIN };
const popup = { id: ID, url: `${ORIGIN}/src/popup/index.html` };
const contentScript = { id: ID, url: 'https://a.example/', tab: { id: 2 }, frameId: 0 };

/** Every handler answers its own name and what it was given, and records that it ran. */
function setup() {
  const ran: string[] = [];
  const answering = (names: string[]) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        async (payload: unknown, sender?: unknown) => {
          ran.push(name);
          return { name, payload, sender };
        },
      ]),
    );
  const route = createWorkerRouter(
    { ui: answering(Object.keys(uiToWorker)) as unknown as UiHandlers, content: answering(Object.keys(contentToWorker)) as unknown as ContentHandlers },
    context,
  );
  return { route, ran };
}

afterEach(() => vi.restoreAllMocks());

describe('the worker’s router', () => {
  it('leaves messages of neither contract to other listeners', () => {
    const { route } = setup();
    expect(route({ name: 'bg-content-ping' }, popup)).toBeUndefined();
    expect(route('hello', popup)).toBeUndefined();
  });

  it('answers our pages with the handler’s value', async () => {
    const { route } = setup();
    await expect(route({ name: 'ui-bg-log-get' }, popup)).resolves.toMatchObject({ ok: true, value: { name: 'ui-bg-log-get' } });
  });

  it.each([
    ['a content script', contentScript],
    ['another extension', { ...popup, id: 'x'.repeat(32) }],
    ['a frame inside our page', { ...popup, frameId: 3 }],
  ])('refuses every page message from %s with an error, not silence', async (_name, sender) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route, ran } = setup();
    for (const name of Object.keys(uiToWorker)) {
      const reply = await route({ name, payload: {} }, sender);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'permission-denied', code: 'sender-not-allowed' } });
    }
    expect(ran).toEqual([]);
    expect(warn).toHaveBeenCalledWith('[router]', `refused ui-bg-generate from ${sender.url}`);
  });

  it('checks a page’s payload before any handler sees it', async () => {
    const { route, ran } = setup();
    for (const [name, payload] of [
      ['ui-bg-generate', 'nope'],
      ['ui-bg-generate', { requestId: 5, environmentId: 'sandbox' }],
      ['ui-bg-credentials-set', { environmentId: 'production', clientId: {} }],
      ['ui-bg-place', { svg: '<svg/>', tabId: -1 }],
      ['ui-bg-placement-forget', { tabId: 1 }],
    ] as const) {
      await expect(route({ name, payload }, popup)).resolves.toMatchObject({ ok: false, error: { kind: 'invalid-parameters', code: expect.stringMatching(/^malformed-/) } });
    }
    expect(ran).toEqual([]);
  });

  it('answers a content script with the browser’s facts about it, not the payload’s', async () => {
    const { route } = setup();
    await expect(route({ name: 'content-bg-restore', payload: { url: 'https://a.example/', tabId: 99 } }, contentScript)).resolves.toEqual({
      ok: true,
      value: { name: 'content-bg-restore', payload: { url: 'https://a.example/' }, sender: { tabId: 2, frameId: 0, url: 'https://a.example/' } },
    });
  });

  it('refuses content messages from anything but a content script of ours', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route, ran } = setup();
    for (const sender of [popup, { ...contentScript, id: 'x'.repeat(32) }]) {
      const reply = await route({ name: 'content-bg-restore', payload: { url: 'https://a.example/' } }, sender);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'permission-denied', code: 'page-script-only' } });
    }
    expect(ran).toEqual([]);
  });

  it('checks a content script’s payload before any handler sees it', async () => {
    const { route, ran } = setup();
    for (const payload of [
      { url: 'https://a.example/', placementId: 'p', selector: '#a', info: { id: 'p' } },
      { url: 'https://a.example/', placementId: 'p', selector: '#'.repeat(1001), info: { id: 'p', size: { width: 9, height: 9 } } },
    ]) {
      const reply = await route({ name: 'content-bg-picked', payload }, contentScript);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-parameters' } });
    }
    expect(ran).toEqual([]);
  });

  it('takes a pick’s outcome only from a content script of ours, and with the tab and frame the browser names', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route, ran } = setup();
    const cancelled = { name: 'content-bg-pick-cancelled', payload: { placementId: 'p', tabId: 99, frameId: 0 } };
    for (const sender of [popup, { ...contentScript, id: 'x'.repeat(32) }, { ...contentScript, tab: undefined }, { ...contentScript, url: `${ORIGIN}/page.html` }]) {
      await expect(route(cancelled, sender)).resolves.toMatchObject({ ok: false, error: { code: 'page-script-only' } });
    }
    expect(ran).toEqual([]);
    await expect(route(cancelled, { ...contentScript, frameId: 4 })).resolves.toEqual({
      ok: true,
      value: { name: 'content-bg-pick-cancelled', payload: { placementId: 'p' }, sender: { tabId: 2, frameId: 4, url: 'https://a.example/' } },
    });
  });
});
