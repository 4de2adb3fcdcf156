// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { curlCommands } from '../../../src/core/curl';
import { CALLS } from './copyable-calls';
import { renderPopup } from './render-popup';

const entries: RequestLogEntry[] = [
  {
    id: 'log-3',
    time: Date.UTC(2025, 0, 2, 3, 5),
    method: 'POST',
    url: 'https://api-prd.kpn.com/kpn/qrcodegenerator/image',
    status: 401,
    durationMs: 12,
    requestHeaders: {},
    errorKind: 'forbidden',
    errorCode: 'token-rejected',
  },
  {
    id: 'log-2',
    time: Date.UTC(2025, 0, 2, 3, 4),
    environment: 'production',
    method: 'POST',
    url: 'https://api-prd.kpn.com/kpn/qrcodegenerator/image',
    status: 401,
    durationMs: 210.6,
    requestHeaders: { Authorization: 'Bearer $TOKEN' },
    errorKind: 'credentials-rejected',
  },
  {
    id: 'log-1',
    time: Date.UTC(2025, 0, 2, 3, 3),
    method: 'POST',
    url: 'https://api-prd.kpn.com/oauth/client_credential/accesstoken?grant_type=client_credentials',
    durationMs: 5000,
    requestHeaders: {},
    errorKind: 'timeout',
  },
];

const openLog = () => fireEvent.click(screen.getByRole('button', { name: 'Request log' }));

describe('RequestLog', () => {
  it('lists method, path, status, duration and error kind', async () => {
    await renderPopup({ answers: { 'ui-bg-log-get': entries } });
    openLog();
    const region = screen.getByRole('region', { name: 'Request log' });
    expect(await within(region).findAllByText('/kpn/qrcodegenerator/image')).toHaveLength(2);
    expect(within(region).getByText(/HTTP 401 · 211 ms · KPN rejected the client credentials\. · /)).toBeTruthy();
    expect(within(region).getByText('/oauth/client_credential/accesstoken')).toBeTruthy();
    expect(within(region).getByText(/no answer · 5,000 ms · The API took too long to answer\. · /)).toBeTruthy();
  });

  it('words a failure as the alert did, by its code; a code it cannot read falls back to the kind', async () => {
    const unreadable = { ...entries[0], id: 'log-4', errorCode: 'made-up' } as unknown as RequestLogEntry;
    await renderPopup({ answers: { 'ui-bg-log-get': [entries[0] as RequestLogEntry, unreadable] } });
    openLog();
    const region = screen.getByRole('region', { name: 'Request log' });
    expect(await within(region).findByText(/HTTP 401 · 12 ms · KPN rejected the access token\. · /)).toBeTruthy();
    expect(within(region).getByText(/HTTP 401 · 12 ms · KPN refused access to the PiM ID API\. · /)).toBeTruthy();
  });

  it('copies one entry as cURL', async () => {
    const { messaging, ports } = await renderPopup({ answers: { 'ui-bg-log-get': entries, 'ui-bg-calls-get': CALLS } });
    openLog();
    const region = screen.getByRole('region', { name: 'Request log' });
    const buttons = await within(region).findAllByRole('button', { name: /^Copy as cURL: / });
    fireEvent.click(buttons[2] as HTMLElement);
    await waitFor(() => expect(ports.copyText).toHaveBeenCalledWith(curlCommands(CALLS)));
    expect(messaging.sent('ui-bg-calls-get')).toEqual([{ logEntryId: 'log-1' }]);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Copied');
  });

  it('copies one entry as code in the language chosen above the list; each button says which', async () => {
    const { messaging, ports } = await renderPopup({ answers: { 'ui-bg-log-get': entries, 'ui-bg-calls-get': CALLS } });
    openLog();
    const region = screen.getByRole('region', { name: 'Request log' });
    fireEvent.change(await within(region).findByRole('combobox', { name: 'Code language' }), { target: { value: 'java' } });
    const buttons = within(region).getAllByRole('button', { name: /^Copy as code, Java \(HttpClient\): POST / });
    expect(buttons).toHaveLength(within(region).getAllByRole('button', { name: /^Copy as cURL: POST / }).length);
    fireEvent.click(buttons[0] as HTMLElement);
    await waitFor(() => expect(ports.copyText).toHaveBeenCalledOnce());
    expect(ports.copyText.mock.calls[0]?.[0]).toContain('System.getenv("KPN_CLIENT_SECRET")');
    expect(messaging.sent('ui-bg-calls-get')).toEqual([{ logEntryId: 'log-3', program: true }]);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Copied as Java (HttpClient): the token call and the image call.');
  });

  it('names each Copy button after its call and time to the second, every name its own', async () => {
    const twin = { ...entries[0], id: 'log-0' } as RequestLogEntry;
    await renderPopup({ answers: { 'ui-bg-log-get': [twin, ...entries] } });
    openLog();
    const region = screen.getByRole('region', { name: 'Request log' });
    const names = (await within(region).findAllByRole('button', { name: /^Copy as cURL: / })).map((b) => b.getAttribute('aria-label'));
    // The clock is the machine's time zone's; the seconds are what tells calls of one minute apart.
    const clock = (minute: number) => new Intl.DateTimeFormat('en', { timeStyle: 'medium' }).format(Date.UTC(2025, 0, 2, 3, minute));
    expect(clock(5)).toMatch(/:\d\d:00\b/);
    expect(names).toEqual([
      `Copy as cURL: POST /kpn/qrcodegenerator/image at ${clock(5)}`,
      `Copy as cURL: POST /kpn/qrcodegenerator/image at ${clock(5)} (2)`,
      `Copy as cURL: POST /kpn/qrcodegenerator/image at ${clock(4)}`,
      `Copy as cURL: POST /oauth/client_credential/accesstoken at ${clock(3)}`,
    ]);
  });

  it('clears the log', async () => {
    await renderPopup({ answers: { 'ui-bg-log-get': entries, 'ui-bg-log-clear': [] } });
    openLog();
    fireEvent.click(await screen.findByRole('button', { name: 'Clear log' }));
    expect(await screen.findByText('No requests yet.')).toBeTruthy();
  });

  it('leaves “No requests yet.” as soon as a request is logged anywhere', async () => {
    const { messaging, ports } = await renderPopup({ answers: { 'ui-bg-log-get': [] } });
    openLog();
    await screen.findByText('No requests yet.');
    messaging.answers['ui-bg-log-get'] = entries;
    ports.changeStorage('requestLog');
    await screen.findAllByText('/kpn/qrcodegenerator/image');
    expect(screen.queryByText('No requests yet.')).toBeNull();
  });
});
