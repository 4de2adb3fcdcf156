// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { environmentList, productionView, settingsView, stagingView } from '../ui/fixtures';
import { renderPopup } from './render-popup';

const select = () => screen.getByRole('combobox', { name: 'Environment' }) as HTMLSelectElement;

describe('EnvironmentPicker', () => {
  it('lists Sandbox, production and each custom environment by name', async () => {
    await renderPopup();
    const names = Array.from(select().options).map((o) => o.textContent);
    expect(names).toEqual(['Sandbox', productionView.name, 'Staging']);
    expect(select().value).toBe('sandbox');
    expect(screen.getByText('SANDBOX')).toBeTruthy();
  });

  it('starts on the saved selection', async () => {
    await renderPopup({ answers: { 'ui-bg-settings-get': settingsView({ selectedEnvironmentId: 'custom-staging' }) } });
    expect(select().value).toBe('custom-staging');
    expect(screen.getByText('CUSTOM')).toBeTruthy();
  });

  it('marks production with a red PRODUCTION badge and a danger Generate button', async () => {
    await renderPopup();
    fireEvent.change(select(), { target: { value: 'production' } });
    const badge = await screen.findByText('PRODUCTION');
    expect(badge.className).toContain('badge-production');
    expect(screen.getByRole('button', { name: 'Generate' }).className).toContain('btn-danger');
    expect(screen.queryByText('SANDBOX')).toBeNull();
  });

  it('saves the selection through ui-bg-settings-save and generates against it', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-generate': new Error('stop here') } });
    fireEvent.change(select(), { target: { value: 'custom-staging' } });
    await waitFor(() => expect(messaging.sent('ui-bg-settings-save')).toEqual([{ selectedEnvironmentId: 'custom-staging' }]));
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(messaging.sent('ui-bg-generate')[0]?.environmentId).toBe('custom-staging'));
  });

  it('warns when a custom environment still needs the host permission, and offers Options', async () => {
    const { ports } = await renderPopup({
      answers: {
        'ui-bg-environments-list': [...environmentList().slice(0, 2), { ...stagingView, needsPermission: true }],
        'ui-bg-settings-get': settingsView({ selectedEnvironmentId: 'custom-staging' }),
      },
    });
    expect(screen.getByText(/has not allowed access/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(ports.openOptionsPage).toHaveBeenCalledOnce();
  });

  it('shows the settings notice once given', async () => {
    await renderPopup({ answers: { 'ui-bg-settings-get': settingsView({ notice: { code: 'settings-unreadable' } }) } });
    expect(await screen.findByText('Your saved settings could not be read and were reset to the defaults.')).toBeTruthy();
  });

  it('lists what was dropped from the settings, in the reader’s words', async () => {
    const notice = { code: 'settings-dropped', dropped: [{ environment: 'Staging' }, { environment: '' }, { formDefaults: true }] } as const;
    await renderPopup({ answers: { 'ui-bg-settings-get': settingsView({ notice: { ...notice, dropped: [...notice.dropped] } }) } });
    expect(
      await screen.findByText('Some saved settings could not be read and were removed: environment “Staging”, an environment without a name, and the form defaults.'),
    ).toBeTruthy();
  });
});

describe('Header buttons', () => {
  it('opens the side panel from the popup when the browser has one', async () => {
    const openSidePanel = vi.fn(async () => undefined);
    await renderPopup({ ports: { openSidePanel } });
    fireEvent.click(screen.getByRole('button', { name: 'Open in side panel' }));
    expect(openSidePanel).toHaveBeenCalledOnce();
  });

  it('hides "Open in side panel" where there is no side panel API (Firefox)', async () => {
    await renderPopup();
    expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
  });

  it('hides "Open in side panel" inside the side panel', async () => {
    await renderPopup({ page: { view: 'sidepanel' }, ports: { openSidePanel: vi.fn(async () => undefined) } });
    expect(screen.queryByRole('button', { name: 'Open in side panel' })).toBeNull();
  });

  it('opens the options page', async () => {
    const { ports } = await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(ports.openOptionsPage).toHaveBeenCalledOnce();
  });
});
