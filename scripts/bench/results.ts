// What every bench run shares, whichever browser it drives: the raw results, one section at a time,
// and the table made from them.
import { type EntrySize, budgetOf } from '../bundle-sizes';
import { type Row, kib, ms, signedKib, times } from './report';
import { type Summary, ratio, summarize } from './stats';

/** One frame at 60 Hz: "Insert into page" should show the QR in the first frame after the content script runs. */
export const FRAME_MS = 1000 / 60;

/**
 * How far above the Node client making the same HTTP calls a generate may be: the extension should add
 * almost nothing to the network's own time (a message hop, a render and a frame).
 */
export const RATIO_GOALS = { warm: 1.15, cold: 1.1 } as const;

/** The popup's form should be interactive within this ratio of a blank extension page's load. */
export const POPUP_READY_GOAL = 1.3;

/**
 * Where the first loads should get to, below their asserted budgets (scripts/bundle-sizes.ts): the
 * budgets stop growth, these say how far there is still to go.
 */
export const SIZE_GOALS: Readonly<Record<string, number>> = { popup: 25 * 1024, 'service worker': 30 * 1024, 'event page': 30 * 1024 };

export interface TableSettings {
  runs: number;
  generations: number;
  /** What the browser runs the background as: "service worker" (Chromium) or "event page" (Firefox). */
  background: string;
}

export interface Results {
  bundle?: EntrySize[];
  samples: Record<string, number[]>;
  /** Heap in use after GC: after 1, after half of, and after all GENERATIONS generations. */
  memory?: { serviceWorker: [number, number, number]; popup: [number, number, number] };
  throughput?: { elapsedMs: number; perCall: number[]; failures: number; firstError: string; tokenCalls: number; imageCalls: number };
  /** HTTP calls the sandbox server counted over the timed cold and warm generations. */
  calls?: { cold: { token: number; image: number }; warm: { token: number; image: number } };
  profiles?: Record<string, { file: string; top: { name: string; ms: number; share: number }[] }>;
  errors: Record<string, string>;
  /** Sections this browser cannot measure, and why: printed as "n/a (why)". */
  unavailable: Record<string, string>;
}


let interrupted = false;

/** After Ctrl+C: sections still running end quietly, later ones do not start. */
export function interrupt(): void {
  interrupted = true;
}

export const progress = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

