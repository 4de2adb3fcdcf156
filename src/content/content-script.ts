// Content script entry (injected on demand with chrome.scripting, and registered only for sites
// with remembered placements): one controller per frame, answering only this extension's worker.
import { workerToContent } from '../shared/contracts/worker-to-content';
import { installOnce } from '../shared/install-once';
import { listenToOurWorker } from '../shared/worker-listener';
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
if (created) controller.start();
