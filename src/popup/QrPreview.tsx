import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../ui/i18n';

export interface QrPreviewProps {
  /** Sanitized markup only (sanitizeSvg). */
  svg: string;
}

/** The QR drawn inline, scaled to fit. */
export function QrPreview({ svg }: QrPreviewProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Without a viewBox an SVG is cropped, not scaled, when the preview is narrower than the QR.
    const root = ref.current?.querySelector('svg');
    const width = Number(root?.getAttribute('width'));
    const height = Number(root?.getAttribute('height'));
    if (root && !root.hasAttribute('viewBox') && width > 0 && height > 0) root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }, [svg]);
  // Safe to inject: the markup went through sanitizeSvg (DOMPurify, SVG profile, no external references).
  return <div ref={ref} class="qr-preview" role="img" aria-label={t('qrPreview')} dangerouslySetInnerHTML={{ __html: svg }} />;
}
