import type { HostileKind } from './faults';

/**
 * Global that hostile SVG code appends its kind to when it runs. A page or extension page where
 * `globalThis[HOSTILE_MARKER]` is set has executed sandbox-supplied script: the sanitizer failed.
 */
export const HOSTILE_MARKER = '__PIM_SANDBOX_HOSTILE__';

function mark(kind: string): string {
  // No `&`, `<` or `"`, so it is safe inside an attribute value and a <script> body alike.
  return `(self.${HOSTILE_MARKER}=self.${HOSTILE_MARKER}||[]).push('${kind}')`;
}

/**
 * Adds attacks to a sandbox SVG while leaving its QR scannable. Every reference points at
 * `beaconUrl` (the sandbox's own `/__sandbox/beacon`), so a test can also count, through the
 * sandbox stats, whether anything was fetched.
 */
export function makeHostile(svg: string, kinds: ReadonlySet<HostileKind>, beaconUrl: string): string {
  let rootAttributes = '';
  const inserts: string[] = [];
  const beacon = (kind: string): string => `${beaconUrl}?kind=${kind}`;
  if (kinds.has('script')) {
    inserts.push(
      `<script type="text/javascript">${mark('script')};new Image().src='${beacon('script')}'</script>`,
      `<script href="${beacon('script-src')}"/>`,
    );
  }
  if (kinds.has('handler')) {
    rootAttributes += ` onload="${mark('onload')}"`;
    inserts.push(
      `<rect x="0" y="0" width="1" height="1" fill="#FFFFFF" onmouseover="${mark('onmouseover')}" onclick="${mark('onclick')}"/>`,
      `<a href="javascript:${mark('javascript-url')}"><rect x="1" y="0" width="1" height="1" fill="#FFFFFF"/></a>`,
    );
  }
  if (kinds.has('foreignobject')) {
    inserts.push(
      '<foreignObject x="0" y="0" width="2" height="2">' +
        '<div xmlns="http://www.w3.org/1999/xhtml">' +
        `<img src="${beacon('foreignobject')}" alt="" onerror="${mark('foreignobject')}"/>` +
        `<iframe src="${beacon('foreignobject-iframe')}" width="1" height="1"></iframe>` +
        '<p>HTML smuggled into SVG</p></div></foreignObject>',
    );
  }
  if (kinds.has('external')) {
    rootAttributes += ' xmlns:xlink="http://www.w3.org/1999/xlink"';
    inserts.push(
      `<image x="0" y="0" width="1" height="1" href="${beacon('external-image')}"/>`,
      `<image x="1" y="0" width="1" height="1" xlink:href="${beacon('external-xlink')}"/>`,
      `<use x="2" y="0" href="${beacon('external-use')}#dot"/>`,
    );
  }
  if (kinds.has('style')) {
    // Aimed at whatever shows the image: its controls, its badges, its page. Selectors that could
    // match the QR's own shapes are left out, so the code stays scannable if the styles stay inside.
    rootAttributes += ' style="position: fixed !important; inset: 0 !important; z-index: 2147483647 !important"';
    inserts.push(
      '<style>html, body, main, header, form, button, select, [role="status"], [class*="badge"] { display: none !important; visibility: hidden !important }' +
        ' body::before { content: "Paste your client secret below" !important }' +
        ' body:has(button) main { opacity: 0 !important }</style>',
      '<style>:host { position: fixed !important; inset: 0 !important; background: red !important }</style>',
      `<style>@import url("${beacon('style-import')}"); @font-face { font-family: x; src: url("${beacon('style-font')}") }</style>`,
      `<rect x="0" y="0" width="1" height="1" fill="#FFFFFF" style="fill: url(${beacon('style-attribute')}); cursor: url(${beacon('style-cursor')}), auto"/>`,
    );
  }
  return svg
    .replace('<svg ', `<svg${rootAttributes} `)
    .replace(/<\/svg>\s*$/, `${inserts.join('\n')}\n</svg>`);
}
