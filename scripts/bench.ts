// `npm run bench`: build the extension, start the sandbox server with a fixed latency per request, drive
// headless Chromium (or, with --browser firefox, Firefox) with the extension loaded, and print one table
// of medians and p95s (plus JSON in bench-results/). Everything is measured in one run, so the ratios
// hold on a noisy machine even when the absolute times do not. Nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { DEFAULT_PARAMS } from '../src/core/params';
import { type CpuProfile, type Extension, WorkerSession, WorkerStopper, loadedExtension, pageHeap, selfTimes, serviceWorkerHeap, startProfiler, tracePage } from './bench/browser';
import { FIREFOX_NOTES, FIREFOX_UNAVAILABLE, runFirefoxBench } from './bench/firefox';
import { type MachineInfo, machineInfo } from './bench/machine';
import { generateMany } from './bench/generate-many';
import { nodeClient, sandboxCalls } from './bench/node-baseline';
import { FLOOR_BUTTONS, FORM_READY_MARK, OPTIONS_READY_MARK, PLACEMENT_PAINTED_MARK, addFloor, armClick, armFloor, armPlacement, armPreview, clickStamp, formReadyAt, idle, loadedAt, placementResult, previewLoadedAfter, previewResult } from './bench/probes';
import { markdownTable, readmeSection, terminalReport } from './bench/report';
import { NOTES, type Results, interrupt, progress, rowsFrom, section } from './bench/results';
import { TARGETS, type TargetBrowser } from './browser-targets';
import { measureEntries } from './bundle-sizes';
import { chromiumVersion, extensionLaunchArgs, findChromium } from './find-chromium';
import { findFirefox, firefoxVersion } from './find-firefox';
import { type RunningSandbox, startSandboxServer } from './sandbox-http';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench-results');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    latency: { type: 'string', default: '50' },
    generations: { type: 'string', default: '100' },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
    profile: { type: 'boolean', default: false },
    browser: { type: 'string', default: 'chrome' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.info(`npm run bench -- [--browser chrome|firefox] [--runs N] [--latency MS] [--generations N] [--no-build] [--dist DIR] [--profile]
  --browser B      chrome (default: Chromium, the Chrome build in dist/) or firefox (Firefox, the
                   Firefox build in dist-firefox/); measures Firefox cannot take are printed as n/a (why)
  --runs N         timed runs per measure (default 20; one extra warm-up run each is discarded)
  --latency MS     delay the sandbox server adds to every token and image request (default 50)
  --generations N  generations for the memory and throughput rows (default 100)
  --no-build       measure the build that is there instead of running vite build first
  --dist DIR       build into / measure DIR (default: $PIM_QR_DIST or dist/; for Firefox
                   $PIM_QR_DIST_FIREFOX or dist-firefox/)
  --profile        also CPU-profile the popup and the service worker over 10 extra warm generations
                   (untimed) and save the .cpuprofile files in bench-results/ (open them in DevTools; Chromium only)`);
  process.exit(0);
}

function positiveInt(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`[bench] --${name} needs a whole number ≥ ${min}, not '${text}'`);
  return n;
}

function targetBrowser(name: string): TargetBrowser {
  if (name === 'chrome' || name === 'chromium') return 'chrome';
  if (name === 'firefox') return 'firefox';
  throw new Error(`[bench] --browser must be chrome or firefox, not '${name}'`);
}

const BROWSER = targetBrowser(values.browser);
const RUNS = positiveInt('runs', values.runs, 1);
const LATENCY = positiveInt('latency', values.latency, 0);
const GENERATIONS = positiveInt('generations', values.generations, 4);
const DIST = resolve(
  values.dist ?? (BROWSER === 'firefox' ? process.env.PIM_QR_DIST_FIREFOX : process.env.PIM_QR_DIST) ?? join(ROOT, TARGETS[BROWSER].outDir),
);
const SETTINGS = `${RUNS} runs per measure (+1 warm-up), ${LATENCY} ms added per sandbox request (token and image), ${GENERATIONS} generations for memory and throughput`;

// ---- The browser side ----

interface Bench {
  browser: Browser;
  context: BrowserContext;
  extension: Extension;
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
  const reply = (await page.evaluate(
    async (message) => chrome.runtime.sendMessage(message),
    { name, payload },
  )) as WireReply | undefined;
  if (!reply?.ok) throw new Error(`[bench] ${name} failed: ${JSON.stringify(reply?.error)}`);
  return reply.value as T;
}

