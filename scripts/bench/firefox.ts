// The bench in Firefox: the same sections as in Chromium where WebDriver BiDi can take the measure,
// with the same in-page probes, on the Firefox build installed as a temporary add-on.
import type { ElementHandle, Page } from 'puppeteer-core';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../firefox-extension';
import { fill, role } from '../firefox-ui';
import type { RunningSandbox } from '../sandbox-http';
import { generateMany } from './generate-many';
import { nodeClient, sandboxCalls } from './node-baseline';
import { addFloor, armClick, armFloor, armPlacement, armPreview, FLOOR_BUTTONS, clickStamp, formReadyAt, idle, loadedAt, placementResult, placementTaskStart, previewLoadedAfter, previewResult } from './probes';
import { BROWSER_FLOOR_NOTE, type Results, interrupt, progress, section } from './results';

/** Sections Firefox cannot measure, and why (printed as "n/a (why)"). */
export const FIREFOX_UNAVAILABLE: Readonly<Record<string, string>> = {
  memory: 'WebDriver BiDi reports no JS heap size, and Firefox has no DevTools protocol to ask',
  install:
    'not measured: each run would need a fresh Firefox, and Firefox answers its first policy read (storage.managed) at once, so the first popup after install waits for nothing the popup row does not',
};

/** How long the event page may idle before Firefox suspends it, in the browser the cold start is measured in. */
const COLD_START_IDLE_MS = 1000;

/** The notes under the Firefox table. */
export const FIREFOX_NOTES = [
  'The same in-page probes as in Chromium: the `pim-qr-form-ready` mark against `loadEventEnd` of a static file in the extension, and from the click (a capture listener in the popup) to the start of the animation frame that paints the new preview or placement.',
  'Firefox is driven by puppeteer-core over WebDriver BiDi, with the extension installed as a temporary add-on; pages are opened as tabs (`src/popup/index.html?tab=<id>`), as the e2e tests do. The background runs as an event page.',
  'Node baselines: the same HTTP calls with `fetch` from the bench process to the same server.',
  BROWSER_FLOOR_NOTE,
  `Cold start: a second Firefox whose event page suspends after ${COLD_START_IDLE_MS / 1000} s idle (\`extensions.background.idle.timeout\`; the default is 30 s). Each run waits until \`runtime.getContexts\` no longer lists the background, then clicks Generate (token still cached in \`storage.session\`).`,
  'Insert, content script starts → painted: Firefox offers the bench no trace of a page, so the probe in the target page stamps every turn of the page\'s event loop (a `MessageChannel` message posting the next) and takes the last turn before the QR enters the DOM as the start of the task that put it there. The content script draws the QR in the task that evaluates it, so this is where the content script starts, or earlier when other tasks ran just before it: an upper bound. In runs of their own, because the busy loop costs time. The content script itself sets no mark: a page could read one and learn that the extension ran.',
  'Firefox rounds `performance.now()` to whole milliseconds, so its figures are whole milliseconds.',
  `n/a rows: ${Object.entries(FIREFOX_UNAVAILABLE)
    .map(([name, why]) => `${name}, because ${why}`)
    .join('; ')}.`,
  'One warm-up run before each timed series is discarded; p95 is nearest-rank.',
];

export interface FirefoxBenchOptions {
  results: Results;
  executablePath: string;
  distDir: string;
  sandbox: RunningSandbox;
  runs: number;
  generations: number;
}

interface Bench {
  firefox: FirefoxWithExtension;
  sandbox: RunningSandbox;
  /** An extension page that sends protocol messages and clears storage, like the UI would. */
  control: Page;
  /** The web page "Insert into page" targets. */
  target: Page;
  tabId: number;
  environmentId: string;
}

interface WireReply {
  ok: boolean;
  value?: unknown;
  error?: { kind: string; code: string };
}

async function send<T>(page: Page, name: string, payload?: unknown): Promise<T> {
  const reply = (await page.evaluate(async (message) => chrome.runtime.sendMessage(message), { name, payload })) as WireReply | undefined;
  if (!reply?.ok) throw new Error(`[bench] ${name} failed: ${JSON.stringify(reply?.error)}`);
  return reply.value as T;
}

