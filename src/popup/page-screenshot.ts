// "Screenshot page": the visible part of the page, with the placed QR and without PiM QR's own
// controls, saved as a PNG named after the site and the minute and copied to the clipboard, for
// sharing a mock-up. Loaded with the result's actions (ShownResult.tsx), not with the popup.
import type { SendMessage } from '../shared/send-message';
import { t } from '../shared/i18n';
import { screenshotFileName } from './exports';
import type { PageContext } from './page-context';
import type { PopupPorts } from './ports';

function pngOf(dataUrl: string): Blob {
  const bytes = Uint8Array.from(atob(dataUrl.slice(dataUrl.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

const refused = (what: string) => (error: unknown) => {
  console.warn(`[popup] ${what} refused the screenshot`, error);
  return false;
};

/**
 * Captures the page the view is aimed at, saves and copies the PNG, and answers the status line,
 * which says what was kept. A capture that fails throws (with why, and what to do).
 */
export async function screenshotPage(send: SendMessage, ports: PopupPorts, page: PageContext, now = () => new Date()): Promise<string> {
  const shot = send('ui-bg-screenshot', page.tabId === undefined ? {} : { tabId: page.tabId });
  const png = shot.then(({ dataUrl }) => pngOf(dataUrl));
  // Asked now, within the click: Firefox lets a page without clipboardWrite write only then.
  const copied = ports.copyImage(png).then(() => true, refused('the clipboard'));
  // A failed capture is reported once, through `shot`.
  png.catch(() => undefined);
  const { url } = await shot;
  const name = screenshotFileName(url, now());
  let saved = true;
  try {
    ports.download(await png, name);
  } catch (error) {
    saved = refused('saving')(error);
  }
  const kept = await copied;
  if (saved) return t(kept ? 'statusScreenshot' : 'statusScreenshotNotCopied', name);
  return t(kept ? 'statusScreenshotNotSaved' : 'statusScreenshotNotKept', name);
}
