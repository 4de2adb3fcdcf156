// A short CSS selector that finds the picked element again after a reload or a re-render: a stable
// id or test attribute when there is one, otherwise a tag/class path with :nth-of-type where needed.

const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-cy', 'name', 'aria-label'];
/** Framework-generated ids and classes change between renders; they make selectors that break. */
const GENERATED = /\d{3,}|^(ember|react|ng-|radix-|headlessui-|mui-|rc-|css-|sc-|jsx-|svelte-)|^:|[:_]{2}/i;

export function escapeCss(value: string): string {
  if (typeof CSS !== 'undefined' && typeof CSS.escape === 'function') return CSS.escape(value);
  return value.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c.codePointAt(0)?.toString(16) ?? ''} `).replace(/^(\d)/, '\\3$1 ');
}

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

function segment(element: Element): string {
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

export function cssSelectorFor(element: Element): string {
  const root = element.ownerDocument;
  if (element === root.documentElement) return 'html';
  if (element === root.body) return 'body';
  if (element.id && isStableName(element.id) && uniqueIn(root, `#${escapeCss(element.id)}`, element)) {
    return `#${escapeCss(element.id)}`;
  }
  for (const name of TEST_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value && value.length <= 80) {
      const selector = `${element.localName}[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
      if (uniqueIn(root, selector, element)) return selector;
    }
  }
  const parts: string[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (current === root.body || current === root.documentElement) {
      parts.unshift(current.localName);
      break;
    }
    if (current !== element && current.id && isStableName(current.id) && uniqueIn(root, `#${escapeCss(current.id)}`, current)) {
      parts.unshift(`#${escapeCss(current.id)}`);
      break;
    }
    parts.unshift(segment(current));
    const candidate = parts.join(' > ');
    if (uniqueIn(root, candidate, element)) return candidate;
  }
  return parts.join(' > ');
}
