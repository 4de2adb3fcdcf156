// Typed calls from an extension page to the worker, through the polyfill's runtime.sendMessage.
import browser from 'webextension-polyfill';
import type { Send } from './contract';
import type { UiToWorker } from './contracts/ui-to-worker';
import { createSender, workerDidNotAnswer } from './message-sender';

export type SendMessage = Send<UiToWorker>;

export const sendMessage: SendMessage = createSender<UiToWorker>((envelope) => browser.runtime.sendMessage(envelope), workerDidNotAnswer);
