// The built-in Sandbox's fetch. Its emulator (the token and /image endpoints, qrcode's encoder) is
// development code most people never call, so no bundle loaded at start carries it: it runs in a worker
// of its own (shared/sandbox-emulator.ts), started the first time the Sandbox environment is called.
// Firefox's event page is a document and starts that worker itself. Chrome's service worker may neither
// `import()` nor start a worker: there an offscreen document starts it, and the calls are forwarded
// to that document.
import { abortReason } from '../core/sandbox/abort';
import { requestToWire, responseFromWire, type WireResponse } from '../core/sandbox/wire';
import type { FetchLike } from '../core/send-request';
import type { SandboxCall } from '../shared/contracts/worker-to-offscreen';
import type { AskEmulator } from '../shared/sandbox-emulator';

/** The offscreen document that starts the emulator, as the worker sees it. */
export interface SandboxDocument {
  /** True while it is open: it outlives a stopped worker, so a new worker finds it open. */
  isOpen(): Promise<boolean>;
  open(): Promise<void>;
  ask: AskEmulator;
}

export interface SandboxHosts {
  /** Chrome: the offscreen document; undefined where the browser has no `chrome.offscreen`. */
  offscreen: SandboxDocument | undefined;
  /** The emulator's worker, started by the background itself (Firefox's event page). */
  inWorker: AskEmulator;
  /** The band printed across the Sandbox's QR, in the browser's language. */
  bandLabel: () => string;
}

export function builtInSandboxFetch(hosts: SandboxHosts): FetchLike {
  return asFetch(hosts.offscreen ? askThroughDocument(hosts.offscreen) : hosts.inWorker, hosts.bandLabel);
}

/** A `fetch` whose calls the emulator answers; an aborted signal rejects at once with its reason, as fetch does. */
export function asFetch(ask: AskEmulator, bandLabel: () => string): FetchLike {
  return async (input, init) => {
    const { signal } = init;
    if (signal?.aborted) throw abortReason(signal);
    const answer = ask({ bandLabel: bandLabel(), request: await requestToWire(input, init) });
    if (!signal) return responseFromWire(await answer);
    return new Promise<Response>((resolve, reject) => {
      // The emulator's late answer is dropped.
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answer
        .then((wire) => resolve(responseFromWire(wire)), reject)
        .finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}

/**
 * Asks the document, opening it first when it is not open. Browsers allow one offscreen document per
 * extension: calls that arrive while it opens wait for that one opening.
 */
export function askThroughDocument(document: SandboxDocument): AskEmulator {
  let ready: Promise<void> | undefined;
  const open = () =>
    (ready ??= (async () => {
      if (!(await document.isOpen())) await document.open();
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  return async (call: SandboxCall): Promise<WireResponse> => {
    await open();
    try {
      return await document.ask(call);
    } catch (error) {
      // Closed since (the browser may close it): open it again once. Open, it answered for itself.
      if (await document.isOpen()) throw error;
      ready = undefined;
      await open();
      return document.ask(call);
    }
  };
}
