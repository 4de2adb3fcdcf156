// Timers that run inside the pages, so a figure does not include the driver's own round trips.
// They are plain JavaScript source run with page.evaluate (CDP Runtime.evaluate in Chromium, BiDi
// script.evaluate in Firefox): extension pages forbid eval, which Playwright's waitForFunction
// needs, and tsx may decorate compiled functions with helpers that do not exist in the page.

/** What the probes need of a page: Playwright's and puppeteer's Page both run a script given as text. */
export interface Page {
  evaluate(script: string): Promise<unknown>;
}

export const FORM_READY_MARK = 'pim-qr-form-ready';
/** The mark Options sets once it shows its page, not "Loading…". */
export const OPTIONS_READY_MARK = 'pim-qr-options-ready';
/** Set by the bench's own probe in the target page, at the frame where the placement is first laid out. */
export const PLACEMENT_PAINTED_MARK = 'pim-bench-placement-painted';
const PREVIEW_IMAGE = 'img[alt="QR preview"]';

/** Installed once per page; every probe lives on `window.__pimBench`. */
const PROBES = String.raw`
(() => {
  if (window.__pimBench) return;
  const wallClock = () => performance.timeOrigin + performance.now();
  const alerts = () => [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent.trim()).filter(Boolean).join(' | ');
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  // Resolves with the wall clock at the start of the animation frame that paints what ready() waits
  // for: found by a DOM mutation or a load event, the next frame; found in a frame's own callback
  // (poll: every frame, for what no event reports, such as an image finishing its decode or a change
  // in shadow DOM), that frame, whose paint follows its callbacks.
  const when = (ready, timeoutMs, what, poll) => new Promise((resolve, reject) => {
    let done = false;
    const finish = (fn) => { if (done) return; done = true; observer.disconnect(); document.removeEventListener('load', onLoad, true); clearTimeout(timer); fn(); };
    const stamp = () => finish(() => resolve(wallClock()));
    const check = (inFrame) => {
      if (done || !ready()) return;
      if (inFrame) stamp();
      else requestAnimationFrame(stamp);
    };
    const onLoad = () => check(false);
    const observer = new MutationObserver(() => check(false));
    observer.observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener('load', onLoad, true);
    const timer = setTimeout(() => finish(() => reject(new Error(what + ' did not happen within ' + timeoutMs + ' ms' + (alerts() ? '; page says: ' + alerts() : '')))), timeoutMs);
    const tick = () => { if (done) return; check(true); requestAnimationFrame(tick); };
    if (poll) requestAnimationFrame(tick);
  });
  // Polls a condition every frame and every 10 ms (a hidden page gets no frames); resolves with its value.
  const until = (value, timeoutMs, what) => new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = () => {
      let v;
      try { v = value(); } catch (e) { reject(e); return; }
      if (v !== undefined && v !== null && v !== false) resolve(v);
      else if (performance.now() - started > timeoutMs) reject(new Error(what + ' did not happen within ' + timeoutMs + ' ms' + (alerts() ? '; page says: ' + alerts() : '')));
      else setTimeout(tick, 10);
    };
    tick();
  });
  // Every turn of the page's event loop, stamped: a MessageChannel message is a task of its own, and
  // each posts the next, so between two stamps nothing else ran but tasks that are not the page's.
  // The last stamp before a mutation is where the task that made it began (to a few µs; Firefox
  // rounds the clock to 1 ms), or earlier when other tasks ran back to back before it.
  const watchEventLoop = () => {
    const channel = new MessageChannel();
    let last = wallClock();
    let running = true;
    channel.port1.onmessage = () => {
      last = wallClock();
      if (running) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
    return { last: () => last, stop: () => { running = false; channel.port1.close(); } };
  };
  window.__pimBench = {
    pending: undefined,
    /** ms since navigation start of a performance mark, once it is there. */
    mark(name, timeoutMs) {
      return until(() => performance.getEntriesByName(name)[0]?.startTime, timeoutMs, 'the mark ' + name);
    },
    /** loadEventEnd of this page's navigation, once the load event has finished. */
    loaded(timeoutMs) {
      return until(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd || undefined, timeoutMs, 'the load event');
    },
    /** Until no button shows a busy spinner. */
    idle(timeoutMs) {
      return until(() => !document.querySelector('button[aria-busy="true"]'), timeoutMs, 'the page going idle');
    },
    clickAt: undefined,
    /** The next click (capture phase, so before the app's handler) stamps clickAt. */
    armClick() {
      this.clickAt = undefined;
      document.addEventListener('click', () => { this.clickAt = wallClock(); }, { capture: true, once: true });
    },
    loadedAt: undefined,
    /**
     * From the next click to the frame that shows a new, decoded and laid-out QR preview image; and,
     * in loadedAt, to the new image's load event (decoded, not yet painted: off the frame grid).
     */
    armPreview(selector, timeoutMs) {
      const previousSrc = document.querySelector(selector)?.getAttribute('src');
      this.armClick();
      this.loadedAt = undefined;
      const onImageLoad = (event) => {
        const image = event.target;
        if (this.clickAt === undefined || !image.matches?.(selector) || image.getAttribute('src') === previousSrc) return;
        this.loadedAt = wallClock();
        document.removeEventListener('load', onImageLoad, true);
      };
      document.addEventListener('load', onImageLoad, true);
      // The image element may stay and change its source: a new source, decoded, is a new preview.
      this.pending = when(() => {
        const image = document.querySelector(selector);
        return this.clickAt !== undefined && image && image.getAttribute('src') !== previousSrc && image.complete && image.naturalWidth > 0 && visible(image);
      }, timeoutMs, 'the QR preview', true).then((at) => at - this.clickAt);
    },
    /**
     * In the target page: the frame where a placement with a laid-out SVG is first there (wall clock).
     * The SVG sits in a closed shadow root the page cannot look into, but it is attached before the
     * host enters the page, so the frame that lays out the host lays out the SVG too.
     */
    armPlacement(timeoutMs, watchTasks) {
      this.taskStartAt = undefined;
      const turns = watchTasks ? watchEventLoop() : undefined;
      this.pending = when(() => {
        const host = document.querySelector('[data-pim-qr-placement]');
        if (host && turns && this.taskStartAt === undefined) this.taskStartAt = turns.last();
        return Boolean(host && visible(host));
      }, timeoutMs, 'the placement', true).then((at) => {
        turns?.stop();
        // For a trace (Chromium): the same frame on the trace's clock.
        performance.mark(${JSON.stringify(PLACEMENT_PAINTED_MARK)});
        return at;
      }, (error) => {
        turns?.stop();
        throw error;
      });
    },
    taskStartAt: undefined,
    /**
     * The browser's own floor for a generate: the same HTTP calls from this page with plain fetch, the
     * answer shown as the popup shows it (an <img> of a base64 data URL, as large), nothing of the
     * extension in between (no checks, no sanitizing). Two buttons: token + image (a new token each click), and image only (the
     * token of the first click reused). Each click asks for a new title, so each image is new.
     */
    addFloor(config) {
      if (document.getElementById('pim-bench-floor')) return;
      const box = document.createElement('div');
      box.id = 'pim-bench-floor';
      box.style.cssText = 'position:fixed;right:0;bottom:0;z-index:2147483647;background:#fff;padding:8px;display:flex;gap:8px;align-items:center';
      const image = document.createElement('img');
      image.alt = 'Bench floor';
      image.style.cssText = 'display:block;max-height:220px;width:auto;height:auto';
      let token;
      let count = 0;
      const mint = async () => {
        const answer = await fetch(config.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: config.tokenForm });
        return (await answer.json()).access_token;
      };
      const show = async (fresh) => {
        if (fresh || !token) token = await mint();
        const body = JSON.stringify({ ...config.params, title: 'Bench floor ' + ++count });
        const answer = await fetch(config.imageUrl, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body });
        // The API answers the SVG in base64: as it is, it is the data URL's payload.
        image.src = 'data:image/svg+xml;base64,' + (await answer.text()).trim();
      };
      for (const [label, fresh] of [['Floor: token + image', true], ['Floor: image only', false]]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = label;
        // A failure shows as an alert, which a probe that times out quotes.
        button.addEventListener('click', () => show(fresh).catch((error) => {
          const alert = document.createElement('p');
          alert.setAttribute('role', 'alert');
          alert.textContent = 'Bench floor: ' + error;
          box.append(alert);
        }));
        box.append(button);
      }
      box.append(image);
      document.body.append(box);
    },
  };
})();
`;