/** Drops cached tokens (and the request log, which lives there too). */
async function clearSession(bench: Bench): Promise<void> {
  await bench.control.evaluate(async () => chrome.storage.session.clear());
}

async function setUp(context: BrowserContext, sandbox: RunningSandbox): Promise<Bench> {
  const browser = context.browser();
  if (!browser) throw new Error('[bench] Playwright gave no Browser for the persistent context');
  const extension = await loadedExtension(context);
  const control = await context.newPage();
  await control.goto(extension.url('src/options/index.html'));
  const environment = await send<{ id: string }>(control, 'ui-bg-environment-save', { name: 'Bench sandbox', baseUrl: sandbox.url });
  await send(control, 'ui-bg-credentials-set', {
    environmentId: environment.id,
    clientId: 'sandbox-client',
    clientSecret: 'sandbox-secret',
  });
  // The popup opens on the selected environment: a real HTTP server with the added latency.
  await send(control, 'ui-bg-settings-save', { selectedEnvironmentId: environment.id });

  const target = await context.newPage();
  await target.goto(`${sandbox.url}/demo/login.html`);
  const href = target.url();
  const tabId = await control.evaluate(async (url) => (await chrome.tabs.query({})).find((tab) => tab.url === url)?.id, href);
  if (tabId === undefined) throw new Error(`[bench] no tab shows ${href}`);
  return { browser, context, extension, sandbox, control, target, tabId, environmentId: environment.id };
}

async function openPopup(bench: Bench): Promise<{ page: Page; formReady: number }> {
  const page = await bench.context.newPage();
  try {
    await page.goto(bench.extension.url(`src/popup/index.html?tab=${bench.tabId}`));
    return { page, formReady: await formReadyAt(page) };
  } catch (error) {
    await page.close();
    throw error;
  }
}

let titleCounter = 0;

/**
 * One generation as the user does it: click Generate, until the frame that shows the new preview.
 * Each run gets a fresh title, so the SVG (and so the preview element) is new every time.
 */
async function generateInPopup(popup: Page): Promise<number> {
  // Headless Chromium gives a page that is not in front about one animation frame a second once a
  // later page opened, as a real popup in front of the user never is.
  await popup.bringToFront();
  await popup.getByLabel('Title', { exact: true }).fill(`Bench QR ${++titleCounter}`);
  await armPreview(popup);
  await popup.getByRole('button', { name: 'Generate', exact: true }).click();
  return previewResult(popup);
}

/** The browser floor (probes.ts): the page's own fetch and <img>, from the click to the frame that shows it. */
async function floorInPopup(popup: Page, button: string): Promise<number> {
  await popup.bringToFront();
  await armFloor(popup);
  await popup.getByRole('button', { name: button, exact: true }).click();
  return previewResult(popup);
}

// ---- Sections: each returns raw samples; a failing one is reported, the others still run ----

async function popupSection(bench: Bench, results: Results): Promise<void> {
  const blank: number[] = [];
  const ready: number[] = [];
  const firstClick: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const page = await bench.context.newPage();
    await page.goto(bench.extension.url('_locales/en/messages.json'));
    const blankLoaded = await loadedAt(page);
    await page.close();
    const popup = await openPopup(bench);
    const generated = await generateInPopup(popup.page);
    await popup.page.close();
    if (run < 0) continue;
    blank.push(blankLoaded);
    ready.push(popup.formReady);
    firstClick.push(generated);
  }
  Object.assign(results.samples, { popupBlank: blank, popupReady: ready, popupFirstGenerate: firstClick });
}

