// A short CSS selector that finds the picked element again after a reload or a re-render: a stable
// id or test attribute when there is one, otherwise a tag/class path with :nth-of-type where needed.
// It is kept (SELECTOR_MAX_CHARS) and shown to the person, so it stays within the cap and never
// carries a control or bidi character from the page.
import { hasControlCharacters } from '../core/control-characters';
import { SELECTOR_MAX_CHARS } from '../shared/limits';

const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'name', 'aria-label'];
/** Framework-generated ids and classes change between renders; they make selectors that break. */
const GENERATED = /\d{3,}|^(ember|react|ng-|radix-|headlessui-|mui-|rc-|css-|sc-|jsx-|svelte-)|^:|[:_]{2}/i;

export function escapeCss(value: string): string {
  if (typeof CSS !== 'undefined' && typeof CSS.escape === 'function') return CSS.escape(value);
  return value.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c.codePointAt(0)?.toString(16) ?? ''} `).replace(/^(\d)/, '\\3$1 ');
}

/** ASCII letters, digits, '_' and '-' only: no control or bidi character gets through. */
export function isStableName(value: string): boolean {
  return /^[A-Za-z][\w-]{0,63}$/.test(value) && !GENERATED.test(value);
}

function uniqueIn(root: ParentNode, selector: string, element: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/** One step of a path: the tag, up to two stable classes, and its place among like siblings when needed. */
function classSegment(element: Element): string {
  const tag = element.localName;
  const classes = Array.from(element.classList).filter(isStableName).slice(0, 2);
  let part = tag + classes.map((c) => `.${escapeCss(c)}`).join('');
  const parent = element.parentElement;
  if (parent) {
    const same = Array.from(parent.children).filter((sibling) => sibling.localName === tag);
    const matching = same.filter((sibling) => classes.every((c) => sibling.classList.contains(c)));
    if (matching.length > 1) part += `:nth-of-type(${same.indexOf(element) + 1})`;
  }
  return part;
}

/** The shortest step there is: the tag and its place among all siblings. */
function positionSegment(element: Element): string {
  const parent = element.parentElement;
  return parent ? `${element.localName}:nth-child(${Array.from(parent.children).indexOf(element) + 1})` : element.localName;
}

const hasStableId = (root: Document, element: Element) => element.id !== '' && isStableName(element.id) && uniqueIn(root, `#${escapeCss(element.id)}`, element);

/** A path from the nearest ancestor with a stable id (or the body), ending as soon as it is unique. */
function pathTo(element: Element, segment: (element: Element) => string): string {
  const root = element.ownerDocument;
  const parts: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current === root.body || current === root.documentElement) {
      parts.unshift(current.localName);
      break;
    }
    if (current !== element && hasStableId(root, current)) {
      parts.unshift(`#${escapeCss(current.id)}`);
      break;
    }
    parts.unshift(segment(current));
    const candidate = parts.join(' > ');
    if (uniqueIn(root, candidate, element)) return candidate;
  }
  return parts.join(' > ');
}

/** The element's selector, or undefined when even the shortest path is over SELECTOR_MAX_CHARS. */
export function cssSelectorFor(element: Element): string | undefined {
  const root = element.ownerDocument;
  if (element === root.documentElement) return 'html';
  if (element === root.body) return 'body';
  if (hasStableId(root, element)) return `#${escapeCss(element.id)}`;
  for (const name of TEST_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && value.length <= 80 && !hasControlCharacters(value)) {
      const selector = `${element.localName}[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
      if (uniqueIn(root, selector, element)) return selector;
    }
  }
  // Long class names over a deep tree make a long path: the positions alone are shorter.
  for (const segment of [classSegment, positionSegment]) {
    const path = pathTo(element, segment);
    if (path.length <= SELECTOR_MAX_CHARS) return path;
  }
  return undefined;
}
