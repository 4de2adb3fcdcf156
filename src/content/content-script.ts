// Content script entry (injected on demand with chrome.scripting, and registered only for sites
// with remembered placements): one controller per frame, answering only this extension's worker.
import { workerToContent } from '../shared/contracts/worker-to-content';
import { installOnce } from '../shared/install-once';
import { actOnFirstMessage, listenToOurWorker } from '../shared/worker-listener';
import { afterNextPaint } from './after-paint';
import { sendToBackground } from './background-channel';
import { createController } from './controller';

const { controller, created } = installOnce(globalThis, () => {
  const instance = createController(sendToBackground);
  const stopListening = listenToOurWorker(workerToContent, instance.handlers, 'content');
  const dispose = instance.dispose;
  return {
    ...instance,
    dispose: () => {
      stopListening();
      dispose();
    },
  };
});
// The QR the worker injected us for is drawn as we start, in this task, so it shows in the next frame;
// asking for the page's remembered placements and watching the page wait until it is painted.
const drawing = actOnFirstMessage(workerToContent, controller.handlers, 'content');
if (created && drawing) afterNextPaint(window, controller.start);
else if (created) controller.start();
