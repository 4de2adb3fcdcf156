// Renders public/icons/icon.svg to the PNG sizes the manifest names; run after editing the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = readFileSync('public/icons/icon.svg', 'utf8');
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(`public/icons/icon-${size}.png`, png);
  console.log(`[make-icons] icon-${size}.png ${png.length} bytes`);
}
