// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, PIM_ERROR_KINDS, PimError, type PimErrorKind, type PlainErrorCode } from '../../../src/core/errors';
import { enMessage } from '../setup-i18n';
import { generateResult } from '../ui/fixtures';
import { renderPopup } from './render-popup';

async function generateWith(error: Error) {
  const rendered = await renderPopup({ answers: { 'ui-bg-generate': error } });
  fireEvent.input(screen.getByLabelText('Title'), { target: { value: 'My title' } });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  const alert = await screen.findByRole('alert');
  return { ...rendered, alert };
}

const lines = (alert: HTMLElement) => [...alert.querySelectorAll('p')].map((p) => p.textContent);

const enText = (key: string) => enMessage(key.replaceAll('-', '_'));

// Every kind through its plain code; where the fix lives in Options, the alert offers to open them.
const FIXED_IN_OPTIONS = [
  new PimError('not-configured'),
  new PimError('credentials-rejected'),
  new PimError('token-call-failed'),
  new PimError('secret-bound-elsewhere', { params: { savedOrigin: 'https://a.example', savedClientId: 'a', origin: 'https://b.example', clientId: 'b' } }),
  new PimError('stored-host-invalid', { params: { environment: 'Staging' } }),
  new PimError('host-not-granted', { params: { host: 'staging.example' } }),
].map((error) => [error.code, error] as const);
const FIXED_ELSEWHERE: PlainErrorCode[] = ['forbidden', 'token-rejected', 'rate-limited', 'server-error', 'unexpected-status', 'network', 'internal', 'invalid-parameters', 'page-forbids-extensions'];

/** The code named like its kind, when there is one (timeout's takes a value, so it has its own test). */
function plainCodeOf(kind: PimErrorKind): PlainErrorCode | undefined {
  return (Object.keys(ERROR_CODES) as PlainErrorCode[]).find((code) => code === kind);
}

describe('Generate errors', () => {
  it.each(FIXED_IN_OPTIONS)('%s: headline, hint and an "Open Options" button', async (_code, error) => {
    const { alert, ports } = await generateWith(error);
    expect(alert.querySelector('.alert-message')?.textContent).toBeTruthy();
    expect(alert.querySelector('.alert-hint')?.textContent).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Open Options' }));
    expect(ports.openOptionsPage).toHaveBeenCalledOnce();
  });

  it.each(FIXED_ELSEWHERE)('%s: headline and hint, no Options button', async (code) => {
    const { alert } = await generateWith(new PimError(code));
    expect(alert.querySelector('.alert-message')?.textContent).toBeTruthy();
    expect(alert.querySelector('.alert-hint')?.textContent).toBeTruthy();
    expect(within(alert).queryByRole('button', { name: 'Open Options' })).toBeNull();
  });

  it.each(PIM_ERROR_KINDS.filter((kind) => kind !== 'cancelled' && plainCodeOf(kind) !== undefined && kind !== 'timeout'))(
    'the plain %s code reads its kind’s headline and hint',
    async (kind) => {
      const { alert } = await generateWith(new PimError(plainCodeOf(kind) ?? 'internal'));
      expect(alert.querySelector('.alert-message')?.textContent).toBe(enText(`errKind_${kind}`));
      expect(alert.querySelector('.alert-hint')?.textContent).toBe(enText(`errHint_${kind}`));
    },
  );

  it('says how long it waited when the API took too long', async () => {
    const { alert } = await generateWith(new PimError('timeout', { params: { seconds: 20 } }));
    expect(lines(alert)).toEqual(['The API took too long to answer.', 'No answer came within 20 s.', 'Try again; if it keeps happening, the service may be slow or down.']);
  });

  it('shows the HTTP status and transaction ID for support', async () => {
    const { alert } = await generateWith(new PimError('credentials-rejected', { status: 401, transactionId: '1234-abcd' }));
    expect(within(alert).getByText('HTTP 401 · transaction 1234-abcd')).toBeTruthy();
  });

  it('says when KPN asked to wait', async () => {
    const { alert } = await generateWith(new PimError('rate-limited', { status: 429, retryAfterSeconds: 30 }));
    expect(within(alert).getByText('You can try again in 30 seconds.')).toBeTruthy();
  });

  it('quotes KPN’s 400 text once, as KPN’s, under the code’s headline', async () => {
    const { alert } = await generateWith(new PimError('params-rejected', { status: 400, serverMessage: 'title too fancy' }));
    expect(lines(alert)).toEqual(['KPN rejected the QR settings.', 'KPN says: “title too fancy”', 'Adjust the settings and try again.', 'HTTP 400']);
  });

  it('tells a refused access token apart from refused credentials', async () => {
    const { alert } = await generateWith(new PimError('token-rejected', { status: 401 }));
    expect(alert.querySelector('.alert-message')?.textContent).toBe('KPN rejected the access token.');
    expect(alert.querySelector('.alert-detail')?.textContent).toBe('The client ID and secret were accepted, but KPN refused even a freshly issued token.');
    expect(within(alert).queryByRole('button', { name: 'Open Options' })).toBeNull();
  });

  it('hides the text of errors that are not PimErrors (they may hold anything)', async () => {
    const { alert } = await generateWith(new Error('https://x/?client_secret=hunter2'));
    expect(alert.textContent).not.toContain('hunter2');
    expect(within(alert).getByText('Something went wrong inside the extension.')).toBeTruthy();
  });

  it('maps the server’s field errors onto the fields until they are edited', async () => {
    const error = new PimError('invalid-parameters', {
      fieldErrors: { title: { code: 'too-long', field: 'title', max: 5, actual: 8 } },
    });
    await generateWith(error);
    const title = screen.getByLabelText('Title');
    const message = await screen.findByText('Title must be at most 5 characters (it has 8).');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toContain(message.id);
    fireEvent.input(title, { target: { value: 'Short' } });
    await waitFor(() => expect(screen.queryByText('Title must be at most 5 characters (it has 8).')).toBeNull());
  });

  it('says “not valid” for a field error code it does not know, never a sentence that came with it', async () => {
    const unknown = { code: 'brand-new', field: 'width', message: 'Width is odd.' } as never;
    await generateWith(new PimError('invalid-parameters', { fieldErrors: { width: unknown } }));
    expect(await screen.findByText('This value is not valid.')).toBeTruthy();
    expect(screen.queryByText('Width is odd.')).toBeNull();
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
    expect(alert.textContent).toContain('The QR image is not safe to show.');
    expect(screen.queryByRole('img', { name: 'QR preview' })).toBeNull();
  });
});
