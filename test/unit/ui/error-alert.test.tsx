// @vitest-environment happy-dom
// The alert's headline and standard hint come from the catalogue by kind; the background's more
// specific (English) sentence is a detail line; the server's own words are shown once.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_TEXT, PIM_ERROR_KINDS, PimError } from '../../../src/core/errors';
import { SvgSanitizeError } from '../../../src/shared/svg-sanitize-error';
import { ErrorAlert } from '../../../src/ui/ErrorAlert';
import { LocalizedError, toErrorView } from '../../../src/ui/error-view';
import { setMessageLookup } from '../../../src/ui/i18n';
import { enMessage } from '../setup-i18n';

afterEach(() => {
  cleanup();
  setMessageLookup(enMessage);
});

/** A stand-in language: every message is marked, so English that bypassed the catalogue shows. */
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

const lines = (alert: HTMLElement) => [...alert.querySelectorAll('p')].map((p) => [p.className, p.textContent]);

describe('the en catalogue', () => {
  it.each(PIM_ERROR_KINDS)('words %s like the core’s English defaults', (kind) => {
    const key = kind.replaceAll('-', '_');
    expect([enMessage(`errKind_${key}`), enMessage(`errHint_${key}`)]).toEqual([ERROR_TEXT[kind].message, ERROR_TEXT[kind].hint]);
  });
});

describe('toErrorView and ErrorAlert', () => {
  it.each(PIM_ERROR_KINDS)('%s with the default text: the localized headline and hint, no detail', (kind) => {
    useMarkedCatalogue();
    const view = toErrorView(new PimError(kind));
    expect(view).toEqual({ kind, message: `«${ERROR_TEXT[kind].message}»`, hint: `«${ERROR_TEXT[kind].hint}»` });
  });

  it('renders a default error as headline and hint only', () => {
    useMarkedCatalogue();
    const alert = renderAlert(new PimError('credentials-rejected', { status: 401 }));
    expect(lines(alert)).toEqual([
      ['alert-message', '«KPN rejected the client credentials.»'],
      ['alert-hint', '«Check the client ID and secret in Options.»'],
      ['alert-facts', '«HTTP 401»'],
    ]);
  });

  it('keeps a specific message as a detail under the localized headline, with its own hint', () => {
    useMarkedCatalogue();
    const error = new PimError('credentials-rejected', {
      message: 'KPN rejected the access token.',
      hint: 'Check the client ID and secret in Options, and that the app is subscribed to PiM ID.',
      status: 401,
    });
    expect(lines(renderAlert(error))).toEqual([
      ['alert-message', '«KPN rejected the client credentials.»'],
      ['alert-detail', 'KPN rejected the access token.'],
      ['alert-hint', 'Check the client ID and secret in Options, and that the app is subscribed to PiM ID.'],
      ['alert-facts', '«HTTP 401»'],
    ]);
  });

  it('localizes the standard hint even when the message is specific', () => {
    useMarkedCatalogue();
    const view = toErrorView(new PimError('timeout', { message: 'The API took too long to answer (over 30 s).' }));
    expect(view).toMatchObject({
      message: '«The API took too long to answer.»',
      detail: 'The API took too long to answer (over 30 s).',
      hint: `«${ERROR_TEXT.timeout.hint}»`,
    });
  });

  it('shows no hint when the background gave an empty one', () => {
    const alert = renderAlert(new PimError('invalid-parameters', { message: 'Client ID is required.', hint: '' }));
    expect(lines(alert)).toEqual([
      ['alert-message', 'Some QR settings are not valid.'],
      ['alert-detail', 'Client ID is required.'],
    ]);
  });

  it('shows the server’s own words once, as "Server: …", not again as a detail', () => {
    // KPN's 400 text is both the message and the serverMessage (src/core/response-error.ts).
    const alert = renderAlert(
      new PimError('invalid-parameters', { message: 'title too fancy', serverMessage: 'title too fancy', status: 400, hint: 'Adjust the settings.' }),
    );
    expect(alert.textContent?.split('title too fancy')).toHaveLength(2);
    expect(lines(alert)).toEqual([
      ['alert-message', 'Some QR settings are not valid.'],
      ['alert-detail', 'Server: title too fancy'],
      ['alert-hint', 'Adjust the settings.'],
      ['alert-facts', 'HTTP 400'],
    ]);
  });

  it('shows a specific message and a different server message each once', () => {
    const alert = renderAlert(new PimError('server-error', { message: 'The KPN gateway could not reach the service.', serverMessage: 'upstream down', status: 503 }));
    expect(within(alert).getByText('The KPN service had a problem.')).toBeTruthy();
    expect(within(alert).getByText('The KPN gateway could not reach the service.')).toBeTruthy();
    expect(within(alert).getByText('Server: upstream down')).toBeTruthy();
  });

  it('passes the UI’s own localized errors through unchanged', () => {
    useMarkedCatalogue();
    const view = { kind: 'permission-denied' as const, message: 'Access was not allowed.', hint: 'Allow it.' };
    expect(toErrorView(new LocalizedError(view))).toBe(view);
    expect(toErrorView(new SvgSanitizeError('x'))).toMatchObject({ kind: 'unreadable-response', message: expect.stringMatching(/^«The QR image could not be shown safely/) });
  });

  it('hides the text of unknown errors behind the localized internal error', () => {
    useMarkedCatalogue();
    expect(toErrorView(new Error('https://x/?client_secret=hunter2'))).toEqual({
      kind: 'internal',
      message: `«${ERROR_TEXT.internal.message}»`,
      hint: `«${ERROR_TEXT.internal.hint}»`,
    });
  });
});
