// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { backgroundUrl, findCandidates } from '../../../src/scanner/find-codes';
import { backgroundSize } from '../../../src/scanner/read-pixels';
import { createHost, OWN_UI_ATTRIBUTE, PLACEMENT_ATTRIBUTE } from '../../../src/shared/own-host';

describe('backgroundUrl', () => {
  it.each([
    ['url("https://a.example/qr.png")', 'https://a.example/qr.png'],
    ["url('https://a.example/q\\'r.png')", "https://a.example/q'r.png"],
    ['url(https://a.example/qr.png), linear-gradient(red, blue)', 'https://a.example/qr.png'],
    ['linear-gradient(red, blue), url("data:image/png;base64,AAAA")', 'data:image/png;base64,AAAA'],
    ['none', undefined],
    ['url("")', undefined],
  ])('%s', (value, url) => {
    expect(backgroundUrl(value)).toBe(url);
  });
});

describe('backgroundSize', () => {
  const box = { width: 300, height: 200 };
  const natural = { width: 100, height: 100 };
  it.each([
    ['auto', { width: 100, height: 100 }],
    ['contain', { width: 200, height: 200 }],
    ['cover', { width: 300, height: 300 }],
    ['150px 120px', { width: 150, height: 120 }],
    ['150px', { width: 150, height: 150 }],
    ['auto 50px', { width: 50, height: 50 }],
    ['50%', { width: 150, height: 150 }],
  ])('%s', (value, size) => {
    expect(backgroundSize(value, box, natural)).toEqual(size);
  });
});

describe('findCandidates', () => {
  it('finds images, outermost SVGs, canvases and backgrounds, in open shadow roots too, never ours', () => {
    document.body.innerHTML = `
      <img id="a" src="data:,">
      <svg id="b"><svg id="nested"></svg></svg>
      <canvas id="c"></canvas>
      <div id="d" style="background-image: url('https://a.example/bg.png')"></div>
      <div id="host"></div>
      <div data-pim-qr-placement="p1"><img id="marked-by-page"></div>
      <div data-pim-qr-ui="scan-highlight"><img id="hidden-by-page"></div>`;
    for (const attribute of [PLACEMENT_ATTRIBUTE, OWN_UI_ATTRIBUTE]) {
      const { host } = createHost(document, attribute, 'ours');
      host.append(Object.assign(document.createElement('img'), { id: 'ours' }));
      document.body.append(host);
    }
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<img id="e" src="data:,">';
    const { candidates, crossOriginFrames } = findCandidates(window);
    const found = candidates.map((c) => [c.element.id, c.kind, c.place, c.url ?? '']);
    expect(found).toEqual([
      ['a', 'img', 'page', ''],
      ['b', 'svg', 'page', ''],
      ['c', 'canvas', 'page', ''],
      ['d', 'background', 'page', 'https://a.example/bg.png'],
      ['e', 'img', 'shadow', ''],
      // The marker attributes alone do not make an element ours: a page can write them.
      ['marked-by-page', 'img', 'page', ''],
      ['hidden-by-page', 'img', 'page', ''],
    ]);
    expect(crossOriginFrames).toBe(0);
  });
});
