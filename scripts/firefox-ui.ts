// Finding things in Firefox the way a person (or a screen reader) does: by role and accessible name,
// through Firefox's own accessibility tree (puppeteer's ::-p-aria over WebDriver BiDi). Used by the
// Firefox e2e suite, `npm run start:firefox` and the Firefox bench.
import type { ElementHandle, Page } from 'puppeteer-core';

type Scope = Page | ElementHandle;

/**
 * A selector for the element with this ARIA role and, when given, exactly this accessible name.
 * Roles are Firefox's computed ones: ARIA 1.3's `image` for what markup calls `img`.
 */
export function role(name: string, accessibleName?: string): string {
  if (name === 'img') throw new Error("Firefox computes role=img as 'image': use role('image', …)");
  if (accessibleName?.includes('"')) throw new Error(`accessible names with quotes cannot be matched: ${accessibleName}`);
  return `::-p-aria([role="${name}"]${accessibleName === undefined ? '' : `[name="${accessibleName}"]`})`;
}

/**
 * A selector for the form field labelled `label`, like Playwright's getByLabel: for fields without an
 * ARIA role (Firefox computes none for a password input), where `role` cannot find them.
 */
export function field(label: string): string {
  if (label.includes('"')) throw new Error(`accessible names with quotes cannot be matched: ${label}`);
  return `:is(input, textarea, select)::-p-aria([name="${label}"])`;
}

/**
 * The element once it is there and visible. (Firefox computes the accessibility tree for every
 * element an ARIA query visits, so each query costs a few hundred ms: one query per step, not the
 * several a puppeteer Locator makes.)
 */
export async function visible(scope: Scope, selector: string): Promise<ElementHandle> {
  const handle = await scope.waitForSelector(selector, { visible: true });
  if (!handle) throw new Error(`${selector} is not there`);
  return handle as ElementHandle;
}

async function withHandle<T>(scope: Scope, selector: string, use: (handle: ElementHandle) => Promise<T>): Promise<T> {
  const handle = await visible(scope, selector);
  try {
    return await use(handle);
  } finally {
    await handle.dispose();
  }
}

/** Clicks the middle of the element once it is visible. */
export async function click(scope: Scope, selector: string): Promise<void> {
  await withHandle(scope, selector, (handle) => handle.click());
}

/**
 * Replaces the text of a field as a person does: click into it, select everything, type. (puppeteer's
 * Locator.fill empties the field without an input event, so a prefilled field kept its old text.)
 */
export async function fill(page: Page, selector: string, text: string): Promise<void> {
  await click(page, selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** Chooses the option of a <select> whose visible text is `label`. */
export async function choose(scope: Scope, selector: string, label: string): Promise<void> {
  await withHandle(scope, selector, async (select) => {
    const value = await select.evaluate(
      (element, text) => [...(element as HTMLSelectElement).options].find((option) => option.text.trim() === text)?.value,
      label,
    );
    if (value === undefined) throw new Error(`no option "${label}" in ${selector}`);
    await select.select(value);
  });
}

/** The visible text of every element that matches now ('' for none), without waiting. */
export async function textOf(scope: Scope, selector: string): Promise<string> {
  const handles = await scope.$$(selector);
  try {
    const texts = await Promise.all(handles.map((handle) => handle.evaluate((element) => (element as HTMLElement).innerText)));
    return texts.join('\n');
  } finally {
    await Promise.all(handles.map((handle) => handle.dispose()));
  }
}

/** How many elements match now. */
export async function count(scope: Scope, selector: string): Promise<number> {
  const handles = await scope.$$(selector);
  await Promise.all(handles.map((handle) => handle.dispose()));
  return handles.length;
}

/** The form control's current value (or checked state for checkboxes and radios). */
export async function valueOf(scope: Scope, selector: string): Promise<string | boolean> {
  return withHandle(scope, selector, (handle) =>
    handle.evaluate((element) => {
      const input = element as HTMLInputElement;
      return input.type === 'checkbox' || input.type === 'radio' ? input.checked : input.value;
    }),
  );
}

/** An attribute of the element once it is visible (null when it has none). */
export async function attributeOf(scope: Scope, selector: string, name: string): Promise<string | null> {
  return withHandle(scope, selector, (handle) => handle.evaluate((element, attribute) => element.getAttribute(attribute), name));
}

/** Whether the page shows this text somewhere (innerText, so hidden text does not count). */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/**
 * Calls `check` until it returns a value other than undefined, and returns that; throws the last
 * error (or `what`) when `timeoutMs` passes first.
 */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs = 10_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
