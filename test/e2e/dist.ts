import { resolve } from 'node:path';

/** The build under test; PIM_QR_DIST lets two runs on one machine use their own folders. */
export const DIST = resolve(process.env.PIM_QR_DIST ?? resolve(import.meta.dirname, '../../dist'));

/** The Firefox build the Firefox suite drives; PIM_QR_DIST_FIREFOX moves it like PIM_QR_DIST does. */
export const DIST_FIREFOX = resolve(process.env.PIM_QR_DIST_FIREFOX ?? resolve(import.meta.dirname, '../../dist-firefox'));
