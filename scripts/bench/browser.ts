// Chromium with the built extension, and the DevTools-protocol handles the bench needs beyond
// Playwright's API: the service worker's heap (Playwright opens CDP sessions on pages only) and
// stopping the worker for a cold start.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

export interface Extension {
  id: string;
  origin: string;
  /** Absolute URL of a file in the extension. */
  url(path: string): string;
}

export async function loadedExtension(context: BrowserContext): Promise<Extension> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  if (!/^[a-p]{32}$/.test(id)) throw new Error(`[bench] unexpected extension service worker URL: ${worker.url()}`);
  const origin = `chrome-extension://${id}`;
  return { id, origin, url: (path) => `${origin}/${path.replace(/^\//, '')}` };
}

type Call = (method: string, params?: object) => Promise<unknown>;

/** The V8 heap in use, after full garbage collections, of a CDP target reached through `call`. */
async function heapAfterGc(call: Call): Promise<number> {
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

/** A page's JS heap in use after GC (Runtime.getHeapUsage; the same number as Performance.getMetrics' JSHeapUsedSize). */
export async function pageHeap(context: BrowserContext, page: Page): Promise<number> {
  const session = await context.newCDPSession(page);
  try {
    return await heapAfterGc((method, params) => session.send(method as 'Runtime.getHeapUsage', params));
  } finally {
    await session.detach().catch(() => {});
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * A DevTools session on the extension's service worker. Playwright opens CDP sessions on pages
 * only, so this goes through the browser session: attach to the worker target (not flattened, so
 * Playwright's CDPSession can carry it) and talk to it with Target.sendMessageToTarget.
 */
export class WorkerSession {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
  ) {
    session.on('Target.receivedMessageFromTarget', (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!pending || message.id === undefined) return;
      this.waiting.delete(message.id);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    });
  }

  static async open(browser: Browser, extension: Extension): Promise<WorkerSession> {
    const session = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extension.origin));
      if (!target) throw new Error('[bench] the extension service worker is not running');
      const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      return new WorkerSession(session, sessionId);
    } catch (error) {
      await session.detach().catch(() => {});
      throw error;
    }
  }

  readonly call: Call = (method, params = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++this.nextId;
      this.waiting.set(id, { resolve, reject });
      this.session
        .send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });

  /** The worker's JS heap in use after GC. The worker has no Performance domain; Runtime.getHeapUsage works. */
  heap(): Promise<number> {
    return heapAfterGc(this.call);
  }

  async close(): Promise<void> {
    await this.session.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => {});
    await this.session.detach().catch(() => {});
  }
}

export async function serviceWorkerHeap(browser: Browser, extension: Extension): Promise<number> {
  const worker = await WorkerSession.open(browser, extension);
  try {
    return await worker.heap();
  } finally {
    await worker.close();
  }
}

/** CPU profiling (sampling every 100 µs) over a CDP `call`; `stop` answers the .cpuprofile object. */
export async function startProfiler(call: Call): Promise<{ stop: () => Promise<CpuProfile> }> {
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 100 });
  await call('Profiler.start');
  return { stop: async () => ((await call('Profiler.stop')) as { profile: CpuProfile }).profile };
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time per function (ms), largest first, idle and program included so the shares are honest. */
export function selfTimes(profile: CpuProfile, top = 12): { name: string; ms: number; share: number }[] {
  const byNode = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (deltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const name = file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}` : functionName || '(anonymous)';
    byFunction.set(name, (byFunction.get(name) ?? 0) + (byNode.get(node.id) ?? 0));
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0) || 1;
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
}

/**
 * Stops every service worker (ServiceWorker.stopAllWorkers from an extension page's session) and
 * resolves once the extension's worker reports `stopped`, as after Chrome's idle timeout.
 */
export class WorkerStopper {
  private constructor(
    private readonly session: CDPSession,
    private readonly extension: Extension,
  ) {}

  static async open(context: BrowserContext, page: Page, extension: Extension): Promise<WorkerStopper> {
    const session = await context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    return new WorkerStopper(session, extension);
  }

  async stop(timeoutMs = 10_000): Promise<void> {
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.session.off('ServiceWorker.workerVersionUpdated', onUpdate);
        reject(new Error('[bench] the service worker did not stop'));
      }, timeoutMs);
      const onUpdate = (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        const ours = event.versions.filter((v) => v.scriptURL.startsWith(this.extension.origin));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          this.session.off('ServiceWorker.workerVersionUpdated', onUpdate);
          resolve();
        }
      };
      this.session.on('ServiceWorker.workerVersionUpdated', onUpdate);
    });
    await this.session.send('ServiceWorker.stopAllWorkers');
    await stopped;
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => {});
  }
}

export interface TraceEvent {
  name: string;
  /** µs, on the trace's clock (one clock for every process of the browser). */
  ts: number;
  args?: { data?: { url?: string } };
}

/** The trace events of `categories` recorded in `page`'s renderer while `during` runs. */
export async function tracePage(context: BrowserContext, page: Page, categories: string[], during: () => Promise<void>): Promise<TraceEvent[]> {
  const session = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  try {
    session.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
    try {
      await during();
    } finally {
      await session.send('Tracing.end');
      await complete;
    }
    return events;
  } finally {
    await session.detach().catch(() => {});
  }
}
