// Turns the browser's "cannot inject here" errors into something a user can act on.
import { PimError } from '../core/errors';

const PROTECTED = /chrome:\/\/|chrome-extension:\/\/|extensions gallery|chromewebstore|webstore|about:|devtools:|edge:\/\/|view-source:|chrome-search:|chrome-untrusted:|cannot be scripted/i;
const NO_ACCESS = /cannot access contents|missing host permission|must request permission|access to the page|cannot access a/i;

export function injectionError(error: unknown, url?: string): PimError {
  const text = error instanceof Error ? error.message : String(error);
  if (/no tab with id|tab was closed|no frame with id/i.test(text)) {
    return new PimError('invalid-parameters', {
      message: 'That tab or frame is no longer open.',
      hint: 'Go back to the page and try again.',
    });
  }
  if (/error page/i.test(text)) {
    return new PimError('permission-denied', {
      message: 'This page did not load, so the QR cannot be placed on it.',
      hint: 'Reload the page, then try again.',
    });
  }
  if (url?.startsWith('file:') || /file:\/\//i.test(text)) {
    return new PimError('permission-denied', {
      message: 'PiM QR may not change files opened from your computer.',
      hint: 'Turn on “Allow access to file URLs” for PiM QR in chrome://extensions, or open the page over http.',
    });
  }
  if (PROTECTED.test(text) || (url !== undefined && !/^https?:/i.test(url))) {
    return new PimError('permission-denied', {
      message: 'This page does not allow extensions (chrome:// pages and the Web Store).',
      hint: 'Open the web page you want to place the QR on, then try again.',
    });
  }
  if (NO_ACCESS.test(text)) {
    return new PimError('permission-denied', {
      message: 'PiM QR may not change this page yet.',
      hint: 'Click the PiM QR toolbar button while this page is open, then try again: that gives access to this tab.',
    });
  }
  console.warn('[tab-access] injection failed', text);
  return new PimError('internal', { message: 'The QR could not be placed on this page.', hint: 'Reload the page and try again.' });
}