/** Runs one section; a failing one is reported in the table, the others still run. */
export async function section(results: Results, name: string, body: () => Promise<void>): Promise<void> {
  if (interrupted) return;
  const started = performance.now();
  progress(`${name} …`);
  try {
    await body();
    progress(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    if (interrupted) return;
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    results.errors[name] = message;
    progress(`${name} FAILED: ${message}`);
  }
}


export function rowsFrom(results: Results, { runs: RUNS, generations: GENERATIONS, background }: TableSettings): { rows: Row[]; summaries: Record<string, Summary> } {
  const rows: Row[] = [];
  const summaries: Record<string, Summary> = {};
  const s = (key: string): Summary | undefined => {
    const samples = results.samples[key];
    if (!samples || samples.length === 0) return undefined;
    return (summaries[key] ??= summarize(samples));
  };
  const timed = (area: string, measure: string, key: string, reference = '', against?: Summary, verdict = ''): void => {
    const own = s(key);
    rows.push({
      area,
      measure,
      median: own ? ms(own.median) : '—',
      p95: own ? ms(own.p95) : '—',
      runs: own ? String(own.runs) : '0',
      reference,
      ratio: against ? times(ratio(own, against)) : '',
      verdict,
    });
  };
  const failed = (area: string, section: string): boolean => {
    const error = results.errors[section];
    if (error) rows.push({ area, measure: `(${section})`, median: '—', p95: '—', runs: '0', reference: '', ratio: '', verdict: `FAILED: ${error}` });
    return Boolean(error);
  };
  // A measure this browser cannot take is a row all the same, saying why.
  const unavailable = (area: string, section: string, measure: string): boolean => {
    const why = results.unavailable[section];
    if (why) rows.push({ area, measure, median: 'n/a', p95: '', runs: '', reference: '', ratio: '', verdict: `n/a (${why})` });
    return Boolean(why);
  };

  failed('Bundle', 'bundle');
  for (const entry of results.bundle ?? []) {
    const budget = budgetOf(entry.entry);
    const goal = SIZE_GOALS[entry.entry];
    let verdict = entry.gzipBytes <= budget ? 'OK' : 'OVER';
    if (verdict === 'OK' && goal !== undefined && entry.gzipBytes > goal) verdict = `MISS: ${kib(entry.gzipBytes - goal)} above the goal`;
    rows.push({
      area: 'Bundle',
      measure: `${entry.entry}: first load, gzip (${entry.files.length} file${entry.files.length === 1 ? '' : 's'})`,
      median: kib(entry.gzipBytes),
      p95: '',
      runs: '',
      reference: goal === undefined ? `budget ${kib(budget)}` : `budget ${kib(budget)}; goal ≤ ${kib(goal)}`,
      ratio: times(entry.gzipBytes / budget),
      verdict,
    });
  }

  const ideal = s('nodeIdeal');
  const naive = s('nodeNaive');
  // Goal for the extension's generate: the HTTP calls a good client makes, and time within
  // RATIO_GOALS of the Node client making the same calls.
  const perRun = (key: 'cold' | 'warm'): { token: number; image: number } | undefined => {
    const c = results.calls?.[key];
    return c && RUNS > 0 ? { token: c.token / RUNS, image: c.image / RUNS } : undefined;
  };
  const callText = (c: { token: number; image: number } | undefined): string =>
    c ? `${+(c.token + c.image).toFixed(2)} HTTP call(s)/run (${+c.token.toFixed(2)} token, ${+c.image.toFixed(2)} image)` : '';
  // `browser`: the browser floor, the same calls from a page with nothing of the extension in between.
  const generateVerdict = (own: Summary | undefined, floor: Summary | undefined, browser: Summary | undefined, calls: { token: number; image: number } | undefined, expectedToken: number, goal: number): string => {
    if (!own || !floor || !calls) return '';
    const r = ratio(own, floor);
    const callsOk = calls.token === expectedToken && calls.image === 1;
    const over = (base: Summary) => `${own.median >= base.median ? '+' : '−'}${Math.abs(own.median - base.median).toFixed(0)} ms`;
    const parts = [callsOk ? `${expectedToken + 1} round trip${expectedToken ? 's' : ''}` : `${+(calls.token + calls.image).toFixed(2)} round trips`, `${times(r)} the Node floor (${over(floor)})`];
    if (browser) parts.push(`${times(ratio(own, browser))} the browser floor (${over(browser)})`);
    return `${callsOk && r <= goal ? 'OK' : 'MISS'}: ${parts.join(', ')}`;
  };

  if (!failed('Popup', 'popup')) {
    timed('Popup', 'blank extension page: static JSON, navigation → loadEventEnd', 'popupBlank');
    const blank = s('popupBlank');
    const ready = s('popupReady');
    const readyVerdict = blank && ready ? (ratio(ready, blank) <= POPUP_READY_GOAL ? 'OK' : 'MISS') : '';
    timed('Popup', 'popup: navigation → form interactive (pim-qr-form-ready mark)', 'popupReady', `blank page (goal ≤ ${POPUP_READY_GOAL}×)`, blank, readyVerdict);
    timed('Popup', 'first Generate in a freshly opened popup (token cached): click → preview', 'popupFirstGenerate', 'Node ideal', ideal);
  }
  if (!unavailable('Popup', 'install', 'first popup after install') && !failed('Popup', 'install')) {
    timed('Popup', 'first popup after install (fresh profile, no snapshot): navigation → form interactive', 'popupFirstInstall', 'blank page', s('popupBlank'));
    timed('Popup', 'first Options after install (fresh profile): navigation → page shown (pim-qr-options-ready mark)', 'optionsFirstInstall', 'blank page', s('popupBlank'));
  }
  if (!failed('Generate', 'generate')) {
    timed('Generate', 'Node baseline, naive: token + image per QR (plain fetch)', 'nodeNaive');
    timed('Generate', 'Node baseline, ideal: image only, token reused', 'nodeIdeal');
    timed('Generate', 'browser floor, token + image: the page\'s own fetch, shown as an image: click → painted', 'floorCold', 'Node naive', naive);
    timed('Generate', 'browser floor, image only (token reused): the same', 'floorWarm', 'Node ideal', ideal);
    const goal = (r: number) => `goal ≤ ${r}×`;
    timed('Generate', 'cold, no cached token: click → preview painted', 'generateCold', `Node naive (${goal(RATIO_GOALS.cold)}); ${callText(perRun('cold'))}`, naive, generateVerdict(s('generateCold'), naive, s('floorCold'), perRun('cold'), 1, RATIO_GOALS.cold));
    timed('Generate', 'warm, cached token: click → preview painted', 'generateWarm', `Node ideal (${goal(RATIO_GOALS.warm)}); ${callText(perRun('warm'))}`, ideal, generateVerdict(s('generateWarm'), ideal, s('floorWarm'), perRun('warm'), 0, RATIO_GOALS.warm));
    // Off the frame grid: what the extension adds before the image is ready to paint.
    const decoded = (own: Summary | undefined, floor: Summary | undefined) =>
      own && floor ? `the extension adds ${own.median >= floor.median ? '+' : '−'}${Math.abs(own.median - floor.median).toFixed(1)} ms to the browser floor's ${floor.median.toFixed(1)} ms` : '';
    timed('Generate', 'cold: click → new preview decoded (its load event, before the wait for a frame)', 'generateColdLoaded', 'browser floor, the same', s('floorColdLoaded'), decoded(s('generateColdLoaded'), s('floorColdLoaded')));
    timed('Generate', 'warm: the same', 'generateWarmLoaded', 'browser floor, the same', s('floorWarmLoaded'), decoded(s('generateWarmLoaded'), s('floorWarmLoaded')));
  }
  if (!failed('Insert', 'insert')) {
    timed('Insert', 'click "Insert into page" → QR painted in a freshly loaded page', 'insert');
    const own = s('insertContentScript');
    const frames = (t: number) => `${(t / FRAME_MS).toFixed(2)} frames`;
    const verdict = own ? `${own.median <= FRAME_MS ? 'OK' : 'MISS'}: median ${frames(own.median)}, p95 ${frames(own.p95)}` : '';
    timed('Insert', 'content script starts → QR painted (the same, in runs of their own)', 'insertContentScript', `goal ≤ 1 frame (${ms(FRAME_MS)})`, undefined, verdict);
  }
  const coldStart = `${background} stopped → click Generate → preview painted`;
  if (!unavailable('Cold start', 'cold start', coldStart) && !failed('Cold start', 'cold start')) {
    timed('Cold start', coldStart, 'coldStart', 'warm generate', s('generateWarm'));
  }
  if (!unavailable('Memory', 'memory', `${background} and popup JS heap after GC: after 1 → after ${GENERATIONS} generations`) && !failed('Memory', 'memory') && results.memory) {
    const half = Math.floor(GENERATIONS / 2);
    for (const [label, [first, middle, last]] of [
      [background, results.memory.serviceWorker],
      ['popup', results.memory.popup],
    ] as const) {
      // The first generations add compiled code and warm caches; a leak keeps growing after that.
      // So the verdict reads the second half: a GC'd heap wobbles by tens of KiB, and keeping one
      // SVG (~6 KiB) per generation would add hundreds.
      const lateGrowth = last - middle;
      const flat = lateGrowth <= Math.max(128 * 1024, middle * 0.025);
      rows.push({
        area: 'Memory',
        measure: `${label} JS heap after GC: after 1 → after ${GENERATIONS} generations`,
        median: kib(last),
        p95: '',
        runs: '',
        reference: `after 1: ${kib(first)}; after ${half}: ${kib(middle)}`,
        ratio: times(last / first),
        verdict: `${flat ? 'OK: flat' : 'GROWS'} (${signedKib(last - first)} in all, ${signedKib(lateGrowth)} over the last ${GENERATIONS - half})`,
      });
    }
  }
  if (!failed('Throughput', 'throughput') && results.throughput) {
    const t = results.throughput;
    const perCall = summarize(t.perCall);
    summaries.throughputPerCall = perCall;
    const rate = (t.perCall.length / t.elapsedMs) * 1000;
    const tokenOk = t.tokenCalls === 1 && t.failures === 0;
    rows.push({
      area: 'Throughput',
      measure: `${GENERATIONS} generations in a row (messages from an extension page): per generation`,
      median: ms(perCall.median),
      p95: ms(perCall.p95),
      runs: String(perCall.runs),
      reference: `${rate.toFixed(1)} gen/s; token calls ${t.tokenCalls} (goal 1), image calls ${t.imageCalls}`,
      ratio: ideal ? times(perCall.median / ideal.median) : '',
      verdict: tokenOk ? 'OK' : `MISS${t.failures ? `: ${t.failures} failed (${t.firstError})` : `: ${t.tokenCalls} token calls`}`,
    });
  }
  return { rows, summaries };
}


/** Both browsers' tables carry it. */
export const BROWSER_FLOOR_NOTE =
  'Browser floor: what the browser itself needs for a generate, with nothing of the extension in between. In the same popup page, interleaved with the generates, a button of the bench\'s own makes the same HTTP calls with the page\'s own `fetch` (token + image, or image only with a token kept from before) and shows the answer as the popup does (an `<img>` of a base64 `data:` URL, as large), timed the same way from the click to the frame that paints it. A generate\'s verdict gives it beside the Node floor: the difference is what the extension adds (the message to the worker and back, settings and the token cache, the log and history, sanitizing, the render); the floor\'s own ratio to Node is what the browser adds (its network stack, the image decode, the wait for a frame). A paint waits for the next frame (about 16.7 ms apart), so a few ms more can move it a whole frame later, or none: the "decoded" rows time the same runs to the new image\'s `load` event, off that grid, and say what the extension adds before its image is ready to paint.';

/** The notes under the Chromium table (README, "Performance"). */
export const NOTES = [
  'Popup: both figures are from the page\'s own clock (ms since navigation start): the `pim-qr-form-ready` mark, set at the start of the animation frame that paints the form (the rule the generate and insert measures keep; until 2026-12-01 it was set in an effect, a task after that frame, which Firefox runs late while a page is still loading), against `loadEventEnd` of a static file in the extension (`_locales/en/messages.json`). The popup is opened as a page (`src/popup/index.html?tab=<id>`), as the e2e tests do.',
  'First popup after install: a new profile for each of 5 runs, the popup the first page opened, the same mark. There is no snapshot to paint from, and Chromium answers its first policy read (`storage.managed`) about 2 s after it starts; the popup paints what the worker has without the policy, then adds the policy\'s environments. Options, the first page opened in 5 more new profiles, sets `pim-qr-options-ready` at the start of the frame that shows its page instead of "Loading…"; it paints from the same answer without the policy.',
  'Generate and cold start: from the click (a capture listener in the popup) to the start of the animation frame that paints the new preview: the first frame whose callbacks find the new image decoded and laid out (the bench until 2026-11-30 waited one frame more, about 17 ms, each time it found it so); every run has a new title, so every preview is new. Cold: `storage.session` cleared before the click. Cold start: `ServiceWorker.stopAllWorkers`, then the click once the worker reports `stopped` (token still cached).',
  'Node baselines: the same HTTP calls with `fetch` from the bench process to the same server; their ratio shows what the extension adds on top of the network.',
  BROWSER_FLOOR_NOTE,
  'Insert: click time in the popup against the first animation frame in the target page where the placement\'s SVG is laid out, both as `performance.timeOrigin + performance.now()`; the page is reloaded before each run, so the content script is injected every time.',
  'Insert, content script starts → painted: a trace of the target page (CDP `Tracing`, `devtools.timeline` and `blink.user_timing`) from the start of the content script\'s `EvaluateScript` event (its parse and run in the isolated world) to a `performance.mark` the bench\'s own probe sets in that same first frame; both on the trace\'s clock, in runs of their own because tracing costs time. The content script itself sets no mark: a page could read one and learn that the extension ran.',
  'Memory: `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`, on the popup page (generating through its UI) and on the worker target, with the popup at rest (QR read back). The verdict reads the second half of the run: the first generations add compiled code, a leak keeps growing.',
  'Throughput: sequential `ui-bg-generate` messages from an extension page, `storage.session` cleared first; token calls counted by the sandbox server.',
  'Headless Chromium gives a page that is not in front about one animation frame a second, so the page being measured is brought to front first.',
  'One warm-up run before each timed series is discarded; p95 is nearest-rank.',
];
