// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { productionView, sandboxView, settingsView, stagingView } from '../ui/fixtures';
import { renderPopup } from './render-popup';

const select = () => screen.getByRole('combobox', { name: 'Environment' }) as HTMLSelectElement;
const names = () => Array.from(select().options).map((o) => o.textContent);

describe('the popup follows changes made elsewhere', () => {
  it('lists environments added, renamed and deleted in Options', async () => {
    const { messaging, ports } = await renderPopup();
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView, { ...stagingView, name: 'Acceptance' }];
    ports.changeStorage('settings');
    await waitFor(() => expect(names()).toEqual(['Sandbox', productionView.name, 'Acceptance']));
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView];
    ports.changeStorage('settings');
    await waitFor(() => expect(names()).toEqual(['Sandbox', productionView.name]));
    expect(screen.queryByText(/was deleted/)).toBeNull();
  });

  it('reads the environments again when a secret was saved or removed (its marker, never the secret)', async () => {
    const { messaging, ports } = await renderPopup();
    ports.changeStorage('secretsChanged');
    await waitFor(() => expect(messaging.sent('ui-bg-environments-list')).toHaveLength(2));
  });

  it('switches to the environment the worker selected when the one in use is deleted, and says so', async () => {
    const { messaging, ports } = await renderPopup({ answers: { 'ui-bg-settings-get': settingsView({ selectedEnvironmentId: 'custom-staging' }) } });
    expect(select().value).toBe('custom-staging');
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView];
    messaging.answers['ui-bg-settings-get'] = settingsView({ selectedEnvironmentId: 'sandbox' });
    ports.changeStorage('settings');
    expect((await screen.findByText('The environment “Staging” was deleted, so PiM QR now uses “Sandbox”.')).closest('[aria-live="polite"]')).toBeTruthy();
    expect(select().value).toBe('sandbox');
    expect(names()).not.toContain('Staging');
  });

  it('drops the error of an environment that was deleted: the new one starts without it', async () => {
    const { messaging, ports } = await renderPopup({
      answers: {
        'ui-bg-settings-get': settingsView({ selectedEnvironmentId: 'custom-staging' }),
        'ui-bg-generate': new PimError('timeout', { params: { seconds: 20 } }),
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('The API took too long to answer.')).toBeTruthy();
    messaging.answers['ui-bg-environments-list'] = [sandboxView, productionView];
    messaging.answers['ui-bg-settings-get'] = settingsView({ selectedEnvironmentId: 'sandbox' });
    ports.changeStorage('settings');
    await waitFor(() => expect(select().value).toBe('sandbox'));
    expect(screen.queryByText('The API took too long to answer.')).toBeNull();
  });

  it('follows the selection another view made', async () => {
    const { messaging, ports } = await renderPopup();
    messaging.answers['ui-bg-settings-get'] = settingsView({ selectedEnvironmentId: 'production' });
    ports.changeStorage('settings');
    await waitFor(() => expect(select().value).toBe('production'));
    expect(screen.queryByText(/was deleted/)).toBeNull();
  });

  it('puts new defaults in a form nobody edited', async () => {
    const { messaging, ports } = await renderPopup();
    const defaults = { params: { ...DEFAULT_PARAMS, title: 'New default title', width: 400, height: 400 }, historySize: 20, keepHistory: true };
    messaging.answers['ui-bg-settings-get'] = settingsView({ defaults });
    ports.changeStorage('settings');
    await waitFor(() => expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('New default title'));
    expect((screen.getByLabelText('Width') as HTMLInputElement).value).toBe('400');
  });

  it('keeps no draft of a form that only followed new defaults, so the next view starts from the defaults of then', async () => {
    const { messaging, ports } = await renderPopup();
    messaging.answers['ui-bg-settings-get'] = settingsView({ defaults: { params: { ...DEFAULT_PARAMS, title: 'Title B' }, historySize: 20, keepHistory: true } });
    ports.changeStorage('settings');
    await waitFor(() => expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Title B'));
    await waitFor(() => expect(ports.saveDraft).toHaveBeenCalled());
    expect(ports.saveDraft.mock.calls.at(-1)).toEqual([undefined]);
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Mine' } });
    await waitFor(() => expect(ports.saveDraft.mock.calls.at(-1)?.[0]).toMatchObject({ title: 'Mine' }));
  });

  it('leaves an edited form alone when the defaults change', async () => {
    const { messaging, ports } = await renderPopup();
    fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'Mine' } });
    messaging.answers['ui-bg-settings-get'] = settingsView({ defaults: { params: { ...DEFAULT_PARAMS, title: 'New default title' }, historySize: 20, keepHistory: true } });
    ports.changeStorage('settings');
    await waitFor(() => expect(messaging.sent('ui-bg-settings-get')).toHaveLength(2));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Mine');
  });

  it('reads the remembered placements again when they change (a resize in the page)', async () => {
    const { messaging, ports } = await renderPopup();
    ports.changeStorage('placements');
    await waitFor(() => expect(messaging.sent('ui-bg-placements-list')).toHaveLength(2));
  });

  it('keeps its own draft: another view’s draft changing asks for nothing', async () => {
    const { messaging, ports } = await renderPopup();
    const before = messaging.calls.length;
    ports.changeStorage('draft', 'draft:sidepanel', 'token:sandbox');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(messaging.calls.length).toBe(before);
  });
});
