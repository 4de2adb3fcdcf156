// Placing a QR in a tab. The content script arrives with the placement feature; until then the
// background answers with a clear error instead of pretending.
import { PimError } from '../core/errors';

export async function insertIntoPage(_tabId: number | undefined, _svg: string): Promise<{ tabId: number }> {
  throw new PimError('internal', { message: 'Placing a QR on the page is not available in this build.', hint: '' });
}