async function generateSection(bench: Bench, popup: Page, results: Results): Promise<void> {
  const node = nodeClient(bench.sandbox.url);
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
  // The HTTP calls the sandbox server saw during one generation from the popup.
  const counted = async (into: { token: number; image: number }, timed: boolean): Promise<number> => {
    const before = bench.sandbox.handler.stats();
    const ms = await generateInPopup(popup);
    const after = bench.sandbox.handler.stats();
    if (timed) {
      into.token += after.tokenCalls - before.tokenCalls;
      into.image += after.imageCalls - before.imageCalls;
    }
    return ms;
  };
  for (let run = -1; run < RUNS; run++) {
    // Interleaved, so a noisy moment hits every series alike.
    await clearSession(bench);
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
  Object.assign(results.samples, { generateCold: cold, generateWarm: warm, nodeNaive: naive, nodeIdeal: ideal, floorCold, floorWarm, ...loaded });
  results.calls = calls;
}

/** One insert as the user does it, into a freshly loaded page (content script injection included); the wall clock of the frame that shows it. */
async function insertOnce(bench: Bench, popup: Page): Promise<{ clicked: number; painted: number }> {
  await bench.target.reload();
  // The user sees the page the QR goes into (and a page in front gets every animation frame).
  await bench.target.bringToFront();
  await armPlacement(bench.target);
  await armClick(popup);
  // force: the popup is behind the page now, so it gets ~1 frame a second and Playwright's
  // "stable" check (two equal frames) would wait seconds; the click is a real one all the same.
  await popup.getByRole('button', { name: 'Insert into page', exact: true }).click({ force: true });
  const painted = await placementResult(bench.target);
  const clicked = await clickStamp(popup);
  await idle(popup);
  return { clicked, painted };
}

/**
 * Click → painted untraced; then, in runs of their own (tracing costs time), content script → painted
 * from a trace of the page: the content script's EvaluateScript (its parse and run, in the isolated
 * world) to the bench probe's mark in the frame where the QR is first laid out, both on the trace's clock.
 */
async function insertSection(bench: Bench, popup: Page, results: Results): Promise<void> {
  const insert: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const { clicked, painted } = await insertOnce(bench, popup);
    if (run >= 0) insert.push(painted - clicked);
  }
  results.samples.insert = insert;
  const contentScript: number[] = [];
  for (let run = -1; run < RUNS; run++) {
    const events = await tracePage(bench.context, bench.target, ['devtools.timeline', 'blink.user_timing'], async () => void (await insertOnce(bench, popup)));
    const evaluated = events.find((e) => e.name === 'EvaluateScript' && (e.args?.data?.url ?? '').startsWith(`${bench.extension.origin}/`));
    const painted = events.find((e) => e.name === PLACEMENT_PAINTED_MARK);
    if (!evaluated || !painted) throw new Error(`[bench] the trace holds no ${evaluated ? 'painted mark' : 'content script evaluation'}`);
    if (run >= 0) contentScript.push((painted.ts - evaluated.ts) / 1000);
  }
  results.samples.insertContentScript = contentScript;
}

