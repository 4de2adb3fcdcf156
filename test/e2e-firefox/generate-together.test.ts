// Many views generating at once, in Firefox: one token call for all of them, and every result in
// history. (The event page cannot be stopped on demand here, as Chromium's worker can be over CDP;
// the answer-first writes are proven against a stopped worker in test/e2e/generate-durability.spec.ts.)
import { count, fill, role, valueOf, waitUntil } from '../../scripts/firefox-ui';
import { expect, test } from './harness';
import { SANDBOX_CLIENT_ID, SANDBOX_SECRET } from './journeys';

test('ten views generating at once share one token call and all land in history', { timeout: 180_000 }, async ({ firefox, sandbox, ext }) => {
  const { id } = await ext.value<{ id: string }>('ui-bg-environment-save', { name: 'Local sandbox', baseUrl: sandbox.url });
  await ext.value('ui-bg-credentials-set', { environmentId: id, clientId: SANDBOX_CLIENT_ID, clientSecret: SANDBOX_SECRET });
  await ext.value('ui-bg-settings-save', { selectedEnvironmentId: id });
  // A slow token call, so every view's generate is waiting for it at once.
  sandbox.handler.configure({ faults: ['token:delay=300'] });

  // The popup, the sidebar page and eight tabs with the popup page.
  const views = [await ext.openPopup(), await ext.openPopup({ view: 'sidepanel' })];
  for (let tab = 0; tab < 8; tab++) views.push(await ext.openPopup());
  const titles = views.map((_, at) => `View ${at + 1}`);
  for (const [at, view] of views.entries()) {
    // Each view is looked at before it is read, as a person would; one not ready in time says what it shows.
    await view.bringToFront();
    await waitUntil(`view ${at + 1} to use the sandbox server`, async () => ((await valueOf(view, role('combobox', 'Environment'))) === id ? true : undefined)).catch(
      async (error: unknown) => {
        const shows = await view.evaluate(() => `${document.visibilityState}: ${document.body.innerText.slice(0, 200)}`).catch(String);
        throw new Error(`${String(error)}; the view shows ${shows}`);
      },
    );
    await fill(view, role('textbox', 'Title'), titles[at] ?? '');
  }
  // Every view clicks Generate at the same moment.
  const when = Date.now() + 1000;
  await Promise.all(
    views.map((view) =>
      view.evaluate((at: number) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Generate');
        setTimeout(() => button?.click(), at - Date.now());
      }, when),
    ),
  );
  for (const view of views) {
    await waitUntil('every view to show its QR', async () => ((await count(view, role('image', 'QR preview'))) === 1 ? true : undefined), { timeoutMs: 60_000 });
  }

  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 10 });
  const history = await ext.value<{ params: { title: string } }[]>('ui-bg-history-get');
  expect(history.map((item) => item.params.title).sort()).toEqual([...titles].sort());
  expect(firefox.errors).toEqual([]);
});
