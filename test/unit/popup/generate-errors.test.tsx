// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, PimError, type PimErrorKind } from '../../../src/core/errors';
import { fieldError } from '../../../src/core/param-errors';
import { generateResult } from '../ui/fixtures';
import { renderPopup } from './render-popup';

async function generateWith(error: Error) {
  const rendered = await renderPopup({ answers: { 'ui-bg-generate': error } });
  fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'My title' } });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  const alert = await screen.findByRole('alert');
  return { ...rendered, alert };
}

const OPTIONS_KINDS: PimErrorKind[] = ['not-configured', 'credentials-rejected', 'permission-denied'];
const OTHER_KINDS: PimErrorKind[] = ['forbidden', 'not-found', 'rate-limited', 'server-error', 'unexpected-status', 'network', 'timeout', 'unreadable-response', 'internal', 'invalid-parameters'];

describe('Generate errors', () => {
  it.each(OPTIONS_KINDS)('%s: message, hint and an "Open Options" button', async (kind) => {
    const { alert, ports } = await generateWith(new PimError(kind));
    expect(within(alert).getByText(ERROR_TEXT[kind].message)).toBeTruthy();
    expect(within(alert).getByText(ERROR_TEXT[kind].hint)).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Open Options' }));
    expect(ports.openOptionsPage).toHaveBeenCalledOnce();
  });

  it.each(OTHER_KINDS)('%s: message and hint, no Options button', async (kind) => {
    const { alert } = await generateWith(new PimError(kind));
    expect(within(alert).getByText(ERROR_TEXT[kind].message)).toBeTruthy();
    expect(within(alert).getByText(ERROR_TEXT[kind].hint)).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Open Options' })).toBeNull();
  });

  it('shows the HTTP status and transaction ID for support', async () => {
    const { alert } = await generateWith(new PimError('credentials-rejected', { status: 401, transactionId: '1234-abcd' }));
    expect(within(alert).getByText('HTTP 401 · transaction 1234-abcd')).toBeTruthy();
  });

  it('says when KPN asked to wait', async () => {
    const { alert } = await generateWith(new PimError('rate-limited', { status: 429, retryAfterSeconds: 30 }));
    expect(within(alert).getByText('You can try again in 30 s.')).toBeTruthy();
  });

  it('shows the server’s own message verbatim', async () => {
    const { alert } = await generateWith(new PimError('invalid-parameters', { status: 400, serverMessage: 'title too fancy' }));
    expect(within(alert).getByText('Server: title too fancy')).toBeTruthy();
  });

  it('shows KPN’s 400 text once, under the kind’s headline', async () => {
    const { alert } = await generateWith(
      new PimError('invalid-parameters', { status: 400, message: 'title too fancy', serverMessage: 'title too fancy', hint: 'Adjust the settings.' }),
    );
    expect(within(alert).getByText('Some QR settings are not valid.')).toBeTruthy();
    expect(within(alert).getByText('Server: title too fancy')).toBeTruthy();
    expect(within(alert).queryByText('title too fancy')).toBeNull();
  });

  it('keeps a specific message as a detail under the kind’s headline', async () => {
    const { alert } = await generateWith(
      new PimError('credentials-rejected', { status: 401, message: 'KPN rejected the access token.', hint: 'Check the client ID and secret in Options, and the subscription.' }),
    );
    expect(alert.querySelector('.alert-message')?.textContent).toBe('KPN rejected the client credentials.');
    expect(alert.querySelector('.alert-detail')?.textContent).toBe('KPN rejected the access token.');
    expect(within(alert).getByText('Check the client ID and secret in Options, and the subscription.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Open Options' })).toBeTruthy();
  });

  it('hides the text of errors that are not PimErrors (they may hold anything)', async () => {
    const { alert } = await generateWith(new Error('https://x/?client_secret=hunter2'));
    expect(alert.textContent).not.toContain('hunter2');
    expect(within(alert).getByText('Something went wrong inside the extension.')).toBeTruthy();
  });

  it('maps the server’s field errors onto the fields until they are edited', async () => {
    const error = new PimError('invalid-parameters', {
      fieldErrors: { title: fieldError({ code: 'too-long', field: 'title', max: 5, actual: 8 }) },
    });
    await generateWith(error);
    const title = screen.getByLabelText('Title');
    const message = await screen.findByText('Title must be at most 5 characters (it has 8).');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain(message.id);
    fireEvent.input(title, { target: { value: 'Short' } });
    await waitFor(() => expect(screen.queryByText('Title must be at most 5 characters (it has 8).')).toBeNull());
  });

  it('falls back to the English text of a field error code it does not know', async () => {
    const unknown = { code: 'brand-new', field: 'width', message: 'Width is odd.' } as never;
    await generateWith(new PimError('invalid-parameters', { fieldErrors: { width: unknown } }));
    expect(await screen.findByText('Width is odd.')).toBeTruthy();
  });

  it('never clears the form', async () => {
    await generateWith(new PimError('server-error', { status: 503 }));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('My title');
  });

  it('treats a cancelled answer as the cancelled state, not an error', async () => {
    await renderPopup({ answers: { 'ui-bg-generate': new PimError('cancelled') } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText(/Cancelled\./)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses an image with nothing safe left and says so', async () => {
    await renderPopup({ answers: { 'ui-bg-generate': generateResult({ svg: '<script>alert(1)</script>' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not be shown safely');
    expect(screen.queryByRole('img', { name: 'QR preview' })).toBeNull();
  });
});
