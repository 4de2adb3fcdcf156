// Turns the browser's "cannot inject here" errors into something a user can act on.
import { PimError } from '../core/errors';

const PROTECTED = /chrome:\/\/|chrome-extension:\/\/|extensions gallery|chromewebstore|webstore|about:|devtools:|edge:\/\/|view-source:|chrome-search:|chrome-untrusted:|cannot be scripted/i;
const NO_ACCESS = /cannot access contents|missing host permission|must request permission|access to the page|cannot access a/i;

export function injectionError(error: unknown, url?: string): PimError {
  const text = error instanceof Error ? error.message : String(error);
  if (/no tab with id|tab was closed|no frame with id/i.test(text)) {
    return new PimError('tab-closed');
  }
  if (/error page/i.test(text)) {
    return new PimError('page-not-loaded');
  }
  if (url?.startsWith('file:') || /file:\/\//i.test(text)) {
    return new PimError('file-access-off');
  }
  if (PROTECTED.test(text) || (url !== undefined && !/^https?:/i.test(url))) {
    return new PimError('page-forbids-extensions');
  }
  if (NO_ACCESS.test(text)) {
    return new PimError('tab-access-missing');
  }
  console.warn('[tab-access] injection failed', text);
  return new PimError('place-failed');
}

/**
 * The script was injected, yet does not answer. Firefox does that on its own about: pages; on a web
 * page it means the document we injected into is gone: the tab navigated or reloaded meanwhile.
 */
export function silentAfterInjection(url: string | undefined): PimError {
  return /^https?:/i.test(url ?? '') ? new PimError('page-changed') : injectionError(new Error('cannot be scripted'), url);
}
