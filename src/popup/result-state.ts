// The QR on show: its sanitized markup, facts and what it decodes to. What can be done with it comes with
// the view that shows it (result-actions.ts, placing.ts), as it is only needed once there is a result.
import { signal } from '@preact/signals';
import type { Quota } from '../core/quota';
import type { GenerateAnswer } from '../shared/messages';
import type { SendMessage } from '../shared/send-message';
import type { ErrorView } from '../ui/error-view';
import { tracked } from '../ui/tracked';
import { loadSanitizer } from './load-sanitizer';
import { lazyPart } from './lazy-part';
import type { PopupPorts } from './ports';

/** Sizes and formats of a result: needed once there is one, as the preview that shows it is (ShownResult.tsx). */
export const loadExports = lazyPart(() => import('./exports'));

export interface ShownResult {
  id: string;
  /** Sanitized: the only markup the popup ever renders or exports. */
  svg: string;
  bytes: number;
  durationMs: number;
  width: number;
  height: number;
  title: string;
  environmentId: string;
  environmentName: string;
  time: number;
  /** KPN's quota figures as the answer reported them; a result restored from history has none. */
  quota?: Quota;
}

export type DecodeState = { state: 'idle' | 'reading' | 'unreadable' } | { state: 'read'; text: string };

export interface ResultDeps {
  send: SendMessage;
  ports: PopupPorts;
  announce: (text: string) => void;
}

export function createResultState({ send, ports, announce }: ResultDeps) {
  const result = signal<ShownResult | null>(null);
  const decoded = signal<DecodeState>({ state: 'idle' });
  const error = signal<ErrorView | null>(null);
  const busy = signal<string | null>(null);
  let latest: GenerateAnswer | undefined;
  let readBack: ShownResult | undefined;

  async function decode(shown: ShownResult) {
    let text: string | null = null;
    try {
      text = await ports.decodeQr(shown.svg, shown.width, shown.height);
    } catch (e) {
      console.warn('[popup] QR decode failed', e);
    }
    if (result.value !== shown) return;
    decoded.value = text ? { state: 'read', text } : { state: 'unreadable' };
  }

  /** Runs one export action, reporting its outcome in the status line and a failure in the result's alert. */
  async function act(name: string, action: (shown: ShownResult) => Promise<string | undefined>) {
    const shown = result.value;
    if (!shown || busy.value) return;
    // The line under the result speaks of the latest action only: "Copied" must not stand beside a download.
    announce('');
    await tracked({ signal: busy, running: name, idle: null }, error, async () => {
      const done = await action(shown);
      if (done) announce(done);
    });
  }

  return {
    result,
    decoded,
    error,
    busy,
    /** Sanitizes and shows a result; rejects with SvgSanitizeError when nothing safe is left. */
    async show(item: GenerateAnswer) {
      latest = item;
      // Loaded already (as soon as the popup was idle): shown in this task, with nothing run between.
      const loaded = loadSanitizer.now();
      const exports = loadExports.now();
      const [sanitize, { svgPixelSize }] = loaded && exports ? [loaded, exports] : await Promise.all([loadSanitizer(), loadExports()]);
      const svg = sanitize(item.svg);
      if (latest !== item) return;
      const size = svgPixelSize(svg, item.params);
      const shown: ShownResult = {
        id: item.id,
        svg,
        bytes: item.bytes,
        durationMs: item.durationMs,
        width: size.width,
        height: size.height,
        title: item.params.title,
        environmentId: item.environmentId,
        environmentName: item.environmentName,
        time: item.time,
        quota: item.quota,
      };
      result.value = shown;
      decoded.value = { state: 'reading' };
      error.value = null;
    },
    /**
     * The preview of `shown` has loaded. Reading the QR back is heavy (canvas + jsQR on this thread):
     * it starts once the frame that paints the preview is done, never before, so it never holds the
     * preview back.
     */
    previewLoaded(shown: ShownResult) {
      if (result.value !== shown || readBack === shown) return;
      readBack = shown;
      requestAnimationFrame(() => setTimeout(() => void decode(shown), 0));
    },
    /** The latest quota figures the worker kept for an environment. */
    readQuota: (environmentId: string) => send('ui-bg-quota-get', { environmentId }),
    /** Runs one action on the shown QR: the ones result-actions.ts and placing.ts define, with the result view. */
    act,
  };
}

export type ResultState = ReturnType<typeof createResultState>;
