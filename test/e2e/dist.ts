import { resolve } from 'node:path';

/** The build under test; PIM_QR_DIST lets two runs on one machine use their own folders. */
export const DIST = resolve(process.env.PIM_QR_DIST ?? resolve(import.meta.dirname, '../../dist'));
