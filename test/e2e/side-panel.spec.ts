import { expect, test } from './harness';

test('"Open in side panel" opens the same UI in Chrome\'s side panel', async ({ openPopup, serviceWorker, extensionId }) => {
  const { page: popup, errors } = await openPopup();
  const sidePanels = () =>
    serviceWorker.evaluate(async () =>
      (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).map((c) => c.documentUrl),
    );
  expect(await sidePanels()).toEqual([]);
  await popup.getByRole('button', { name: 'Open in side panel' }).click();
  await expect.poll(sidePanels).toEqual([`chrome-extension://${extensionId}/src/popup/index.html?view=sidepanel`]);
  expect(errors).toEqual([]);
});
