// Placements, the picker and notices draw inside closed shadow roots: page scripts cannot open them,
// and Playwright's locators do not enter them either. Tests find what is drawn there the way a person
// with a screen reader does, by role and accessible name in the browser's accessibility tree, read over
// the DevTools protocol (which nothing in the page can reach); then they use the real mouse and
// keyboard at the positions found, so every action is trusted input, as a person's would be.
import type { CDPSession, Page } from '@playwright/test';
import { expect } from './harness';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OnScreen {
  name: string;
  box: Box;
  /** Accessibility properties such as pressed, valuetext or focused, as strings. */
  properties: Record<string, string>;
}

interface AxValue {
  value?: unknown;
}

interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  properties?: { name: string; value: AxValue }[];
  backendDOMNodeId?: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

async function boxOf(cdp: CDPSession, backendNodeId: number): Promise<Box | undefined> {
  const reply = await cdp.send('DOM.getContentQuads', { backendNodeId }).catch(() => undefined);
  const quad = reply?.quads[0];
  if (!quad) return undefined;
  const xs = [quad[0], quad[2], quad[4], quad[6]] as number[];
  const ys = [quad[1], quad[3], quad[5], quad[7]] as number[];
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

/**
 * Everything shown with this role whose name matches, with its box. Hidden nodes (display: none,
 * visibility: hidden) are not in the tree, as a person would not see them.
 */
export async function findOnScreen(page: Page, role: string, name?: string | RegExp): Promise<OnScreen[]> {
  const cdp = await session(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const query = typeof name === 'string' ? { nodeId: root.nodeId, role, accessibleName: name } : { nodeId: root.nodeId, role };
  const { nodes } = (await cdp.send('Accessibility.queryAXTree', query)) as { nodes: AxNode[] };
  const found: OnScreen[] = [];
  for (const node of nodes) {
    const text = String(node.name?.value ?? '');
    if (node.ignored || node.backendDOMNodeId === undefined || (name instanceof RegExp && !name.test(text))) continue;
    const box = await boxOf(cdp, node.backendDOMNodeId);
    if (!box || box.width === 0 || box.height === 0) continue;
    const properties: Record<string, string> = {};
    for (const property of node.properties ?? []) properties[property.name] = String(property.value.value);
    found.push({ name: text, box, properties });
  }
  return found;
}

/** Waits until exactly one such thing is shown, and returns it. */
export async function onScreen(page: Page, role: string, name?: string | RegExp): Promise<OnScreen> {
  let one: OnScreen | undefined;
  await expect
    .poll(async () => {
      const all = await findOnScreen(page, role, name);
      one = all.length === 1 ? all[0] : undefined;
      return all.length;
    }, { message: `one ${role} named ${String(name)} on screen` })
    .toBe(1);
  if (!one) throw new Error(`no ${role} named ${String(name)}`);
  return one;
}

/** Text drawn anywhere, shadow roots included. */
export function textOnScreen(page: Page, text: RegExp): Promise<OnScreen[]> {
  return findOnScreen(page, 'StaticText', text);
}

export async function expectTextOnScreen(page: Page, text: RegExp, count = 1): Promise<void> {
  await expect.poll(async () => (await textOnScreen(page, text)).length, { message: `text ${String(text)} shown ${count} time(s)` }).toBe(count);
}

export const centre = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Moves the real mouse to the control and clicks it. */
export async function clickOnScreen(page: Page, role: string, name: string | RegExp): Promise<void> {
  const { box } = await onScreen(page, role, name);
  const { x, y } = centre(box);
  await page.mouse.click(x, y);
}

/** A computed style of the one shown control, read over the DevTools protocol. */
export async function computedStyleOnScreen(page: Page, role: string, name: string, property: string): Promise<string | undefined> {
  const cdp = await session(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodes } = (await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, role, accessibleName: name })) as { nodes: AxNode[] };
  const backendNodeId = nodes.find((n) => !n.ignored)?.backendDOMNodeId;
  if (backendNodeId === undefined) return undefined;
  const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [backendNodeId] });
  await cdp.send('CSS.enable');
  const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: nodeIds[0] as number });
  return computedStyle.find((entry) => entry.name === property)?.value;
}
