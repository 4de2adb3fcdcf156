// SVG → PNG at a chosen pixel size. Lazily loaded: only a PNG download needs it.
import { drawSvg } from './svg-raster';

export async function renderPng(svg: string, width: number, height: number): Promise<Blob> {
  const canvas = await drawSvg(svg, width, height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png');
  });
}
