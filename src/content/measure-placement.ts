// Measures a placement in the live page for the scannability check: its box, the module size,
// clipping by the viewport or an overflow ancestor, hiding, opacity and anything on top of it.
import type { QrGeometry } from './qr-modules';
import { clippedBy, effectiveOpacity, isCovered, isHidden } from '../shared/page-visibility';
import type { ScanFacts } from '../shared/scannability';

export function measurePlacement(host: HTMLElement, image: Element, geometry: QrGeometry, win: Window = window): ScanFacts {
  const rect = image.getBoundingClientRect();
  const facts: ScanFacts = {
    width: rect.width,
    height: rect.height,
    devicePixelRatio: win.devicePixelRatio || 1,
    clipped: clippedBy(rect, host, win),
    hidden: isHidden(host, win),
    opacity: effectiveOpacity(host, win),
    covered: isCovered(rect, host, win),
  };
  if (geometry.moduleUnits !== undefined) {
    // preserveAspectRatio "meet": the drawing is scaled by the smaller of the two ratios.
    const scale = geometry.viewBox ? Math.min(rect.width / geometry.viewBox.width, rect.height / geometry.viewBox.height) : 1;
    facts.moduleCssPx = geometry.moduleUnits * scale;
  }
  return facts;
}
