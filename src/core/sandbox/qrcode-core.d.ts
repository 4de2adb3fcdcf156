// qrcode's encoder alone: its package entry also bundles the canvas and string renderers, which the
// sandbox does not use and the service worker's byte budget cannot spare.
declare module 'qrcode/lib/core/qrcode.js' {
  import type { QRCode, QRCodeOptions } from 'qrcode';

  export function create(text: string, options?: QRCodeOptions): QRCode;
}
