// Where the built-in Sandbox's emulator runs: a worker of its own, started by the document that first
// needs it (Chrome's offscreen document, Firefox's event page), so no bundle that loads at start carries
// the emulator. Its state (tokens issued, quota used) lives as long as that worker.
import { PimError } from '../core/errors';
import type { WireResponse } from '../core/sandbox/wire';
import type { SandboxCall } from './contracts/worker-to-offscreen';
import type { EmulatorAnswer } from './sandbox-emulator-worker';

export type AskEmulator = (call: SandboxCall) => Promise<WireResponse>;

/** Answers each call with the emulator's worker, started with the first call. */
export function emulatorInWorker(): AskEmulator {
  let emulator: Worker | undefined;
  return (call) => {
    emulator ??= new Worker(new URL('./sandbox-emulator-worker.ts', import.meta.url), { type: 'module', name: 'sandbox' });
    const worker = emulator;
    const channel = new MessageChannel();
    return new Promise<WireResponse>((resolve, reject) => {
      // A worker whose script failed to load answers nothing: the call fails instead of hanging, and
      // the next call starts a new worker rather than waiting on this one, which would never answer.
      const onError = () => {
        if (emulator === worker) {
          emulator = undefined;
          worker.terminate();
        }
        reject(new PimError('internal'));
      };
      worker.addEventListener('error', onError, { once: true });
      channel.port1.onmessage = ({ data }: MessageEvent<EmulatorAnswer>) => {
        worker.removeEventListener('error', onError);
        channel.port1.close();
        if (data.ok) resolve(data.answer);
        else reject(new PimError('internal'));
      };
      worker.postMessage(call, [channel.port2]);
    });
  };
}
