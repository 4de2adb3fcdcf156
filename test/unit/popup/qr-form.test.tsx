// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PIM_ATTRIBUTES } from '../../../src/core/attributes';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { deferred } from '../ui/fake-messaging';
import { generateResult, params, settingsView } from '../ui/fixtures';
import { renderPopup } from './render-popup';

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } });
const attributeGroup = () => screen.getByRole('group', { name: 'Attributes' });
const checked = () =>
  within(attributeGroup())
    .getAllByRole('checkbox')
    .filter((box) => (box as HTMLInputElement).checked)
    .map((box) => box.parentElement?.textContent);

describe('QrForm initial values', () => {
  it('uses the stored draft first', async () => {
    await renderPopup({ draft: { title: 'Draft title', width: '300', height: '300', attributes: ['Mobile'], redirect: '2', description: 'd', keepSquare: true } });
    expect(input('Title').value).toBe('Draft title');
    expect(input('Width').value).toBe('300');
    expect(input('Redirect').value).toBe('2');
    expect(checked()).toEqual(['Mobile']);
  });

  it('falls back to the settings defaults', async () => {
    await renderPopup({ answers: { 'ui-bg-settings-get': settingsView({ defaults: { params: params({ title: 'From defaults', width: 500, height: 500 }), historySize: 5, keepHistory: true } }) } });
    expect(input('Title').value).toBe('From defaults');
    expect(input('Height').value).toBe('500');
  });

  it('falls back to DEFAULT_PARAMS when the settings cannot be read, and says why', async () => {
    await renderPopup({ answers: { 'ui-bg-settings-get': new Error('boom') } });
    expect(input('Title').value).toBe(DEFAULT_PARAMS.title);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('Something went wrong inside the extension.'));
  });
});

describe('QrForm fields', () => {
  it('labels one checkbox per attribute exactly as the API spells it', async () => {
    await renderPopup();
    for (const name of PIM_ATTRIBUTES) expect(within(attributeGroup()).getByRole('checkbox', { name })).toBeTruthy();
    expect(within(attributeGroup()).getAllByRole('checkbox')).toHaveLength(15);
    expect(within(attributeGroup()).queryByRole('checkbox', { name: 'BankAccountNumber' })).toBeNull();
  });

  it('selects all, clears, and applies presets', async () => {
    await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Select all' }));
    expect(checked()).toHaveLength(15);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(checked()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Login' }));
    expect(checked()).toEqual(['Email', 'Mobile']);
    fireEvent.click(screen.getByRole('button', { name: 'Payment' }));
    expect(checked()).toEqual(['Bankaccountnumber', 'BankIdentificationNumber', 'BankAccountHolderName']);
  });

  it('keeps width and height equal while Keep square is on, and apart when off', async () => {
    await renderPopup();
    expect((screen.getByRole('checkbox', { name: 'Keep square' }) as HTMLInputElement).checked).toBe(true);
    type('Width', '640');
    expect(input('Height').value).toBe('640');
    type('Height', '320');
    expect(input('Width').value).toBe('320');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep square' }));
    type('Width', '800');
    expect(input('Height').value).toBe('320');
  });

  it('saves the draft to storage on every change', async () => {
    const { ports } = await renderPopup();
    type('Title', 'Kept for later');
    await waitFor(() => expect(ports.saveDraft).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Kept for later' })));
  });
});

describe('QrForm validation', () => {
  it('shows no error before the field is touched', async () => {
    await renderPopup();
    type('Title', '');
    expect(input('Title').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText('Title is required.')).toBeNull();
  });

  it('shows a specific message under a touched invalid field, linked by aria-describedby', async () => {
    await renderPopup();
    type('Width', '50');
    fireEvent.blur(input('Width'));
    const message = await screen.findByText('Width must be from 100 to 2,000 (it is 50).');
    const width = input('Width');
    expect(width.getAttribute('aria-invalid')).toBe('true');
    expect(width.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('on submit shows every error, sends nothing, and focuses the first invalid field', async () => {
    const { messaging } = await renderPopup();
    type('Title', '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    type('Redirect', '0');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Title is required.')).toBeTruthy();
    expect(screen.getByText('Choose at least one attribute.')).toBeTruthy();
    expect(screen.getByText('Redirect must be a whole number of 1 or more.')).toBeTruthy();
    expect(attributeGroup().getAttribute('aria-invalid')).toBe('true');
    expect(messaging.sent('ui-bg-generate')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(input('Redirect')));
  });

  it('keeps what the user typed after a failed submit', async () => {
    await renderPopup();
    type('Title', 'x'.repeat(101));
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Title must be at most 100 characters (it has 101).')).toBeTruthy();
    expect(input('Title').value).toBe('x'.repeat(101));
  });
});

describe('Generate', () => {
  it('submits the form with Enter and sends the validated parameters', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
    type('Title', '  Sign in  ');
    fireEvent.submit(input('Title').form as HTMLFormElement);
    await waitFor(() => expect(messaging.sent('ui-bg-generate')).toHaveLength(1));
    expect(messaging.sent('ui-bg-generate')[0]).toEqual({
      requestId: 'request-1',
      environmentId: 'sandbox',
      params: { ...params(), title: 'Sign in' },
    });
  });

  it('is busy while waiting, and Cancel sends the request id and shows the cancelled state', async () => {
    const pending = deferred<ReturnType<typeof generateResult>>();
    const { messaging, container } = await renderPopup({
      answers: { 'ui-bg-generate': () => pending.promise, 'ui-bg-generate-cancel': { cancelled: true } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const generate = await screen.findByRole('button', { name: 'Generate' });
    await waitFor(() => expect(generate.getAttribute('aria-busy')).toBe('true'));
    expect(container.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    // Busy, it keeps the focus it had and does nothing when pressed again.
    expect(generate.getAttribute('aria-disabled')).toBe('true');
    expect((generate as HTMLButtonElement).disabled).toBe(false);
    generate.focus();
    fireEvent.click(generate);
    fireEvent.submit(container.querySelector('form') as HTMLFormElement);
    expect(document.activeElement).toBe(generate);
    expect(messaging.sent('ui-bg-generate')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(messaging.sent('ui-bg-generate-cancel')).toEqual([{ requestId: 'request-1' }]));
    expect(await screen.findByText(/Cancelled\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();

    pending.resolve(generateResult());
    await Promise.resolve();
    expect(screen.queryByRole('img', { name: 'QR preview' })).toBeNull();
  });

  it('shows the result when the answer arrives', async () => {
    await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const preview = await screen.findByRole('img', { name: 'QR preview' });
    expect(preview.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(screen.getByRole('button', { name: 'Generate' }).getAttribute('aria-disabled')).toBeNull();
  });
});
