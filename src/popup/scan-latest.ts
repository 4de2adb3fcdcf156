// The QR generated last, for "Compare with last QR": the one on show, else the newest in history.
import type { SendMessage } from '../shared/send-message';
import { loadSanitizer } from './load-sanitizer';
import type { PopupPorts } from './ports';
import type { ResultState } from './result-state';
import type { LatestQr } from './scan-text';

export async function latestQr(send: SendMessage, ports: PopupPorts, result: ResultState): Promise<LatestQr | null> {
  const shown = result.result.value;
  if (shown) {
    const decoded = result.decoded.value;
    const text = decoded.state === 'read' ? decoded.text : await ports.decodeQr(shown.svg, shown.width, shown.height);
    return { width: shown.width, height: shown.height, text };
  }
  const [newest] = await send('ui-bg-history-get', undefined);
  if (!newest) return null;
  const svg = (await loadSanitizer())(newest.svg);
  const { width, height } = newest.params;
  return { width, height, text: await ports.decodeQr(svg, width, height) };
}
