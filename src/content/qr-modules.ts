// How big one QR module is in the SVG's user units, read from the drawing itself: the QR is the
// path (or set of rects) with the most pieces, and its shortest axis-aligned edge is one module.
// The sandbox draws `<path transform="… scale(s)" d="M4 4h3v1h-3z…">`: one module is `s` units.

export interface QrGeometry {
  /** The viewBox (or width/height) the drawing is scaled from; undefined when it is drawn 1:1 in CSS px. */
  viewBox?: { width: number; height: number };
  /** One module in user units; undefined when no QR-like drawing was found. */
  moduleUnits?: number;
}

/** A QR code has at least 21×21 modules; anything with fewer pieces is a logo or a background. */
const MIN_PIECES = 21;

function numbers(text: string | null): number[] {
  return (text ?? '').trim().split(/[\s,]+/).filter((s) => s !== '').map(Number);
}

export function viewBoxOf(svg: Element): QrGeometry['viewBox'] {
  const [, , width, height] = numbers(svg.getAttribute('viewBox'));
  if (width !== undefined && height !== undefined && width > 0 && height > 0 && Number.isFinite(width + height)) return { width, height };
  return undefined;
}

/** The x scale of an element's own `transform` attribute (scale() or matrix()); 1 when absent. */
export function transformScale(element: Element): number {
  const text = element.getAttribute('transform') ?? '';
  let scale = 1;
  for (const match of text.matchAll(/(scale|matrix)\s*\(([^)]*)\)/g)) {
    const [first, second] = numbers(match[2] ?? '');
    if (match[1] === 'scale' && first !== undefined) scale *= Math.abs(first);
    if (match[1] === 'matrix' && first !== undefined && second !== undefined) scale *= Math.hypot(first, second);
  }
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

function scaleUpTo(element: Element, root: Element): number {
  let scale = 1;
  for (let current: Element | null = element; current && current !== root; current = current.parentElement) {
    scale *= transformScale(current);
  }
  return scale;
}

/** Shortest axis-aligned segment and number of subpaths of a path's `d` (M, L, H, V, Z; others end the walk). */
export function pathUnits(d: string): { shortest: number; pieces: number } {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let shortest = Infinity;
  let pieces = 0;
  let command = '';
  const note = (length: number) => {
    const abs = Math.abs(length);
    if (abs > 1e-9 && abs < shortest) shortest = abs;
  };
  let index = 0;
  const next = (): number => Number(tokens[index++]);
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    if (/[A-Za-z]/.test(token)) {
      command = token;
      index++;
      if (command === 'z' || command === 'Z') {
        note(startX - x);
        note(startY - y);
        x = startX;
        y = startY;
        continue;
      }
    }
    switch (command) {
      case 'M':
      case 'm': {
        const nx = next();
        const ny = next();
        x = command === 'm' ? x + nx : nx;
        y = command === 'm' ? y + ny : ny;
        startX = x;
        startY = y;
        pieces++;
        command = command === 'm' ? 'l' : 'L';
        break;
      }
      case 'L':
      case 'l': {
        const nx = next();
        const ny = next();
        const tx = command === 'l' ? x + nx : nx;
        const ty = command === 'l' ? y + ny : ny;
        if (tx === x) note(ty - y);
        else if (ty === y) note(tx - x);
        x = tx;
        y = ty;
        break;
      }
      case 'H':
      case 'h': {
        const n = next();
        const tx = command === 'h' ? x + n : n;
        note(tx - x);
        x = tx;
        break;
      }
      case 'V':
      case 'v': {
        const n = next();
        const ty = command === 'v' ? y + n : n;
        note(ty - y);
        y = ty;
        break;
      }
      default:
        return { shortest, pieces };
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return { shortest: Infinity, pieces };
  }
  return { shortest, pieces };
}

export function qrGeometry(svg: Element): QrGeometry {
  const geometry: QrGeometry = {};
  const viewBox = viewBoxOf(svg);
  if (viewBox) geometry.viewBox = viewBox;
  let best: { pieces: number; units: number } | undefined;
  for (const path of Array.from(svg.querySelectorAll('path'))) {
    const { shortest, pieces } = pathUnits(path.getAttribute('d') ?? '');
    if (pieces >= MIN_PIECES && Number.isFinite(shortest) && (!best || pieces > best.pieces)) {
      best = { pieces, units: shortest * scaleUpTo(path, svg) };
    }
  }
  const squares = Array.from(svg.querySelectorAll('rect'))
    .map((rect) => ({ width: Number(rect.getAttribute('width')), height: Number(rect.getAttribute('height')), rect }))
    .filter((r) => r.width > 0 && Math.abs(r.width - r.height) < 1e-6);
  if (squares.length >= MIN_PIECES && (!best || squares.length > best.pieces)) {
    const smallest = squares.reduce((min, r) => (r.width < min.width ? r : min));
    best = { pieces: squares.length, units: smallest.width * scaleUpTo(smallest.rect, svg) };
  }
  if (best) geometry.moduleUnits = best.units;
  return geometry;
}
