// Chrome's side of the built-in Sandbox's offscreen document (see sandbox-fetch.ts for why it exists).
import { PimError } from '../core/errors';
import type { WorkerToOffscreen } from '../shared/contracts/worker-to-offscreen';
import { createSender } from '../shared/message-sender';
import type { SandboxDocument } from './sandbox-fetch';

/** The page vite.config.ts builds for Chrome; it starts the emulator's worker (shared/sandbox-emulator.ts). */
export const SANDBOX_DOCUMENT_PATH = 'src/offscreen/sandbox.html';

type OffscreenApi = Pick<typeof chrome.offscreen, 'createDocument'>;
type RuntimeApi = Pick<typeof chrome.runtime, 'getContexts' | 'getURL' | 'sendMessage'>;

export function offscreenSandbox(offscreen: OffscreenApi, runtime: RuntimeApi): SandboxDocument {
  const url = runtime.getURL(SANDBOX_DOCUMENT_PATH);
  const send = createSender<WorkerToOffscreen>(
    (envelope) => runtime.sendMessage(envelope),
    () => new PimError('internal'),
  );
  return {
    isOpen: async () => (await runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] })).length > 0,
    open: () =>
      offscreen.createDocument({
        url: SANDBOX_DOCUMENT_PATH,
        // What the document is for: it starts the worker the emulator runs in. None of the other reasons
        // (audio, DOM parsing, blobs, clipboard, …) is what it does.
        reasons: ['WORKERS'],
        justification: 'Runs the built-in Sandbox, a stand-in for the PiM ID API, in a worker while the Sandbox environment is used.',
      }),
    ask: (call) => send('bg-offscreen-sandbox-fetch', call),
  };
}
