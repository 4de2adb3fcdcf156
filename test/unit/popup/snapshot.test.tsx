// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { App } from '../../../src/popup/App';
import { parseSnapshot, type PopupSnapshot, snapshotOf } from '../../../src/popup/snapshot';
import { createPopupStore, PopupStoreContext } from '../../../src/popup/store';
import type { EnvironmentView, SettingsView } from '../../../src/shared/messages';
import { draftFromParams } from '../../../src/ui/qr-form-state';
import { deferred, fakeMessaging } from '../ui/fake-messaging';
import { environmentList, generateResult, params, productionView, sandboxView, settingsView, stagingView } from '../ui/fixtures';
import { fakePorts } from './render-popup';

afterEach(cleanup);

const defaults = draftFromParams(DEFAULT_PARAMS);
const snapshot = (overrides: Partial<PopupSnapshot> = {}): PopupSnapshot => ({
  ...snapshotOf(settingsView({ selectedEnvironmentId: 'custom-staging' }), environmentList(), defaults),
  ...overrides,
});
/** An environment a browser policy sets. */
const teamView: EnvironmentView = { ...stagingView, id: 'managed-Team', name: 'Team', managed: true };
const select = () => screen.getByRole('combobox', { name: 'Environment' }) as HTMLSelectElement;
const names = () => Array.from(select().options).map((o) => o.textContent);

/** The popup over a snapshot, with the worker's first answers held until the test lets them go. */
function openWithSlowWorker(stored: unknown, firstPaint?: { settings: SettingsView; environments: EnvironmentView[] }) {
  const settings = deferred<SettingsView>();
  const list = deferred<EnvironmentView[]>();
  const messaging = fakeMessaging({
    // Unanswered unless given: the worker's answer without the browser policy.
    'ui-bg-first-paint': () => (firstPaint ? Promise.resolve(firstPaint) : new Promise(() => undefined)),
    'ui-bg-settings-get': () => settings.promise,
    'ui-bg-environments-list': () => list.promise,
    'ui-bg-placements-list': { origin: '', page: '', placements: [], lastPick: null },
    'ui-bg-quota-get': null,
    'ui-bg-generate': generateResult(),
    'ui-bg-settings-save': (payload) => settingsView({ selectedEnvironmentId: payload.selectedEnvironmentId ?? 'sandbox' }),
  });
  const ports = fakePorts(undefined, {}, stored);
  const store = createPopupStore({ send: messaging.send, ports, page: { view: 'popup' } });
  render(
    <PopupStoreContext.Provider value={store}>
      <App />
    </PopupStoreContext.Provider>,
  );
  const init = store.init();
  const answer = async (s: SettingsView, l: EnvironmentView[]) => {
    settings.resolve(s);
    list.resolve(l);
    await init;
  };
  return { messaging, ports, answer };
}

