// Which page a remembered placement belongs to: origin + path, without query or fragment, so
// "?session=…" or "#step2" on the same page still shows it.

export interface PageAddress {
  /** "https://example.com" (with the port when it is not the default). */
  origin: string;
  /** "/login": no trailing slash except for the root. */
  path: string;
  /** origin + path: the key a placement is stored under. */
  page: string;
}

/** Only web pages can be remembered: the browser offers no host permission for other schemes. */
export function pageAddress(url: string | undefined): PageAddress | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  const origin = `${parsed.protocol}//${parsed.host}`;
  const path = normalizePath(parsed.pathname);
  return { origin, path, page: `${origin}${path}` };
}

/**
 * Whether the page a tab shows now is still the one an order was made for: the whole address but
 * its fragment, so a navigation to another page, query or origin counts as a different page, while a
 * jump to an anchor does not. A single-page app that moved with pushState has a new address too; the
 * worker reads the tab's address as it sends the order, so only a move during those milliseconds is
 * refused, and the user just tries again.
 */
export function isSamePageAddress(ordered: string, current: string): boolean {
  try {
    // '#' against an address is that address with an empty fragment.
    return new URL('#', ordered).href === new URL('#', current).href;
  } catch {
    return false;
  }
}

export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * The match pattern the popup requests and the dynamic content script runs on for one origin. It
 * names the host without the port: Firefox does not support ports in match patterns (one with a
 * port matches nothing, so the site could never be granted), and in Chrome a pattern without a
 * port covers every port of the host. Placements stay keyed by the full origin.
 */
export function originMatchPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
