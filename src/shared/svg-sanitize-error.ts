/** Thrown when nothing safe and renderable is left of an SVG. A module of its own so catching it does not load DOMPurify. */
export class SvgSanitizeError extends Error {
  override readonly name = 'SvgSanitizeError';
}