async function setUp(firefox: FirefoxWithExtension, sandbox: RunningSandbox): Promise<Bench> {
  const control = await firefox.openExtensionPage('src/options/index.html');
  const environment = await send<{ id: string }>(control, 'ui-bg-environment-save', { name: 'Bench sandbox', baseUrl: sandbox.url });
  await send(control, 'ui-bg-credentials-set', { environmentId: environment.id, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
  // The popup opens on the selected environment: a real HTTP server with the added latency.
  await send(control, 'ui-bg-settings-save', { selectedEnvironmentId: environment.id });
  const target = await firefox.newPage();
  await target.goto(`${sandbox.url}/demo/login.html`);
  const href = target.url();
  const tabId = await control.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, href);
  if (tabId === undefined) throw new Error(`[bench] no tab shows ${href}`);
  return { firefox, sandbox, control, target, tabId, environmentId: environment.id };
}

async function openPopup(bench: Bench): Promise<{ page: Page; formReady: number }> {
  const page = await bench.firefox.openExtensionPage(`src/popup/index.html?tab=${bench.tabId}`);
  try {
    return { page, formReady: await formReadyAt(page) };
  } catch (error) {
    await page.close();
    throw error;
  }
}

let titleCounter = 0;

/** One generation as the user does it: click Generate, until the frame that shows the new preview. */
async function generateInPopup(popup: Page, generateButton: ElementHandle): Promise<number> {
  // A tab that is not in front gets its animation frames throttled; a real popup is always in front.
  await popup.bringToFront();
  await fill(popup, role('textbox', 'Title'), `Bench QR ${++titleCounter}`);
  await armPreview(popup);
  await generateButton.click();
  return previewResult(popup);
}

/** The browser floor (probes.ts): the page's own fetch and <img>, from the click to the frame that shows it. */
async function floorInPopup(popup: Page, button: string): Promise<number> {
  await popup.bringToFront();
  await armFloor(popup);
  const handle = await popup.waitForSelector(role('button', button), { visible: true });
  if (!handle) throw new Error(`[bench] the popup has no ${button} button`);
  await handle.click();
  await handle.dispose();
  return previewResult(popup);
}

/** The Generate button, found once by its role and name: each query walks Firefox's accessibility tree. */
async function generateButton(popup: Page): Promise<ElementHandle> {
  const handle = await popup.waitForSelector(role('button', 'Generate'), { visible: true });
  if (!handle) throw new Error('[bench] the popup has no Generate button');
  return handle as ElementHandle;
}

async function popupSection(bench: Bench, results: Results, runs: number): Promise<void> {
  const blank: number[] = [];
  const ready: number[] = [];
  const firstClick: number[] = [];
  for (let run = -1; run < runs; run++) {
    const page = await bench.firefox.openExtensionPage('_locales/en/messages.json');
    const blankLoaded = await loadedAt(page);
    await page.close();
    const popup = await openPopup(bench);
    const generated = await generateInPopup(popup.page, await generateButton(popup.page));
    await popup.page.close();
    if (run < 0) continue;
    blank.push(blankLoaded);
    ready.push(popup.formReady);
    firstClick.push(generated);
  }
  Object.assign(results.samples, { popupBlank: blank, popupReady: ready, popupFirstGenerate: firstClick });
}

async function generateSection(bench: Bench, popup: Page, results: Results, runs: number): Promise<void> {
  const node = nodeClient(bench.sandbox.url);
  const button = await generateButton(popup);
  await addFloor(popup, sandboxCalls(bench.sandbox.url));
  const cold: number[] = [];
  const warm: number[] = [];
  const naive: number[] = [];
  const ideal: number[] = [];
  const floorCold: number[] = [];
  const floorWarm: number[] = [];
  // The same runs to the new image's load event: decoded, before the wait for a frame.
  const loaded = { generateColdLoaded: [] as number[], generateWarmLoaded: [] as number[], floorColdLoaded: [] as number[], floorWarmLoaded: [] as number[] };
  const loadedNow = () => previewLoadedAfter(popup);
  const calls = { cold: { token: 0, image: 0 }, warm: { token: 0, image: 0 } };
  const counted = async (into: { token: number; image: number }, timed: boolean): Promise<number> => {
    const before = bench.sandbox.handler.stats();
    const ms = await generateInPopup(popup, button);
    const after = bench.sandbox.handler.stats();
    if (timed) {
      into.token += after.tokenCalls - before.tokenCalls;
      into.image += after.imageCalls - before.imageCalls;
    }
    return ms;
  };
  for (let run = -1; run < runs; run++) {
    // Interleaved, so a noisy moment hits every series alike.
    await bench.control.evaluate(async () => chrome.storage.session.clear());
    const c = await counted(calls.cold, run >= 0);
    const cl = await loadedNow();
    const w = await counted(calls.warm, run >= 0);
    const wl = await loadedNow();
    const n = await node.naive();
    const i = await node.ideal();
    const fc = await floorInPopup(popup, FLOOR_BUTTONS.tokenAndImage);
    const fcl = await loadedNow();
    const fw = await floorInPopup(popup, FLOOR_BUTTONS.imageOnly);
    const fwl = await loadedNow();
    if (run < 0) continue;
    loaded.generateColdLoaded.push(cl);
    loaded.generateWarmLoaded.push(wl);
    loaded.floorColdLoaded.push(fcl);
    loaded.floorWarmLoaded.push(fwl);
    cold.push(c);
    warm.push(w);
    naive.push(n);
    ideal.push(i);
    floorCold.push(fc);
    floorWarm.push(fw);
  }
  await button.dispose();
  Object.assign(results.samples, { generateCold: cold, generateWarm: warm, nodeNaive: naive, nodeIdeal: ideal, floorCold, floorWarm, ...loaded });
  results.calls = calls;
}

async function insertSection(bench: Bench, popup: Page, results: Results, runs: number): Promise<void> {
  const insert: number[] = [];
  // Found and scrolled into view once, with the popup in front: the popup is behind the page during the
  // runs, and scrolling a background tab for each click slowed down twice over every time (1 s, 2 s, 4 s …).
  await popup.bringToFront();
  const button = await popup.waitForSelector(role('button', 'Insert into page'), { visible: true });
  if (!button) throw new Error('[bench] the popup has no Insert into page button');
  await button.scrollIntoView();
  const box = await button.boundingBox();
  await button.dispose();
  if (!box) throw new Error('[bench] the Insert into page button has no box');
  const insertOnce = async (watchTasks: boolean) => {
    // A freshly loaded page each time: the first insert into a page, content script injection included.
    await bench.target.reload();
    // The user sees the page the QR goes into (and a page in front gets every animation frame).
    await bench.target.bringToFront();
    await armPlacement(bench.target, { watchTasks });
    await armClick(popup);
    // A real click on the button in the popup, where it is.
    await popup.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const painted = await placementResult(bench.target);
    const clicked = await clickStamp(popup);
    const started = watchTasks ? await placementTaskStart(bench.target) : Number.NaN;
    await idle(popup);
    return { clicked, painted, started };
  };
  for (let run = -1; run < runs; run++) {
    const { clicked, painted } = await insertOnce(false);
    if (run >= 0) insert.push(painted - clicked);
  }
  results.samples.insert = insert;
  // In runs of their own: the probe's busy loop over the page's event loop costs time.
  const contentScript: number[] = [];
  for (let run = -1; run < runs; run++) {
    const { painted, started } = await insertOnce(true);
    if (run >= 0) contentScript.push(painted - started);
  }
  results.samples.insertContentScript = contentScript;
}

async function throughputSection(bench: Bench, results: Results, generations: number): Promise<void> {
  await bench.control.evaluate(async () => chrome.storage.session.clear());
  const before = bench.sandbox.handler.stats();
  const run = await bench.control.evaluate(generateMany, { count: generations, environmentId: bench.environmentId, params: DEFAULT_PARAMS });
  const after = bench.sandbox.handler.stats();
  results.throughput = { ...run, tokenCalls: after.tokenCalls - before.tokenCalls, imageCalls: after.imageCalls - before.imageCalls };
}

/** Until Firefox has suspended the event page (no BACKGROUND context left). */
async function backgroundSuspended(page: Page, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const contexts = await page.evaluate(async () => (await chrome.runtime.getContexts({})).map((context) => String(context.contextType)));
    if (!contexts.includes('BACKGROUND')) return;
    if (Date.now() - started > timeoutMs) throw new Error('[bench] Firefox did not suspend the event page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** In its own Firefox, whose short idle timeout would otherwise turn warm measures cold. */
async function coldStartSection(options: FirefoxBenchOptions): Promise<void> {
  const { results, executablePath, distDir, sandbox, runs } = options;
  const firefox = await launchFirefoxWithExtension({
    executablePath,
    distDir,
    viewport: { width: 1280, height: 800 },
    pageTimeoutMs: 30_000,
    prefs: { 'extensions.background.idle.timeout': COLD_START_IDLE_MS },
  });
  try {
    const bench = await setUp(firefox, sandbox);
    const { page: popup } = await openPopup(bench);
    const button = await generateButton(popup);
    // The token is minted and cached once; every timed run starts the event page, not a token call.
    await generateInPopup(popup, button);
    const coldStart: number[] = [];
    for (let run = -1; run < runs; run++) {
      await backgroundSuspended(popup);
      const t = await generateInPopup(popup, button);
      if (run >= 0) coldStart.push(t);
    }
    await button.dispose();
    results.samples.coldStart = coldStart;
  } finally {
    await firefox.close();
  }
}

export async function runFirefoxBench({ results, executablePath, distDir, sandbox, runs, generations }: FirefoxBenchOptions): Promise<void> {
  const firefox = await launchFirefoxWithExtension({ executablePath, distDir, viewport: { width: 1280, height: 800 }, pageTimeoutMs: 30_000 });
  const onSignal = () => {
    interrupt();
    progress('interrupted; closing the browser and the server');
    void Promise.all([firefox.close(), sandbox.close()]).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const bench = await setUp(firefox, sandbox);
    // The long-lived popup for generate and insert; its first generate warms token and sanitizer.
    let popup: Page | undefined;
    await section(results, 'popup', () => popupSection(bench, results, runs));
    await section(results, 'generate', async () => {
      popup = (await openPopup(bench)).page;
      await generateSection(bench, popup, results, runs);
    });
    await section(results, 'insert', async () => {
      if (!popup) throw new Error('no popup (generate failed)');
      await insertSection(bench, popup, results, runs);
    });
    await section(results, 'throughput', () => throughputSection(bench, results, generations));
    await section(results, 'cold start', () => coldStartSection({ results, executablePath, distDir, sandbox, runs, generations }));
    if (firefox.errors.length > 0) progress(`Firefox reported errors during the run:\n  ${firefox.errors.join('\n  ')}`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await firefox.close();
  }
}
