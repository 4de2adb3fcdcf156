// Will a phone scan this QR? Pure: the facts are measured elsewhere (page-visibility.ts, and the
// placement's and the page scanner's own measuring).
import { formatNumber, t } from './i18n';

/** Below this many device pixels per QR module, phone cameras start to miss codes. */
export const MIN_MODULE_DEVICE_PX = 2;
/** Below this effective opacity the dark modules lose too much contrast. */
export const MIN_OPACITY = 0.6;

export interface ScanFacts {
  /** The rendered QR image box in CSS pixels. */
  width: number;
  height: number;
  devicePixelRatio: number;
  /** One QR module in CSS pixels, when the SVG lets us tell. */
  moduleCssPx?: number;
  clipped: boolean;
  /** Clipped only by the viewport, not by the page: scrolling shows it. */
  outsideView?: boolean;
  hidden: boolean;
  /** Product of the opacity of the placement and all its ancestors. */
  opacity: number;
  covered: boolean;
}

export type ScanWarning = 'too-small' | 'clipped' | 'hidden' | 'transparent' | 'covered';

export interface ScanReport {
  /** "240×240 CSS px · 480×480 device px" */
  sizeText: string;
  warnings: { kind: ScanWarning; text: string }[];
  /** Device pixels per module, rounded to one decimal, when known. */
  moduleDevicePx?: number;
}

/** "240×240", numbers as the reader writes them. */
const size = (width: number, height: number) => `${formatNumber(Math.round(width))}×${formatNumber(Math.round(height))}`;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function assessScannability(facts: ScanFacts): ScanReport {
  const dpr = facts.devicePixelRatio > 0 && Number.isFinite(facts.devicePixelRatio) ? facts.devicePixelRatio : 1;
  const sizeText = t('content_sizeText', size(facts.width, facts.height), size(facts.width * dpr, facts.height * dpr));
  const warnings: ScanReport['warnings'] = [];
  const report: ScanReport = { sizeText, warnings };
  if (facts.hidden || facts.width < 1 || facts.height < 1) {
    warnings.push({ kind: 'hidden', text: t('content_warnHidden') });
    return report;
  }
  if (facts.moduleCssPx !== undefined && facts.moduleCssPx > 0) {
    const moduleDevicePx = facts.moduleCssPx * dpr;
    report.moduleDevicePx = oneDecimal(moduleDevicePx);
    if (moduleDevicePx < MIN_MODULE_DEVICE_PX) {
      warnings.push({ kind: 'too-small', text: t('content_warnTooSmall', oneDecimal(moduleDevicePx)) });
    }
  }
  if (facts.clipped) warnings.push({ kind: 'clipped', text: t(facts.outsideView ? 'scanWarnOutsideView' : 'content_warnClipped') });
  if (facts.opacity < MIN_OPACITY) warnings.push({ kind: 'transparent', text: t('content_warnTransparent') });
  if (facts.covered) warnings.push({ kind: 'covered', text: t('content_warnCovered') });
  return report;
}
