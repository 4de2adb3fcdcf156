// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pathUnits, qrGeometry, transformScale } from '../../../src/content/qr-modules';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';
import QRCode from 'qrcode';

function parse(markup: string): Element {
  return new DOMParser().parseFromString(markup.replace(/^<\?xml[^>]*>\s*/, ''), 'image/svg+xml').documentElement;
}

const params = { redirect: 1, title: 'Log in', description: 'Scan it', attributes: ['Email'], width: 400, height: 400 };

describe('qrGeometry', () => {
  it('reads the module size of a sandbox QR from its path transform', () => {
    const svg = renderSandboxSvg(params);
    const scale = Number(/scale\(([\d.]+)\)/.exec(svg)?.[1]);
    const geometry = qrGeometry(parse(svg));
    expect(geometry.viewBox).toEqual({ width: 400, height: 400 });
    expect(geometry.moduleUnits).toBeCloseTo(scale, 4);
  });

  it('agrees with the QR version: the QR side divided by its modules plus quiet zone', () => {
    const svg = renderSandboxSvg({ ...params, width: 300, height: 300 });
    const { modules } = QRCode.create('https://sandbox.pim.invalid/r/1?attributes=Email', { errorCorrectionLevel: 'M' });
    const geometry = qrGeometry(parse(svg));
    const scale = Number(/scale\(([\d.]+)\)/.exec(svg)?.[1]);
    expect(geometry.moduleUnits).toBeCloseTo(scale, 4);
    expect((geometry.moduleUnits ?? 0) * (modules.size + 8)).toBeLessThanOrEqual(300.01);
  });

  it('reads a QR drawn as equal squares', () => {
    const rects = Array.from({ length: 30 }, (_, i) => `<rect x="${i * 3}" y="0" width="3" height="3"/>`).join('');
    const svg = parse(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 99 99"><rect width="99" height="99" fill="#fff"/>${rects}</svg>`);
    expect(qrGeometry(svg).moduleUnits).toBe(3);
  });

  it('multiplies transforms of enclosing groups', () => {
    const d = Array.from({ length: 25 }, (_, i) => `M${i * 2} 0h1v1h-1z`).join('');
    const svg = parse(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g transform="scale(2)"><path transform="scale(1.5)" d="${d}"/></g></svg>`);
    expect(qrGeometry(svg).moduleUnits).toBeCloseTo(3);
  });

  it('finds no module in a logo or a blank image', () => {
    expect(qrGeometry(parse('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10h-10z"/></svg>')).moduleUnits).toBeUndefined();
    expect(qrGeometry(parse('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({});
  });
});

describe('pathUnits', () => {
  it.each([
    ['relative runs', 'M4 4h3v1h-3z M9 4h1v1h-1z', 1, 2],
    ['absolute lines', 'M0 0H2V2H0Z M4 0 L6 0 L6 2 L4 2 Z', 2, 2],
    ['implicit lineto after moveto', 'M0 0 0.5 0 0.5 0.5z', 0.5, 1],
    ['a curve stops the walk', 'M0 0h4c1 1 2 2 3 3', 4, 1],
  ])('%s', (_name, d, shortest, pieces) => {
    expect(pathUnits(d)).toEqual({ shortest, pieces });
  });
});

describe('transformScale', () => {
  it.each([
    ['', 1],
    ['translate(10 20) scale(2.5)', 2.5],
    ['scale(2) scale(3)', 6],
    ['matrix(0 2 -2 0 0 0)', 2],
    ['scale(0)', 1],
  ])('%s → %s', (transform, expected) => {
    const element = parse(`<svg xmlns="http://www.w3.org/2000/svg"><g transform="${transform}"/></svg>`).firstElementChild as Element;
    expect(transformScale(element)).toBeCloseTo(expected);
  });
});
