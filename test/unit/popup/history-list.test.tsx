// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { generateResult, params } from '../ui/fixtures';
import { renderPopup } from './render-popup';

const older = generateResult({ id: 'h1', params: params({ title: 'Older code', width: 300, height: 200, attributes: ['Mobile'] }), environmentName: 'Staging' });
const hostile = generateResult({ id: 'h2', svg: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" onload="alert(1)"><path d="M0 0h1v1z"/></svg>' });

const openHistory = () => fireEvent.click(screen.getByRole('button', { name: 'History' }));

describe('HistoryList', () => {
  it('loads only when opened', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-history-get': [older] } });
    expect(messaging.sent('ui-bg-history-get')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'History' }).getAttribute('aria-expanded')).toBe('false');
    openHistory();
    const region = screen.getByRole('region', { name: 'History' });
    expect(await within(region).findByText('Older code')).toBeTruthy();
    expect(within(region).getByText(/300×200 px · Staging · /)).toBeTruthy();
    expect(messaging.sent('ui-bg-history-get')).toHaveLength(1);
  });

  it('says when there is nothing yet', async () => {
    await renderPopup({ answers: { 'ui-bg-history-get': [] } });
    openHistory();
    expect(await screen.findByText('No QR codes yet.')).toBeTruthy();
  });

  it('shows sanitized thumbnails', async () => {
    await renderPopup({ answers: { 'ui-bg-history-get': [hostile] } });
    openHistory();
    const region = screen.getByRole('region', { name: 'History' });
    await waitFor(() => expect(region.querySelector('img')).toBeTruthy());
    const src = region.querySelector('img')?.getAttribute('src') ?? '';
    expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(atob(src.split(',')[1] ?? '')).not.toContain('onload');
  });

  it('restores an entry’s parameters into the form and shows its result', async () => {
    await renderPopup({ answers: { 'ui-bg-history-get': [older] } });
    openHistory();
    fireEvent.click(await screen.findByRole('button', { name: /^Older code/ }));
    await waitFor(() => expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Older code'));
    expect((screen.getByLabelText('Width') as HTMLInputElement).value).toBe('300');
    expect((screen.getByLabelText('Height') as HTMLInputElement).value).toBe('200');
    expect((screen.getByRole('checkbox', { name: 'Keep square' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: 'Mobile' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Email' }) as HTMLInputElement).checked).toBe(false);
    expect(await screen.findByRole('img', { name: 'QR preview' })).toBeTruthy();
  });

  it('deletes one entry by its own button, named after the entry', async () => {
    const newer = generateResult({ id: 'h3', params: params({ title: 'Newer code' }) });
    const { messaging } = await renderPopup({ answers: { 'ui-bg-history-get': [newer, older], 'ui-bg-history-delete': [newer] } });
    openHistory();
    const region = screen.getByRole('region', { name: 'History' });
    await within(region).findByText('Older code');
    const deletes = within(region).getAllByRole('button', { name: /^Delete / });
    expect(new Set(deletes.map((button) => button.getAttribute('aria-label'))).size).toBe(2);
    fireEvent.click(within(region).getByRole('button', { name: /^Delete Older code, / }));
    await waitFor(() => expect(within(region).queryByText('Older code')).toBeNull());
    expect(within(region).getByText('Newer code')).toBeTruthy();
    expect(messaging.sent('ui-bg-history-delete')).toEqual([{ id: 'h1' }]);
  });

  it('clears the history', async () => {
    const { messaging } = await renderPopup({ answers: { 'ui-bg-history-get': [older], 'ui-bg-history-clear': [] } });
    openHistory();
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history' }));
    expect(await screen.findByText('No QR codes yet.')).toBeTruthy();
    expect(messaging.sent('ui-bg-history-clear')).toHaveLength(1);
  });

  it('follows changes made anywhere while it is open, from empty on; a closed one waits to be opened', async () => {
    const { messaging, ports } = await renderPopup({ answers: { 'ui-bg-history-get': [] } });
    ports.changeStorage('history');
    expect(messaging.sent('ui-bg-history-get')).toHaveLength(0);
    openHistory();
    await screen.findByText('No QR codes yet.');
    messaging.answers['ui-bg-history-get'] = [older];
    // Another view's generate: its entry and the index change together; drafts and tokens are no history.
    ports.changeStorage('draft:sidepanel', 'token:sandbox');
    ports.changeStorage('history', 'history:older');
    await screen.findByText('Older code');
    expect(screen.queryByText('No QR codes yet.')).toBeNull();
    expect(messaging.sent('ui-bg-history-get')).toHaveLength(2);
  });

  it('shows a load failure in an alert', async () => {
    await renderPopup({ answers: { 'ui-bg-history-get': new Error('storage broke') } });
    openHistory();
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
