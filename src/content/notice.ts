// A short message at the bottom of the page (for the context menu, which has no popup to answer in).
import { ownElement } from './own-elements';
import { adoptStyles, createHost, forceStyles, OWN_UI_ATTRIBUTE } from '../shared/own-host';
import { NOTICE_CSS } from './placement-style';

export function showNotice(text: string, win: Window = window, ms = 6000): void {
  const doc = win.document;
  doc.querySelector(`[${OWN_UI_ATTRIBUTE}="notice"]`)?.remove();
  const { host, root } = createHost(doc, OWN_UI_ATTRIBUTE, 'notice');
  forceStyles(host, { position: 'fixed', inset: 'auto 0 0 0', 'z-index': '2147483647', display: 'block', 'pointer-events': 'none' });
  adoptStyles(root, NOTICE_CSS);
  const box = ownElement(doc, 'div', 'notice', { role: 'status' });
  box.textContent = text;
  root.append(box);
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), ms);
}