async function install(page: Page): Promise<void> {
  await page.evaluate(PROBES);
}

/** Before clicking Generate: the next click starts the clock, a new visible preview stops it. */
export async function armPreview(page: Page, timeoutMs = 30_000): Promise<void> {
  await install(page);
  await page.evaluate(`window.__pimBench.armPreview(${JSON.stringify(PREVIEW_IMAGE)}, ${timeoutMs})`);
}

export interface FloorConfig {
  tokenUrl: string;
  /** The token call's form body (client credentials). */
  tokenForm: string;
  imageUrl: string;
  /** The image call's JSON fields; the title is replaced on each click. */
  params: Record<string, string>;
}

export const FLOOR_BUTTONS = { tokenAndImage: 'Floor: token + image', imageOnly: 'Floor: image only' } as const;
const FLOOR_IMAGE = 'img[alt="Bench floor"]';

/** Adds the floor's buttons and image to the page (once). */
export async function addFloor(page: Page, config: FloorConfig): Promise<void> {
  await install(page);
  await page.evaluate(`window.__pimBench.addFloor(${JSON.stringify(config)})`);
}

/** Before clicking a floor button: the click starts the clock, the floor's new image painted stops it; previewResult reads it. */
export async function armFloor(page: Page, timeoutMs = 30_000): Promise<void> {
  await install(page);
  await page.evaluate(`window.__pimBench.armPreview(${JSON.stringify(FLOOR_IMAGE)}, ${timeoutMs})`);
}

