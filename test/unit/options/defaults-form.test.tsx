// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { params, settingsView } from '../ui/fixtures';
import { renderOptions } from './render-options';

const defaultsForm = () => screen.getByRole('form', { name: 'Defaults' });
const field = (label: string) => within(defaultsForm()).getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(field(label), { target: { value } });

describe('DefaultsForm', () => {
  it('starts with the stored defaults', async () => {
    await renderOptions({ answers: { 'ui-bg-settings-get': settingsView({ defaults: { params: params({ title: 'Stored', width: 250, height: 250 }), historySize: 7, keepHistory: true } }) } });
    expect(field('Title').value).toBe('Stored');
    expect(field('Width').value).toBe('250');
    expect(field('History size').value).toBe('7');
    expect(within(defaultsForm()).getByRole('group', { name: 'Attributes' })).toBeTruthy();
  });

  it('saves the parameters and history size through ui-bg-settings-save', async () => {
    const { messaging } = await renderOptions({
      answers: { 'ui-bg-settings-save': (payload) => settingsView({ defaults: { ...settingsView().defaults, ...payload.defaults } }) },
    });
    type('Title', 'Pay with PiM');
    fireEvent.click(within(defaultsForm()).getByRole('button', { name: 'Payment' }));
    type('Width', '600');
    type('History size', '50');
    fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
    await waitFor(() => expect(messaging.sent('ui-bg-settings-save')).toHaveLength(1));
    expect(messaging.sent('ui-bg-settings-save')[0]).toEqual({
      defaults: {
        params: params({ title: 'Pay with PiM', attributes: ['Bankaccountnumber', 'BankAccountHolderName', 'BankIdentificationNumber'], width: 600, height: 600 }),
        historySize: 50,
        keepHistory: true,
      },
    });
    expect(await screen.findByText('Defaults saved.')).toBeTruthy();
  });

  it('switches history off with the defaults, and clears history on its own button', async () => {
    const { messaging } = await renderOptions({
      answers: {
        'ui-bg-settings-save': (payload) => settingsView({ defaults: { ...settingsView().defaults, ...payload.defaults } }),
        'ui-bg-history-clear': [],
      },
    });
    const keep = within(defaultsForm()).getByRole('checkbox', { name: 'Keep history' }) as HTMLInputElement;
    expect(keep.checked).toBe(true);
    fireEvent.click(keep);
    fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
    await waitFor(() => expect(messaging.sent('ui-bg-settings-save')).toHaveLength(1));
    expect(messaging.sent('ui-bg-settings-save')[0]?.defaults?.keepHistory).toBe(false);
    await waitFor(() => expect(keep.checked).toBe(false));
    fireEvent.click(within(defaultsForm()).getByRole('button', { name: 'Clear history' }));
    expect(await screen.findByText('History cleared.')).toBeTruthy();
    expect(messaging.sent('ui-bg-history-clear')).toHaveLength(1);
  });

  it.each(['0', '51', '2.5', ''])('refuses history size %j', async (size) => {
    const { messaging } = await renderOptions();
    type('History size', size);
    fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
    expect(await screen.findByText('History size must be a whole number from 1 to 50.')).toBeTruthy();
    expect(field('History size').getAttribute('aria-invalid')).toBe('true');
    expect(messaging.sent('ui-bg-settings-save')).toEqual([]);
  });

  it('refuses invalid parameters before sending', async () => {
    const { messaging } = await renderOptions();
    type('Height', '5000');
    fireEvent.click(within(defaultsForm()).getByRole('checkbox', { name: 'Keep square' }));
    type('Height', '5000');
    fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
    expect(await screen.findByText('Height must be from 100 to 2,000 (it is 5,000).')).toBeTruthy();
    expect(messaging.sent('ui-bg-settings-save')).toEqual([]);
  });

  it('shows the background’s refusal and its field errors, keeping the values', async () => {
    await renderOptions({
      answers: {
        'ui-bg-settings-save': new PimError('invalid-parameters', {
          fieldErrors: { description: { code: 'control-characters', field: 'description' } },
        }),
      },
    });
    type('Description', 'Odd text');
    fireEvent.click(screen.getByRole('button', { name: 'Save defaults' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Some QR settings are not valid.')).toBeTruthy();
    expect(await screen.findByText('Description must not contain control characters.')).toBeTruthy();
    expect(field('Description').value).toBe('Odd text');
  });
});

describe('Options page load', () => {
  it('says when the background cannot be reached', async () => {
    await renderOptions({ answers: { 'ui-bg-environments-list': new PimError('background-silent') } });
    expect(screen.getByRole('alert').textContent).toContain('The extension’s background did not answer.');
  });
});
