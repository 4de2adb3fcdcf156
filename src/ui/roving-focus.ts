/**
 * Where a key moves focus in a composite widget of `count` items that is one tab stop (a roving
 * tabindex): the arrows step one item either way and wrap round, Home and End go to the ends.
 * Undefined for any other key, which the widget then leaves to the browser.
 */
export function rovingTarget(key: string, index: number, count: number): number | undefined {
  if (count < 1) return undefined;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (index + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