describe('the popup snapshot', () => {
  it('keeps only what the form shows: no client ID, no part of a secret, no address', () => {
    const kept = JSON.stringify(snapshotOf(settingsView(), environmentList(), defaults));
    for (const view of environmentList()) {
      expect(kept).not.toContain(view.clientId);
      expect(kept).not.toContain(view.baseUrl);
    }
    expect(kept).not.toContain(productionView.secretHint);
    expect(kept).not.toMatch(/secret|clientId/);
  });

  it('reads back only a well-formed snapshot whose selected environment is in it', () => {
    expect(parseSnapshot(snapshot(), defaults)).toEqual(snapshot());
    expect(parseSnapshot(undefined, defaults)).toBeUndefined();
    expect(parseSnapshot(snapshot({ selectedEnvironmentId: 'gone' }), defaults)).toBeUndefined();
    expect(parseSnapshot({ ...snapshot(), environments: [{ id: 'x', name: 'X', kind: 'other', needsPermission: false, confirmFirstCall: false }] }, defaults)).toBeUndefined();
    expect(parseSnapshot({ ...snapshot(), defaults: 'nope' }, defaults)).toBeUndefined();
    const withSecret = { ...snapshot(), environments: [{ ...stagingView, secretHint: 'ab12' }] };
    expect(JSON.stringify(parseSnapshot(withSecret, defaults))).not.toContain('ab12');
  });

  it('paints the form from the snapshot before the worker answers', async () => {
    const { answer } = openWithSlowWorker(snapshot({ defaults: { ...defaults, title: 'From the snapshot' } }));
    expect(await screen.findByRole('button', { name: 'Generate' })).toBeTruthy();
    expect(select().value).toBe('custom-staging');
    expect((screen.getByLabelText('Title', { exact: true }) as HTMLInputElement).value).toBe('From the snapshot');
    await answer(settingsView({ selectedEnvironmentId: 'custom-staging' }), environmentList());
  });

  it('keeps the worker’s answer as the next snapshot, without secrets', async () => {
    const { answer, ports } = openWithSlowWorker(undefined);
    await answer(settingsView(), environmentList());
    await waitFor(() => expect(ports.saveSnapshot).toHaveBeenCalled());
    const kept = ports.saveSnapshot.mock.calls.at(-1)?.[0];
    expect(kept).toEqual(snapshotOf(settingsView(), environmentList(), defaults));
    expect(JSON.stringify(kept)).not.toContain(productionView.clientId);
  });

  it('no longer offers an environment deleted since the snapshot, and says which one it uses now', async () => {
    const { answer } = openWithSlowWorker(snapshot());
    await screen.findByRole('button', { name: 'Generate' });
    await answer(settingsView({ selectedEnvironmentId: 'sandbox' }), [sandboxView, productionView]);
    await waitFor(() => expect(select().value).toBe('sandbox'));
    expect(names()).not.toContain('Staging');
    expect(await screen.findByText('The environment “Staging” was deleted, so PiM QR now uses “Sandbox”.')).toBeTruthy();
  });

  it('holds a Generate for a policy environment made before the worker answered, and runs it on the settings it answered', async () => {
    // A policy may have changed while the browser was closed: nothing dropped the snapshot then.
    const { answer, messaging } = openWithSlowWorker(snapshot({ selectedEnvironmentId: teamView.id, environments: [sandboxView, productionView, teamView] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Generate' }));
    expect(messaging.sent('ui-bg-generate')).toEqual([]);
    const newDefaults = params({ title: 'New default' });
    await answer(settingsView({ selectedEnvironmentId: 'sandbox', defaults: { params: newDefaults, historySize: 20, keepHistory: true } }), [sandboxView, productionView]);
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(1));
    expect(messaging.sent('ui-bg-generate')[0]).toMatchObject({ environmentId: 'sandbox', params: newDefaults });
  });

  it('keeps an environment picked before the worker answered, and generates with it', async () => {
    const { answer, messaging } = openWithSlowWorker(snapshot());
    await screen.findByRole('button', { name: 'Generate' });
    fireEvent.change(select(), { target: { value: 'sandbox' } });
    await waitFor(() => expect(messaging.sent('ui-bg-settings-save')).toEqual([{ selectedEnvironmentId: 'sandbox' }]));
    // The answer was asked for before the pick, so it still names the old selection.
    await answer(settingsView({ selectedEnvironmentId: 'custom-staging' }), environmentList());
    expect(select().value).toBe('sandbox');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(1));
    expect(messaging.sent('ui-bg-generate')[0]).toMatchObject({ environmentId: 'sandbox' });
  });

  it('uses the worker’s selection when the environment picked before its answer was deleted meanwhile', async () => {
    const { answer } = openWithSlowWorker(snapshot());
    await screen.findByRole('button', { name: 'Generate' });
    fireEvent.change(select(), { target: { value: 'production' } });
    await answer(settingsView({ selectedEnvironmentId: 'sandbox' }), [sandboxView, stagingView]);
    await waitFor(() => expect(select().value).toBe('sandbox'));
  });

  it('sends a Generate for any other environment at once, on what the form shows, and then takes the worker’s answers', async () => {
    const { answer, messaging } = openWithSlowWorker(snapshot({ defaults: { ...defaults, title: 'From the snapshot' } }));
    fireEvent.click(await screen.findByRole('button', { name: 'Generate' }));
    expect(messaging.sent('ui-bg-generate')).toHaveLength(1);
    expect(messaging.sent('ui-bg-generate')[0]).toMatchObject({ environmentId: 'custom-staging', params: { title: 'From the snapshot' } });
    await answer(settingsView({ selectedEnvironmentId: 'custom-staging' }), environmentList());
    expect(messaging.sent('ui-bg-generate')).toHaveLength(1);
  });

  it('asks first, as the snapshot says, for an environment that asks before the worker answered', async () => {
    const { answer, messaging } = openWithSlowWorker(snapshot({ selectedEnvironmentId: 'production' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Generate' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Create a real code with Production?' })).getByRole('button', { name: 'Create code' }));
    expect(messaging.sent('ui-bg-generate')).toEqual([expect.objectContaining({ environmentId: 'production' })]);
    await answer(settingsView({ selectedEnvironmentId: 'production' }), environmentList());
    expect(messaging.sent('ui-bg-generate')).toHaveLength(1);
  });
});

