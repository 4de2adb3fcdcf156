// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { generateResult } from '../ui/fixtures';
import { renderPopup } from './render-popup';

async function resultThenFailure() {
  const rendered = await renderPopup({ answers: { 'ui-bg-generate': generateResult() } });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  await screen.findByRole('region', { name: 'Result' });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('QR code ready.'));
  rendered.messaging.answers['ui-bg-generate'] = new PimError('server-error', { status: 503 });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  await screen.findByRole('alert');
  return rendered;
}

describe('after a failed Generate', () => {
  it('shows the earlier QR as the previous result, with a note that its buttons use it', async () => {
    await resultThenFailure();
    const previous = screen.getByRole('region', { name: 'Previous result' });
    expect(previous.classList).toContain('result-previous');
    expect(within(previous).getByRole('heading', { name: 'Previous result' }).classList).not.toContain('visually-hidden');
    expect(previous.getAttribute('aria-describedby')).toBe('result-previous-note');
    expect(document.getElementById('result-previous-note')?.textContent).toBe('The last Generate failed. This is the QR from before; the buttons below use it.');
    expect(screen.queryByRole('region', { name: 'Result' })).toBeNull();
  });

  it('ends the success line, and keeps the live region in the page', async () => {
    await resultThenFailure();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('a good Generate after it makes the QR current again', async () => {
    const { messaging } = await resultThenFailure();
    messaging.answers['ui-bg-generate'] = generateResult();
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('region', { name: 'Result' });
    expect(screen.queryByRole('region', { name: 'Previous result' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

it('before the first QR the result column says where it will appear', async () => {
  await renderPopup();
  expect(screen.getByText('Your QR code appears here after Generate.')).toBeTruthy();
});