/** Ms from the click to the frame that shows the new preview. */
export function previewResult(page: Page): Promise<number> {
  return page.evaluate('window.__pimBench.pending') as Promise<number>;
}

/** After previewResult: ms from the click to the new preview's load event (NaN if none was seen). */
export async function previewLoadedAfter(page: Page): Promise<number> {
  return Number(await page.evaluate('window.__pimBench.loadedAt - window.__pimBench.clickAt'));
}

export async function armClick(page: Page): Promise<void> {
  await install(page);
  await page.evaluate('window.__pimBench.armClick()');
}

export async function clickStamp(page: Page): Promise<number> {
  const at = (await page.evaluate('window.__pimBench.clickAt')) as number | undefined;
  if (at === undefined) throw new Error('[bench] the click was not seen in the page');
  return at;
}

/** `watchTasks`: also stamp every turn of the page's event loop, for placementTaskStart (costs a busy loop). */
export async function armPlacement(page: Page, options: { watchTasks?: boolean; timeoutMs?: number } = {}): Promise<void> {
  await install(page);
  await page.evaluate(`window.__pimBench.armPlacement(${options.timeoutMs ?? 30_000}, ${options.watchTasks === true})`);
}

/**
 * After armPlacement with watchTasks: wall-clock time where the page's task that first put the
 * placement in the DOM began (the last turn of the page's own event loop before it).
 */
export async function placementTaskStart(page: Page): Promise<number> {
  const at = (await page.evaluate('window.__pimBench.taskStartAt')) as number | undefined;
  if (at === undefined) throw new Error('[bench] the placement was not seen entering the page');
  return at;
}

/** Wall-clock time (timeOrigin + now) of the frame where the placement first showed its SVG. */
export function placementResult(page: Page): Promise<number> {
  return page.evaluate('window.__pimBench.pending') as Promise<number>;
}

/** performance.mark the popup sets when its form is interactive (or `mark`), ms since navigation start. */
export async function formReadyAt(page: Page, timeoutMs = 30_000, mark = FORM_READY_MARK): Promise<number> {
  await install(page);
  return (await page.evaluate(`window.__pimBench.mark(${JSON.stringify(mark)}, ${timeoutMs})`)) as number;
}

/** loadEventEnd of the page's navigation, ms since navigation start. */
export async function loadedAt(page: Page, timeoutMs = 30_000): Promise<number> {
  await install(page);
  return (await page.evaluate(`window.__pimBench.loaded(${timeoutMs})`)) as number;
}

/** Until no button in the page is busy (an action still running). */
export async function idle(page: Page, timeoutMs = 30_000): Promise<void> {
  await install(page);
  await page.evaluate(`window.__pimBench.idle(${timeoutMs})`);
}
