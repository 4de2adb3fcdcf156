// What the sanitizer spec bundles for a plain page: the extension's two SVG pipelines exactly as
// they ship, the one extension pages use (sanitizeSvg, then an <img>) and the content script's.
export { prepareSvg } from '../../src/content/svg-image';
export { sanitizeSvg } from '../../src/shared/sanitize-svg';
