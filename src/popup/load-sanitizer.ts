// DOMPurify is about 9 KB gzipped: it arrives with the first image to show, not with the popup.
import type { sanitizeSvg } from '../shared/sanitize-svg';

export function loadSanitizer(): Promise<typeof sanitizeSvg> {
  return import('../shared/sanitize-svg').then((module) => module.sanitizeSvg);
}
