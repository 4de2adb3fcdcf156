// What a decoded QR's pixels say about how well it scans: the size of one module, the light margin
// around the code (the quiet zone) and the contrast between its light and dark modules. Pure: it
// takes the RGBA pixels and where the decoder found the code's corners.

export interface Point {
  x: number;
  y: number;
}

/** The outer corners of the code (quiet zone excluded) in image pixels, and its QR version. */
export interface CodeLocation {
  version: number;
  topLeft: Point;
  topRight: Point;
  bottomLeft: Point;
  bottomRight: Point;
}

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface QrFigures {
  /** Modules per side: 21 for version 1, four more per version. */
  modules: number;
  /** One module in image pixels. */
  modulePx: number;
  /**
   * Light modules between the code and the first dark pixel or the image's edge, on its narrowest
   * side, in whole modules: the decoder's corners can be a fraction of a module off.
   */
  quietZoneModules: number;
  /** Relative luminance of the light modules + 0.05 over that of the dark ones + 0.05 (WCAG's ratio, 1 to 21). */
  contrast: number;
}

/** A quiet zone is wanted 4 modules wide; beyond 10 nothing changes for a reader, so it is not walked further. */
export const QUIET_ZONE_WALK_MODULES = 10;

export const modulesOf = (version: number): number => 17 + 4 * version;

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of the pixel at `index` (its R of RGBA). */
export function luminanceAt(data: Uint8ClampedArray, index: number): number {
  return 0.2126 * channel(data[index] ?? 0) + 0.7152 * channel(data[index + 1] ?? 0) + 0.0722 * channel(data[index + 2] ?? 0);
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boxOf(location: CodeLocation, pixels: Pixels): Box {
  const corners = [location.topLeft, location.topRight, location.bottomLeft, location.bottomRight];
  const clamp = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value)));
  return {
    left: clamp(Math.min(...corners.map((p) => p.x)), pixels.width - 1),
    right: clamp(Math.max(...corners.map((p) => p.x)), pixels.width - 1),
    top: clamp(Math.min(...corners.map((p) => p.y)), pixels.height - 1),
    bottom: clamp(Math.max(...corners.map((p) => p.y)), pixels.height - 1),
  };
}

const BINS = 1000;

/** The dark and light luminance of the code: the 10th and 90th percentile of its pixels, so anti-aliased edges do not count. */
export function codeLuminance(pixels: Pixels, box: Box): { dark: number; light: number } {
  const histogram = new Uint32Array(BINS + 1);
  let count = 0;
  for (let y = box.top; y <= box.bottom; y++) {
    for (let x = box.left; x <= box.right; x++) {
      const bin = Math.round(luminanceAt(pixels.data, (y * pixels.width + x) * 4) * BINS);
      histogram[bin] = (histogram[bin] ?? 0) + 1;
      count++;
    }
  }
  const percentile = (share: number) => {
    let seen = 0;
    for (let bin = 0; bin <= BINS; bin++) {
      seen += histogram[bin] ?? 0;
      if (seen >= share * count) return bin / BINS;
    }
    return 1;
  };
  return { dark: percentile(0.1), light: percentile(0.9) };
}

/**
 * Light pixels from the box's edge outward on one side, until a dark pixel, the image's edge or `limit`.
 * Within `grace` pixels of the edge a dark pixel is the code's own blurred edge (a scaled image, a
 * corner the decoder placed a pixel off), not something in the margin.
 */
function lightRun(pixels: Pixels, box: Box, side: 'left' | 'right' | 'top' | 'bottom', threshold: number, limit: number, grace: number): number {
  const horizontal = side === 'left' || side === 'right';
  const step = side === 'left' || side === 'top' ? -1 : 1;
  const start = box[side] + step;
  const [from, to] = horizontal ? [box.top, box.bottom] : [box.left, box.right];
  let run = 0;
  for (let line = start; run < limit; line += step, run++) {
    if (line < 0 || line >= (horizontal ? pixels.width : pixels.height)) break;
    for (let along = from; along <= to; along++) {
      const [x, y] = horizontal ? [line, along] : [along, line];
      if (run >= grace && luminanceAt(pixels.data, (y * pixels.width + x) * 4) < threshold) return run;
    }
  }
  return run;
}

export function qrFigures(pixels: Pixels, location: CodeLocation): QrFigures {
  const modules = modulesOf(location.version);
  const side =
    (distance(location.topLeft, location.topRight) +
      distance(location.bottomLeft, location.bottomRight) +
      distance(location.topLeft, location.bottomLeft) +
      distance(location.topRight, location.bottomRight)) /
    4;
  const modulePx = side / modules;
  const box = boxOf(location, pixels);
  const { dark, light } = codeLuminance(pixels, box);
  const threshold = (dark + light) / 2;
  const limit = Math.ceil(modulePx * QUIET_ZONE_WALK_MODULES);
  const grace = Math.floor(modulePx / 3);
  const quiet = Math.min(...(['left', 'right', 'top', 'bottom'] as const).map((s) => lightRun(pixels, box, s, threshold, limit, grace)));
  return {
    modules,
    modulePx,
    quietZoneModules: modulePx > 0 ? Math.round(quiet / modulePx) : 0,
    contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 10) / 10,
  };
}
