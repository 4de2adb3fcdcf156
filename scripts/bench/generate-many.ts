// The throughput measure, run inside an extension page of either browser: `count` generates in a
// row through the worker, timed one by one. Self-contained, since it is handed to the page as is.
import type { QrParams } from '../../src/core/params';

export interface GenerateManyArgs {
  count: number;
  environmentId: string;
  params: QrParams;
}

export interface GenerateManyRun {
  elapsedMs: number;
  perCall: number[];
  failures: number;
  firstError: string;
}

export async function generateMany({ count, environmentId, params }: GenerateManyArgs): Promise<GenerateManyRun> {
  const perCall: number[] = [];
  let failures = 0;
  let firstError = '';
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const payload = { requestId: crypto.randomUUID(), environmentId, params };
    const reply = (await chrome.runtime.sendMessage({ name: 'ui-bg-generate', payload })) as { ok?: boolean; error?: unknown } | undefined;
    perCall.push(performance.now() - t0);
    if (!reply?.ok) {
      failures++;
      firstError ||= JSON.stringify(reply?.error);
    }
  }
  return { elapsedMs: performance.now() - started, perCall, failures, firstError };
}