describe('a popup painted before the worker answered', () => {
  it('keeps what is typed and follows other views from the first paint on', async () => {
    const { ports, answer } = openWithSlowWorker(snapshot());
    const title = (await screen.findByLabelText('Title', { exact: true })) as HTMLInputElement;
    expect(ports.watchStorage).toHaveBeenCalledOnce();
    fireEvent.input(title, { target: { value: 'Typed before the answers' } });
    await waitFor(() => expect(ports.saveDraft).toHaveBeenCalledWith(expect.objectContaining({ title: 'Typed before the answers' })));
    await answer(settingsView({ selectedEnvironmentId: 'custom-staging' }), environmentList());
    expect(title.value).toBe('Typed before the answers');
    expect(ports.watchStorage).toHaveBeenCalledOnce();
  });
});

describe('a popup with no snapshot', () => {
  it('paints what the worker has without the browser policy, then adds the policy’s environments', async () => {
    const local = { settings: settingsView({ selectedEnvironmentId: 'custom-staging' }), environments: environmentList() };
    const { answer, messaging } = openWithSlowWorker(undefined, local);
    expect(await screen.findByRole('button', { name: 'Generate' })).toBeTruthy();
    expect(select().value).toBe('custom-staging');
    expect(names().some((name) => name?.startsWith('Team'))).toBe(false);
    expect(messaging.sent('ui-bg-first-paint')).toEqual([undefined]);
    await answer(settingsView({ selectedEnvironmentId: 'custom-staging' }), [...environmentList(), teamView]);
    await waitFor(() => expect(names().some((name) => name?.startsWith('Team'))).toBe(true));
    expect(select().value).toBe('custom-staging');
  });

  it('waits for the policy when the environment in use is one of the policy’s', async () => {
    const local = { settings: settingsView({ selectedEnvironmentId: 'managed-Team' }), environments: environmentList() };
    const { answer } = openWithSlowWorker(undefined, local);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Generate' })).toBeNull();
    await answer(settingsView({ selectedEnvironmentId: 'managed-Team' }), [...environmentList(), teamView]);
    expect(await screen.findByRole('button', { name: 'Generate' })).toBeTruthy();
    expect(select().value).toBe('managed-Team');
  });

  it('does not ask for it when there is a snapshot', async () => {
    const { messaging } = openWithSlowWorker(snapshot());
    expect(await screen.findByRole('button', { name: 'Generate' })).toBeTruthy();
    expect(messaging.sent('ui-bg-first-paint')).toEqual([]);
  });
});
