// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { enMessage } from '../setup-i18n';
import { generateResult, settingsView } from '../ui/fixtures';
import { renderPopup } from './render-popup';

const title = () => screen.getByLabelText('Title');

describe('Generate from the keyboard', () => {
  it('runs on Ctrl+Enter and on ⌘+Enter anywhere in the form, and names the shortcut beside the button', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
    expect(screen.getByRole('button', { name: 'Generate' }).getAttribute('aria-describedby')).toBe('generate-shortcut');
    expect(document.getElementById('generate-shortcut')?.textContent).toBe('Shortcut: Ctrl+Enter');
    fireEvent.keyDown(title(), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(1));
    await screen.findByRole('region', { name: 'Result' });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Email' }), { key: 'Enter', metaKey: true });
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(2));
  });

  it('leaves plain Enter outside a text field, and Ctrl with another key, alone', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Email' }), { key: 'Enter' });
    fireEvent.keyDown(title(), { key: 'a', ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messaging.sent('ui-bg-generate')).toEqual([]);
  });

  it('takes focus to the result after a Generate started here, and to the error after a failed one', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const result = await screen.findByRole('region', { name: 'Result' });
    await waitFor(() => expect(document.activeElement).toBe(result));
    expect(result.tabIndex).toBe(-1);

    title().focus();
    messaging.answers['ui-bg-generate'] = new PimError('server-error');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('alert'));
    expect(document.activeElement?.textContent).toContain(enMessage('errKind_server_error'));
  });

  it('does not move focus for a result shown from history', async () => {
    const { store } = await renderPopup();
    title().focus();
    store.restore(generateResult());
    await screen.findByRole('region', { name: 'Result' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.activeElement).toBe(title());
  });
});

describe('Confirm before the first call of a popup session', () => {
  const production = () => renderPopup({
    answers: { 'ui-bg-settings-get': settingsView({ selectedEnvironmentId: 'production' }), 'ui-bg-generate': generateResult() },
  });

  it('asks once, naming the environment; Cancel sends nothing, and after a yes the session does not ask again', async () => {
    const { messaging } = await production();
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a real code with Production?' });
    expect(dialog.textContent).toContain('Generate now calls Production and creates a real PiM ID QR code.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(messaging.sent('ui-bg-generate')).toEqual([]);

    fireEvent.keyDown(title(), { key: 'Enter', ctrlKey: true });
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Create code' }));
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(1));
    expect(messaging.sent('ui-bg-generate')[0]?.environmentId).toBe('production');

    await screen.findByRole('region', { name: 'Result' });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(2));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does not ask for an environment that is set not to, nor for an invalid form', async () => {
    const { messaging, store } = await production();
    fireEvent.input(title(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.input(title(), { target: { value: 'Log in' } });
    await store.selectEnvironment('sandbox');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
