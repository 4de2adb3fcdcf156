// Copying and downloading the QR on show. Loaded with the result view (ResultActions.tsx), which is the
// only thing that offers them.
import { PimError } from '../core/errors';
import { t } from '../shared/i18n';
import { exportFileName, MAX_PNG_SIDE, type PngScale, base64Utf8, svgDataUrl } from './exports';
import type { PopupPorts } from './ports';
import type { ResultState } from './result-state';

export function exportActions({ act }: Pick<ResultState, 'act'>, ports: Pick<PopupPorts, 'copyText' | 'download' | 'renderPng'>) {
  const copy = async (text: string) => {
    await ports.copyText(text);
    return t('statusCopied');
  };
  return {
    copySvg: () => act('copy-svg', (shown) => copy(shown.svg)),
    copyDataUrl: () => act('copy-data-url', (shown) => copy(svgDataUrl(shown.svg))),
    copyBase64: () => act('copy-base64', (shown) => copy(base64Utf8(shown.svg))),
    downloadSvg: () =>
      act('download-svg', async (shown) => {
        const fileName = exportFileName(shown.title, shown.width, shown.height, 'svg');
        ports.download(new Blob([shown.svg], { type: 'image/svg+xml' }), fileName);
        return t('statusDownloadStarted', fileName);
      }),
    downloadPng: (scale: PngScale) =>
      act('download-png', async (shown) => {
        const [width, height] = [shown.width * scale, shown.height * scale];
        if (Math.max(width, height) > MAX_PNG_SIDE) throw new PimError('png-too-large', { params: { width, height, max: MAX_PNG_SIDE } });
        const png = await ports.renderPng(shown.svg, width, height);
        const fileName = exportFileName(shown.title, shown.width, shown.height, 'png', scale);
        ports.download(png, fileName);
        return t('statusDownloadStarted', fileName);
      }),
  };
}
