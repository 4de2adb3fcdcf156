// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Quota } from '../../../src/core/quota';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { generateResult } from '../ui/fixtures';
import { renderPopup } from './render-popup';

const HOUR = 3_600_000;

function quota(used: number, overrides: Partial<Quota> = {}): Quota {
  const now = Date.now();
  return { limit: 1000, used, interval: 1, unit: 'day', resetAt: now + HOUR, seenAt: now, ...overrides };
}

async function generateWith(figures: Quota | undefined, answers: Record<string, unknown> = {}) {
  const rendered = await renderPopup({ answers: { 'ui-bg-generate': { ...generateResult(), quota: figures }, ...answers } });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  await screen.findByRole('img', { name: 'QR preview' });
  await screen.findByRole('button', { name: 'Insert into page' });
  return rendered;
}

describe('the quota line of a result', () => {
  it('shows the figures, the period and when they reset, as plain facts', async () => {
    // A reset later today reads as a time; an hour from now may be tomorrow, which reads as a date.
    const noon = new Date();
    noon.setHours(12, 0, 0, 0);
    vi.useFakeTimers({ toFake: ['Date'], now: noon });
    onTestFinished(() => void vi.useRealTimers());
    await generateWith(quota(40));
    const line = await screen.findByText(/^Quota: 40 of 1,000 this day · resets \d{1,2}:\d{2}/);
    expect(line.closest('.alert')).toBeNull();
  });

  it('says the period of several units, and leaves out what KPN did not say', async () => {
    await generateWith({ limit: 60, used: 3, interval: 5, unit: 'minute', seenAt: Date.now() });
    expect(await screen.findByText('Quota: 3 of 60 per 5 minutes')).toBeTruthy();
  });

  it('warns from 90 % used', async () => {
    await generateWith(quota(900));
    const box = (await screen.findByText('Almost all of the quota is used.')).closest('.alert');
    expect(box?.classList.contains('alert-warning')).toBe(true);
    expect(within(box as HTMLElement).getByText(/^Quota: 900 of 1,000 this day/)).toBeTruthy();
  });

  it('says so like an error once the quota is used up', async () => {
    await generateWith(quota(1000));
    const box = (await screen.findByText('Quota used up: KPN refuses new QR codes until it resets.')).closest('.alert');
    expect(box?.classList.contains('alert-error')).toBe(true);
  });

  it('shows a per-minute limit used up as plain figures: a moment’s wait, not a quota used up', async () => {
    await generateWith({ limit: 60, used: 60, interval: 1, unit: 'minute', resetAt: Date.now() + 30_000, seenAt: Date.now() });
    const line = await screen.findByText(/^Quota: 60 of 60 this minute · resets /);
    expect(line.closest('.alert')).toBeNull();
    expect(screen.queryByText('Quota used up: KPN refuses new QR codes until it resets.')).toBeNull();
  });

  it('drops figures from before the QR that said nothing was left: the QR proves otherwise', async () => {
    const now = Date.now();
    const answers = { 'ui-bg-generate': { ...generateResult(), time: now }, 'ui-bg-quota-get': quota(1000, { seenAt: now - 60_000 }) };
    const { messaging, ports } = await renderPopup({ answers });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('img', { name: 'QR preview' });
    await waitFor(() => expect(messaging.sent('ui-bg-quota-get')).toContainEqual({ environmentId: 'sandbox' }));
    await screen.findByRole('button', { name: 'Insert into page' });
    expect(screen.queryByText(/^Quota/)).toBeNull();
    expect(screen.queryByText('Quota used up: KPN refuses new QR codes until it resets.')).toBeNull();

    // Figures that leave calls still show, however old.
    messaging.answers['ui-bg-quota-get'] = quota(400, { seenAt: now - 60_000 });
    ports.changeStorage('quota');
    expect(await screen.findByText(/^Quota: 400 of 1,000 this day/)).toBeTruthy();
  });

  it('counts from zero once the reset has passed', async () => {
    await generateWith(quota(1000, { resetAt: Date.now() - 1000, seenAt: Date.now() - 2000 }));
    expect(await screen.findByText('Quota: 0 of 1,000 this day')).toBeTruthy();
  });

  it('keeps KPN’s count when its reset was already due at the answer, and says the reset is due', async () => {
    await generateWith(quota(1000, { resetAt: Date.now() - 2 * 60_000, seenAt: Date.now() }));
    const box = (await screen.findByText('Quota: 1,000 of 1,000 this day · reset due')).closest('.alert');
    expect(box?.classList.contains('alert-error')).toBe(true);
  });

  it('shows nothing when no answer reported figures, and nothing of figures that are not believable', async () => {
    await generateWith({ limit: 10, used: 11, seenAt: Date.now() } as Quota);
    await waitFor(() => expect(screen.queryByText(/^Quota/)).toBeNull());
    expect(screen.queryByText(/quota/i)).toBeNull();
  });

  it('follows figures another view brought in: the worker is asked again when they change', async () => {
    const { messaging, ports } = await generateWith(quota(100));
    expect(await screen.findByText(/^Quota: 100 of 1,000/)).toBeTruthy();
    messaging.answers['ui-bg-quota-get'] = quota(950);
    ports.changeStorage('quota');
    expect(await screen.findByText('Almost all of the quota is used.')).toBeTruthy();
    expect(messaging.sent('ui-bg-quota-get')).toContainEqual({ environmentId: 'sandbox' });
  });
});

describe('the request log', () => {
  it('shows the figures an entry recorded, as text, and none that are not believable', async () => {
    const base = { method: 'POST', url: 'https://api-prd.kpn.com/kpn/qrcodegenerator/image', status: 200, durationMs: 9, requestHeaders: {} };
    const entries = [
      { ...base, id: 'a', time: Date.UTC(2025, 0, 2, 3, 5), quota: quota(940) },
      { ...base, id: 'b', time: Date.UTC(2025, 0, 2, 3, 4), quota: { limit: '<b>1</b>', used: 0, seenAt: 1 } },
    ] as unknown as RequestLogEntry[];
    await renderPopup({ answers: { 'ui-bg-log-get': entries } });
    fireEvent.click(screen.getByRole('button', { name: 'Request log' }));
    const region = screen.getByRole('region', { name: 'Request log' });
    expect(await within(region).findByText(/^HTTP 200 · 9 ms · quota 940 of 1,000 · /)).toBeTruthy();
    expect(within(region).getAllByText(/^HTTP 200 · 9 ms · /)).toHaveLength(2);
    expect(region.innerHTML).not.toContain('<b>');
  });
});
