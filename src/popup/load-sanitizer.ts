// DOMPurify is about 9 KB gzipped: it arrives with the first image to show, not with the popup.
import type { sanitizeSvg } from '../shared/sanitize-svg';
import { lazyPart } from './lazy-part';

export const loadSanitizer = lazyPart<typeof sanitizeSvg>(() => import('../shared/sanitize-svg').then((module) => module.sanitizeSvg));
