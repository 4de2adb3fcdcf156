// Draws (sanitized) SVG markup onto a canvas. Loaded lazily with the decoder and the PNG export.

/** Decoding an SVG into an <img> needs no network: the markup has no external references. */
export async function drawSvg(svg: string, width: number, height: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas 2D is not available.');
    // Transparent pixels read as black to a QR reader; a white ground keeps the quiet zone light.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}
