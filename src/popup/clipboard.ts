import { PimError } from '../core/errors';

/**
 * Writes text to the clipboard. The browser refuses when the view is not in front or the click was too
 * long ago: that is said as such, with what to do, rather than as a fault of the extension.
 */
export async function writeClipboardText(text: string, clipboard: Pick<Clipboard, 'writeText'>): Promise<void> {
  try {
    await clipboard.writeText(text);
  } catch {
    throw new PimError('clipboard-refused');
  }
}