/** The popup's "Reading the QR back…" line, in the words the build ships. */
function decodingText(): string {
  const messages = JSON.parse(readFileSync(join(DIST, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
  return messages.decodingQr?.message ?? 'Reading the QR back';
}

async function memorySection(bench: Bench, results: Results): Promise<void> {
  const { page } = await openPopup(bench);
  // Measured once the popup is at rest: no action busy, the QR read back (jsQR's buffers released).
  const atRest = async () => {
    await idle(page);
    await page.getByText(decodingText()).waitFor({ state: 'detached', timeout: 30_000 });
  };
  const popupHeap: number[] = [];
  const workerHeap: number[] = [];
  const measure = async () => {
    await atRest();
    popupHeap.push(await pageHeap(bench.context, page));
    workerHeap.push(await serviceWorkerHeap(bench.browser, bench.extension));
  };
  try {
    const steady: number[] = [];
    const half = Math.floor(GENERATIONS / 2);
    for (let n = 1; n <= GENERATIONS; n++) {
      steady.push(await generateInPopup(page));
      if (n === 1 || n === half || n === GENERATIONS) await measure();
    }
    const [p1 = Number.NaN, pHalf = Number.NaN, pN = Number.NaN] = popupHeap;
    const [w1 = Number.NaN, wHalf = Number.NaN, wN = Number.NaN] = workerHeap;
    results.memory = { serviceWorker: [w1, wHalf, wN], popup: [p1, pHalf, pN] };
    results.samples.memoryRunGenerate = steady;
  } finally {
    await page.close();
  }
}

async function throughputSection(bench: Bench, results: Results): Promise<void> {
  await clearSession(bench);
  const before = bench.sandbox.handler.stats();
  const run = await bench.control.evaluate(generateMany, { count: GENERATIONS, environmentId: bench.environmentId, params: DEFAULT_PARAMS });
  const after = bench.sandbox.handler.stats();
  results.throughput = { ...run, tokenCalls: after.tokenCalls - before.tokenCalls, imageCalls: after.imageCalls - before.imageCalls };
}

/**
 * Untimed: CPU profiles of the popup page and the service worker over 10 warm generations, saved
 * as .cpuprofile files (DevTools → Performance → load profile) with their top self times.
 */
async function profileSection(bench: Bench, popup: Page, results: Results, stamp: string): Promise<void> {
  const popupSession = await bench.context.newCDPSession(popup);
  const worker = await WorkerSession.open(bench.browser, bench.extension);
  try {
    const popupProfiler = await startProfiler((method, params) => popupSession.send(method as 'Profiler.start', params));
    const workerProfiler = await startProfiler(worker.call);
    for (let n = 0; n < 10; n++) await generateInPopup(popup);
    await idle(popup);
    const profiles: [string, CpuProfile][] = [
      ['popup', await popupProfiler.stop()],
      ['service-worker', await workerProfiler.stop()],
    ];
    results.profiles = {};
    mkdirSync(RESULTS, { recursive: true });
    for (const [name, profile] of profiles) {
      const file = join(RESULTS, `${stamp}-${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const top = selfTimes(profile);
      results.profiles[name] = { file, top };
      progress(`${name} profile (10 warm generations) → ${file}; top self time:`);
      for (const t of top) progress(`  ${t.ms.toFixed(1).padStart(8)} ms ${(t.share * 100).toFixed(1).padStart(5)}%  ${t.name}`);
    }
  } finally {
    await worker.close();
    await popupSession.detach().catch(() => {});
  }
}

async function coldStartSection(bench: Bench, popup: Page, results: Results): Promise<void> {
  const stopper = await WorkerStopper.open(bench.context, bench.control, bench.extension);
  const coldStart: number[] = [];
  try {
    for (let run = -1; run < RUNS; run++) {
      await stopper.stop();
      const t = await generateInPopup(popup);
      if (run >= 0) coldStart.push(t);
    }
  } finally {
    await stopper.close();
  }
  results.samples.coldStart = coldStart;
}

/** Fresh profiles are slow to start: a few runs show the first popup well enough. */
const INSTALL_RUNS = Math.min(RUNS, 5);

/**
 * The first popup after install: a fresh profile each run, so there is no snapshot to paint from, and
 * Chromium's first policy read (storage.managed) takes seconds after it starts.
 */
async function installSection(executablePath: string, results: Results): Promise<void> {
  // Each page the first one opened in a profile of its own: the popup, then Options.
  const pages = [
    { path: 'src/popup/index.html', mark: FORM_READY_MARK, key: 'popupFirstInstall' },
    { path: 'src/options/index.html', mark: OPTIONS_READY_MARK, key: 'optionsFirstInstall' },
  ];
  for (const { path, mark, key } of pages) {
    const firstOpen: number[] = [];
    for (let run = 0; run < INSTALL_RUNS; run++) {
      const context = await chromium.launchPersistentContext('', { executablePath, headless: true, locale: 'en-US', args: extensionLaunchArgs(DIST) });
      try {
        const extension = await loadedExtension(context);
        const page = await context.newPage();
        await page.goto(extension.url(path));
        firstOpen.push(await formReadyAt(page, 30_000, mark));
      } finally {
        await context.close();
      }
    }
    results.samples[key] = firstOpen;
  }
}

// ---- Main ----

/** The Chromium run: every section, through Playwright and the DevTools protocol. */
async function runChromium(results: Results, sandbox: RunningSandbox): Promise<MachineInfo> {
  const executablePath = findChromium((line) => progress(line));
  const machine: MachineInfo = machineInfo(chromiumVersion(executablePath));
  const stamp = machine.date.replace(/[:.]/g, '-');
  let context: BrowserContext | undefined;
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      await context?.close().catch(() => {});
      await sandbox.close().catch(() => {});
    })());
  const onSignal = () => {
    interrupt();
    progress('interrupted; closing the browser and the server');
    void shutdown().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    progress(`${machine.browser}, sandbox at ${sandbox.url} (+${LATENCY} ms per request)`);
    context = await chromium.launchPersistentContext('', {
      executablePath,
      headless: true,
      // The bench finds buttons and reads status lines by their English words.
      locale: 'en-US',
      viewport: { width: 1280, height: 800 },
      args: extensionLaunchArgs(DIST),
    });
    const bench = await setUp(context, sandbox);
    // The long-lived popup for generate, insert and cold start; its first generate warms token and sanitizer.
    let popup: Page | undefined;
    await section(results, 'popup', () => popupSection(bench, results));
    await section(results, 'install', () => installSection(executablePath, results));
    await section(results, 'generate', async () => {
      popup = (await openPopup(bench)).page;
      await generateSection(bench, popup, results);
    });
    if (values.profile) {
      await section(results, 'profile', async () => {
        if (!popup) throw new Error('no popup (generate failed)');
        await profileSection(bench, popup, results, stamp);
      });
    }
    await section(results, 'insert', async () => {
      if (!popup) throw new Error('no popup (generate failed)');
      await insertSection(bench, popup, results);
    });
    await section(results, 'memory', () => memorySection(bench, results));
    await section(results, 'throughput', () => throughputSection(bench, results));
    // Last: stopping the worker leaves Playwright's handle on it stale.
    await section(results, 'cold start', async () => {
      if (!popup) throw new Error('no popup (generate failed)');
      await coldStartSection(bench, popup, results);
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await shutdown();
  }
  return machine;
}

/** The Firefox run: the sections WebDriver BiDi can measure; the others are printed as n/a (why). */
async function runFirefox(results: Results, sandbox: RunningSandbox): Promise<MachineInfo> {
  const executablePath = findFirefox((line) => progress(line));
  const machine: MachineInfo = machineInfo(firefoxVersion(executablePath));
  Object.assign(results.unavailable, FIREFOX_UNAVAILABLE);
  if (values.profile) progress(`--profile: n/a in Firefox (${FIREFOX_UNAVAILABLE.memory})`);
  progress(`${machine.browser}, sandbox at ${sandbox.url} (+${LATENCY} ms per request)`);
  try {
    await runFirefoxBench({ results, executablePath, distDir: DIST, sandbox, runs: RUNS, generations: GENERATIONS });
  } finally {
    await sandbox.close().catch(() => {});
  }
  return machine;
}

async function main(): Promise<void> {
  const started = performance.now();
  const results: Results = { samples: {}, errors: {}, unavailable: {} };
  if (!values['no-build']) {
    progress(`building the ${BROWSER === 'firefox' ? 'Firefox ' : ''}extension into ${DIST} …`);
    execFileSync('npx', ['vite', 'build', ...TARGETS[BROWSER].viteArgs, '--logLevel', 'warn', '--outDir', DIST], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  }
  await section(results, 'bundle', async () => {
    results.bundle = measureEntries(DIST);
  });

  const sandbox = await startSandboxServer({
    port: 0,
    log: false,
    options: { faults: LATENCY > 0 ? [`delay=${LATENCY}`, `token:delay=${LATENCY}`] : [] },
  });
  const machine = BROWSER === 'firefox' ? await runFirefox(results, sandbox) : await runChromium(results, sandbox);
  const stamp = machine.date.replace(/[:.]/g, '-');
  const table = { runs: RUNS, generations: GENERATIONS, background: BROWSER === 'firefox' ? 'event page' : 'service worker' };
  const { rows, summaries } = rowsFrom(results, table);
  const elapsedSeconds = (performance.now() - started) / 1000;
  console.log(terminalReport(machine, SETTINGS, rows));
  progress(`finished in ${elapsedSeconds.toFixed(0)} s`);

  mkdirSync(RESULTS, { recursive: true });
  const json = JSON.stringify(
    {
      machine,
      settings: { browser: BROWSER, runs: RUNS, latencyMs: LATENCY, generations: GENERATIONS, dist: DIST, elapsedSeconds },
      bundle: results.bundle,
      summaries,
      memory: results.memory,
      throughput: results.throughput,
      calls: results.calls,
      profiles: results.profiles,
      samples: results.samples,
      errors: results.errors,
      unavailable: results.unavailable,
      rows,
      table: markdownTable(rows),
    },
    null,
    2,
  );
  // Each browser keeps its own "latest", so a Firefox run never replaces the Chromium figures.
  const suffix = BROWSER === 'firefox' ? '-firefox' : '';
  const file = join(RESULTS, `${stamp}${suffix}.json`);
  writeFileSync(file, `${json}\n`);
  writeFileSync(join(RESULTS, `latest${suffix}.json`), `${json}\n`);
  const browserName = BROWSER === 'firefox' ? 'Firefox' : 'Chromium';
  const readme = `${readmeSection(machine, SETTINGS, rows, BROWSER === 'firefox' ? FIREFOX_NOTES : NOTES, browserName)}\n`;
  writeFileSync(join(RESULTS, `${stamp}${suffix}.md`), readme);
  writeFileSync(join(RESULTS, `latest${suffix}.md`), readme);
  progress(`wrote ${file} (+ .md, README-ready), latest${suffix}.json and latest${suffix}.md in ${RESULTS}`);
  if (Object.keys(results.errors).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
