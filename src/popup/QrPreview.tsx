import { useMemo } from 'preact/hooks';
import { t } from '../shared/i18n';
import { svgDataUrl } from './exports';

export interface QrPreviewProps {
  /** Sanitized markup only (sanitizeSvg). */
  svg: string;
  /** The image has loaded (or failed to): what waits for the preview may run once it is painted. */
  onLoad?: () => void;
}

/**
 * The QR shown as an image, never as inline markup: an SVG drawn through <img> runs no script,
 * loads nothing and has a document of its own, so no style in an answer can reach the popup.
 */
export function QrPreview({ svg, onLoad }: QrPreviewProps) {
  const src = useMemo(() => svgDataUrl(svg), [svg]);
  return (
    <div class="qr-preview">
      <img src={src} alt={t('qrPreview')} onLoad={onLoad} onError={onLoad} />
    </div>
  );
}
