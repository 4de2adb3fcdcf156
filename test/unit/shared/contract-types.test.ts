// What the contracts guarantee at compile time, checked by `npm run typecheck`: each
// `@ts-expect-error` below fails the type check the day the line after it compiles. The tests at the
// end check the same promises where only run time can: the handler maps hold no name the contract
// does not declare.
import { describe, expect, it } from 'vitest';
import { createContentHandlers } from '../../../src/background/content-handlers';
import type { UiHandlers } from '../../../src/background/router';
import { createUiHandlers } from '../../../src/background/ui-handlers';
import type { Send } from '../../../src/shared/contract';
import { contentToWorker, type ContentToWorker } from '../../../src/shared/contracts/content-to-worker';
import { uiToWorker } from '../../../src/shared/contracts/ui-to-worker';
import type { SendMessage } from '../../../src/shared/send-message';

/** Never called: it exists for the type checker. */
export async function typeChecks(send: SendMessage, sendFromContent: Send<ContentToWorker>, handlers: UiHandlers): Promise<unknown[]> {
  const { 'ui-bg-place': _placing, ...withoutPlacing } = handlers;
  // @ts-expect-error a handler map without a handler for a declared message does not compile
  const incomplete: UiHandlers = withoutPlacing;

  // @ts-expect-error a handler answering another type than the contract declares
  const wrongAnswer: UiHandlers['ui-bg-generate-cancel'] = async () => ({ cancelled: 'yes' });

  // @ts-expect-error "Insert into page" is ui-bg-place with mode floating: the old name is gone
  const merged = send('ui-bg-insert-into-page', { svg: '<svg/>' });

  // @ts-expect-error a payload missing a field its check requires
  const missingMode = send('ui-bg-place', { svg: '<svg/>' });

  // @ts-expect-error a content script cannot even name a page's message
  const privileged = sendFromContent('ui-bg-generate', { requestId: 'r', environmentId: 'sandbox', params: undefined });

  // @ts-expect-error the answer has the declared type, not any
  const count: number = await send('ui-bg-log-get', undefined);

  return [incomplete, wrongAnswer, merged, missingMode, privileged, count];
}

describe('the worker’s handler maps', () => {
  it('answer exactly the messages the page contract declares', () => {
    const handlers = createUiHandlers({} as Parameters<typeof createUiHandlers>[0]);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(uiToWorker).sort());
  });

  it('answer exactly the messages the content contract declares', () => {
    const handlers = createContentHandlers({} as Parameters<typeof createContentHandlers>[0]);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contentToWorker).sort());
  });
});
