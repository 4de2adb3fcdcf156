// The built-in Sandbox's offscreen document (Chrome only): Chrome's service worker may not start a
// worker, so this document starts the emulator's (shared/sandbox-emulator.ts) and hands it each call
// this extension's service worker forwards. It lives on when the service worker stops, and the
// emulator's state with it.
import { workerToOffscreen } from '../shared/contracts/worker-to-offscreen';
import { emulatorInWorker } from '../shared/sandbox-emulator';
import { listenToOurWorker } from '../shared/worker-listener';

listenToOurWorker(workerToOffscreen, { 'bg-offscreen-sandbox-fetch': emulatorInWorker() }, 'offscreen-sandbox');
