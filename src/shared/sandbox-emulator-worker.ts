// The built-in Sandbox's emulator in a worker of its own: the same plain emulator the sandbox server
// wraps (core/sandbox), one instance for the worker's life, answering one call per message on the port
// that comes with it. Started by sandbox-emulator.ts, in Chrome's offscreen document or Firefox's event page.
import { createSandboxHandler, type SandboxHandler } from '../core/sandbox/handler';
import { requestFromWire, responseToWire, type WireResponse } from '../core/sandbox/wire';
import type { SandboxCall } from './contracts/worker-to-offscreen';

export type EmulatorAnswer = { ok: true; answer: WireResponse } | { ok: false };

let handler: SandboxHandler | undefined;

globalThis.addEventListener('message', (event: MessageEvent<SandboxCall>) => {
  const [port] = event.ports;
  if (!port) return;
  const { bandLabel, request } = event.data;
  handler ??= createSandboxHandler({ bandLabel });
  handler
    .handle(requestFromWire(request))
    .then(responseToWire)
    .then(
      (answer) => port.postMessage({ ok: true, answer } satisfies EmulatorAnswer),
      () => port.postMessage({ ok: false } satisfies EmulatorAnswer),
    );
});
