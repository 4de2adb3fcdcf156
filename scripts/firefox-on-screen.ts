// What Firefox shows inside closed shadow roots (placements, the picker, notices), found the way a
// screen reader finds it: by role and accessible name in Firefox's own accessibility tree. Neither
// page scripts nor puppeteer's selectors can enter a closed root, and Firefox's BiDi `locateNodes`
// does not either; the parent process can, since it holds every tab's accessibility tree. With
// `-remote-allow-system-access` (the launcher passes it) WebDriver BiDi runs a function there, in
// the browser window's chrome scope, which nothing in the page can reach. Tests then use the real
// mouse and keyboard at the positions found, so every action is trusted input, as a person's is.
// The Chromium suite does the same over the DevTools protocol (test/e2e/on-screen.ts).
import type { Browser, Page } from 'puppeteer-core';
import { waitUntil } from './firefox-ui';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OnScreen {
  name: string;
  /** In CSS px of the page's viewport, as puppeteer's mouse takes them. */
  box: Box;
  /** A slider's or text field's value ('' for none). */
  value: string;
  pressed: boolean;
  focused: boolean;
}

interface BidiLink {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface CallResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

/**
 * Runs in Firefox's parent process (chrome scope; Cc, Ci and ChromeUtils are its globals): every
 * accessible of the tab with this BiDi context id whose computed role is `role` ('text' for text
 * runs), or null while the tab's tree is not there yet. Boxes are relative to the tab's viewport.
 */
const READ_TREE = `(contextId, role) => {
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const browser = NavigableManager.getBrowsingContextById(contextId)?.top.embedderElement;
  if (!browser) throw new Error('no tab for browsing context ' + contextId);
  const service = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
  const documentAccessible = service.getAccessibleFor(browser)?.firstChild;
  if (!documentAccessible) return null;
  const bounds = (accessible) => {
    const x = {}, y = {}, width = {}, height = {};
    accessible.getBoundsInCSSPixels(x, y, width, height);
    return { x: x.value, y: y.value, width: width.value, height: height.value };
  };
  const viewport = bounds(documentAccessible);
  const states = Ci.nsIAccessibleStates;
  const found = [];
  const visit = (accessible) => {
    const matches = role === 'text' ? service.getStringRole(accessible.role) === 'text leaf' : accessible.computedARIARole === role;
    if (matches) {
      const state = {}, extra = {};
      accessible.getState(state, extra);
      const box = bounds(accessible);
      if (!(state.value & states.STATE_INVISIBLE) && box.width > 0 && box.height > 0) {
        found.push({
          name: accessible.name ?? '',
          box: { x: box.x - viewport.x, y: box.y - viewport.y, width: box.width, height: box.height },
          value: accessible.value ?? '',
          pressed: (state.value & states.STATE_PRESSED) !== 0,
          focused: (state.value & states.STATE_FOCUSED) !== 0,
        });
      }
    }
    for (let child = accessible.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(documentAccessible);
  return JSON.stringify(found);
}`;

const chromeScopes = new WeakMap<Browser, Promise<string>>();

/** The page's top-level BiDi browsing context: puppeteer keeps it as the main frame's id. */
function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

function bidi(browser: Browser): BidiLink {
  return (browser as unknown as { connection: BidiLink }).connection;
}

/** The BiDi context of the browser window itself (chrome scope), where READ_TREE runs. */
function chromeScope(browser: Browser): Promise<string> {
  let scope = chromeScopes.get(browser);
  if (!scope) {
    scope = bidi(browser)
      .send('browsingContext.getTree', { 'moz:scope': 'chrome' })
      .then(({ result }) => {
        const window = (result as { contexts: { context: string; url: string }[] }).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
        if (!window) throw new Error('[firefox] no browser window in chrome scope: was Firefox started with -remote-allow-system-access?');
        return window.context;
      });
    chromeScopes.set(browser, scope);
  }
  return scope;
}

/**
 * Starts Firefox's accessibility service in the parent process, before any page opens, and keeps it
 * until the browser closes. Started only by the first READ_TREE, mid-test, it turns on mirroring of
 * every content process's trees to the parent while pages there are open and being queried by
 * role() (BiDi `locateNodes`, which runs in the content process); now and then an extension page
 * opened in that moment got no tree in the parent, and its own tree stopped updating: role()
 * then found nothing added to the page afterwards, not even a new button. The service lives for
 * as long as something holds it, hence the window property.
 */
export async function keepAccessibilityOn(browser: Browser): Promise<void> {
  const reply = (await bidi(browser).send('script.callFunction', {
    functionDeclaration: `() => {
      window.pimQrAccessibility = Cc['@mozilla.org/accessibilityService;1'].getService(Ci.nsIAccessibilityService);
    }`,
    arguments: [],
    target: { context: await chromeScope(browser) },
    awaitPromise: false,
  })) as { result: CallResult };
  if (reply.result.type === 'exception') throw new Error(`[firefox] starting accessibility failed: ${reply.result.exceptionDetails?.text ?? 'unknown error'}`);
}

/**
 * Everything shown in the page with this ARIA role (Firefox's computed one, so 'image' for img;
 * 'text' for runs of text) whose name matches. Hidden things are not in the tree, as a person would
 * not see them; an empty list also while Firefox is still building the tab's tree.
 */
export async function findOnScreen(page: Page, role: string, name?: string | RegExp): Promise<OnScreen[]> {
  const reply = (await bidi(page.browser()).send('script.callFunction', {
    functionDeclaration: READ_TREE,
    arguments: [
      { type: 'string', value: contextId(page) },
      { type: 'string', value: role },
    ],
    target: { context: await chromeScope(page.browser()) },
    awaitPromise: false,
  })) as { result: CallResult };
  const call = reply.result;
  if (call.type === 'exception') throw new Error(`[firefox] reading the accessibility tree failed: ${call.exceptionDetails?.text ?? 'unknown error'}`);
  if (call.result?.type !== 'string') return [];
  const all = JSON.parse(String(call.result.value)) as OnScreen[];
  return all.filter((found) => name === undefined || (typeof name === 'string' ? found.name === name : name.test(found.name)));
}

/** Waits until exactly one such thing is shown, and returns it. */
export async function onScreen(page: Page, role: string, name?: string | RegExp, timeoutMs?: number): Promise<OnScreen> {
  let last = 0;
  try {
    return await waitUntil(
      `one ${role} named ${String(name)} on screen`,
      async () => {
        const all = await findOnScreen(page, role, name);
        last = all.length;
        return all.length === 1 ? all[0] : undefined;
      },
      timeoutMs === undefined ? {} : { timeoutMs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message} (last seen: ${last})`, { cause: error });
  }
}

/** Text drawn anywhere in the page, closed shadow roots included. */
export function textOnScreen(page: Page, text: RegExp): Promise<OnScreen[]> {
  return findOnScreen(page, 'text', text);
}

/** Waits until the text is shown exactly `times` times. */
export async function waitForTextOnScreen(page: Page, text: RegExp, times = 1): Promise<void> {
  await waitUntil(`text ${String(text)} shown ${times} time(s)`, async () => ((await textOnScreen(page, text)).length === times ? true : undefined));
}

export const centre = (box: Box): { x: number; y: number } => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** Moves the real mouse to the one control with this role and name and clicks it. */
export async function clickOnScreen(page: Page, role: string, name: string | RegExp): Promise<void> {
  const { x, y } = centre((await onScreen(page, role, name)).box);
  await page.mouse.click(x, y);
}

/**
 * Runs the add-on's toolbar action on the tab of `page` as a click on its toolbar button does, with the
 * tab in front: Firefox's own triggerAction (what the button and the add-on's shortcut run) grants
 * activeTab for that tab and opens the popup in that window.
 */
export async function clickToolbarButton(page: Page, addonId: string): Promise<void> {
  await page.bringToFront();
  const reply = (await bidi(page.browser()).send('script.callFunction', {
    functionDeclaration: `async (contextId, addonId) => {
      const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tabWindow = NavigableManager.getBrowsingContextById(contextId)?.top.embedderElement?.ownerDocument?.defaultView;
      const extension = ExtensionParent.GlobalManager.getExtension(addonId);
      if (!tabWindow) throw new Error('no window shows the tab of browsing context ' + contextId);
      if (!extension) throw new Error('no add-on ' + addonId);
      await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(tabWindow);
    }`,
    arguments: [
      { type: 'string', value: contextId(page) },
      { type: 'string', value: addonId },
    ],
    target: { context: await chromeScope(page.browser()) },
    awaitPromise: true,
  })) as { result: CallResult };
  if (reply.result.type === 'exception') throw new Error(`[firefox] the toolbar action failed: ${reply.result.exceptionDetails?.text ?? 'unknown error'}`);
}
