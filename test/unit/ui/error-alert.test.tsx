// @vitest-environment happy-dom
// The alert shows the code's headline, detail and hint from the catalogue, KPN's own words as a
// quote marked as KPN's, and the facts support needs. Nothing of an error's own text is shown.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { errorText } from '../../../src/shared/error-text';
import { setMessageLookup } from '../../../src/shared/i18n';
import { SvgSanitizeError } from '../../../src/shared/svg-sanitize-error';
import { ErrorAlert } from '../../../src/ui/ErrorAlert';
import { fixedInOptions, toErrorView } from '../../../src/ui/error-view';
import { enMessage } from '../setup-i18n';

afterEach(() => {
  cleanup();
  setMessageLookup(enMessage);
});

/** A stand-in language: every message is marked, so text that bypassed the catalogue shows. */
function useMarkedCatalogue() {
  setMessageLookup((key, substitutions) => {
    const english = enMessage(key, substitutions);
    return english && `«${english}»`;
  });
}

function renderAlert(error: unknown) {
  render(<ErrorAlert error={toErrorView(error)} />);
  return screen.getByRole('alert');
}

/** The words an alert gives the error (it words the view when it shows it). */
const words = (error: unknown) => errorText(toErrorView(error));

const lines = (alert: HTMLElement) => [...alert.querySelectorAll('p')].map((p) => [p.className, p.textContent]);

describe('toErrorView and ErrorAlert', () => {
  it('words a plain code by its kind: headline and hint', () => {
    useMarkedCatalogue();
    expect(lines(renderAlert(new PimError('credentials-rejected', { status: 401 })))).toEqual([
      ['alert-message', '«KPN rejected the client credentials.»'],
      ['alert-hint', '«Check the client ID and secret in Options.»'],
      ['alert-facts', '«HTTP 401»'],
    ]);
  });

  it('gives a rejected access token its own headline and detail, not the credentials’', () => {
    useMarkedCatalogue();
    expect(lines(renderAlert(new PimError('token-rejected', { status: 401, serverMessage: 'Invalid access token' })))).toEqual([
      ['alert-message', '«KPN rejected the access token.»'],
      ['alert-detail', '«The client ID and secret were accepted, but KPN refused even a freshly issued token.»'],
      ['alert-detail', '«KPN says: “Invalid access token”»'],
      ['alert-hint', '«Is the app subscribed to the PiM ID product in the KPN API Store?»'],
      ['alert-facts', '«HTTP 401»'],
    ]);
  });

  it('puts the values into the words, numbers formatted for the reader', () => {
    expect(words(new PimError('timeout', { params: { seconds: 20 } }))).toEqual({
      headline: 'The API took too long to answer.',
      detail: 'No answer came within 20 s.',
      hint: 'Try again; if it keeps happening, the service may be slow or down.',
    });
    expect(words(new PimError('too-many-placements', { params: { max: 1000 } })).headline).toBe('PiM QR remembers at most 1,000 placements.');
    expect(words(new PimError('answer-too-large', { params: { maxBytes: 2 * 1024 * 1024 } })).detail).toBe('The answer is larger than 2 MB.');
    expect(words(new PimError('answer-too-large', { params: { maxBytes: 64 * 1024 } })).detail).toBe('The answer is larger than 64 KB.');
  });

  it('quotes KPN’s 400 text as KPN’s, under the code’s own headline', () => {
    const alert = renderAlert(new PimError('params-rejected', { serverMessage: 'title too fancy', status: 400, transactionId: 'tx-9' }));
    expect(lines(alert)).toEqual([
      ['alert-message', 'KPN rejected the QR settings.'],
      ['alert-detail', 'KPN says: “title too fancy”'],
      ['alert-hint', 'Adjust the settings and try again.'],
      ['alert-facts', 'HTTP 400 · transaction tx-9'],
    ]);
  });

  it('leaves refused fields to the form, which shows each at its field', () => {
    const fieldErrors = { title: { code: 'too-long', field: 'title', max: 100, actual: 120 } } as const;
    const error = new PimError('invalid-parameters', { fieldErrors });
    expect(toErrorView(error)).toEqual({ kind: 'invalid-parameters', code: 'invalid-parameters', fieldErrors });
    expect(words(error)).toEqual({ headline: 'Some QR settings are not valid.', hint: 'Correct the highlighted fields and try again.' });
  });

  it('says when KPN asked to wait, rounded up, and then not "wait a moment" as well', () => {
    const alert = renderAlert(new PimError('rate-limited', { retryAfterSeconds: 2.2 }));
    expect(alert.textContent).toContain('You can try again in 3 seconds.');
    expect(alert.textContent).not.toContain('Wait a moment');
    cleanup();
    expect(renderAlert(new PimError('rate-limited', { retryAfterSeconds: 86_400 })).textContent).not.toContain('Wait a moment');
  });

  it('says nothing of a wait that is already over, and still says what to do', () => {
    const alert = renderAlert(new PimError('rate-limited', { status: 429, retryAfterSeconds: 0 }));
    expect(alert.textContent).not.toMatch(/try again in/i);
    expect(alert.textContent).toContain('Wait a moment and try again.');
  });

  it('words a long wait in minutes or hours, never in thousands of seconds', () => {
    expect(renderAlert(new PimError('rate-limited', { retryAfterSeconds: 600 })).textContent).toContain('You can try again in 10 minutes.');
    cleanup();
    expect(renderAlert(new PimError('rate-limited', { retryAfterSeconds: 51_908 })).textContent).toContain('You can try again in 14 hours 26 minutes.');
  });

  it('says a used-up quota resets at a moment, not to slow down, and gives no countdown beside it', () => {
    const alert = renderAlert(new PimError('quota-used-up-until', { status: 429, retryAfterSeconds: 51_908, params: { resetAt: Date.now() + 3_600_000 } }));
    const text = [...alert.querySelectorAll('p')].map((p) => p.textContent);
    expect(text[0]).toBe('Quota used up: KPN refuses new QR codes until it resets.');
    expect(text[1]).toMatch(/^The quota resets at .*\d{1,2}:\d{2}( [AP]M)?\.$/);
    expect(text[2]).toBe('Try again after the reset.');
    expect(alert.textContent).not.toMatch(/slow down|try again in/i);
  });

  it('words a refused image and any unknown error by code, never by their own text', () => {
    useMarkedCatalogue();
    const refused = new SvgSanitizeError('The image is not well-formed SVG: line 1.');
    expect(toErrorView(refused)).toEqual({ kind: 'unreadable-response', code: 'svg-refused' });
    expect(words(refused).headline).toBe('«The QR image is not safe to show.»');
    const unknown = new Error('https://x/?client_secret=hunter2');
    expect(toErrorView(unknown)).toEqual({ kind: 'internal', code: 'internal' });
    expect(words(unknown)).toEqual({
      headline: '«Something went wrong inside the extension.»',
      hint: '«Try again; if it keeps happening, reload the extension.»',
    });
  });

  it('offers Options only for codes Options fixes', () => {
    expect(['not-configured', 'secret-bound-elsewhere', 'credentials-rejected', 'token-call-failed', 'host-not-granted', 'stored-host-invalid'].every((code) => fixedInOptions(code as never))).toBe(true);
    // The same kind, fixed elsewhere: a browser page, a refused token.
    expect(fixedInOptions('page-forbids-extensions')).toBe(false);
    expect(fixedInOptions('token-rejected')).toBe(false);
  });
});
