import { compute } from 'compute-scroll-into-view';

/**
 * Scrolls what holds `element` just enough to show it whole, and not at all when it already shows.
 * Measured again after each scroll: a sticky box (the popup's result column) may be told at a stale
 * place until its scroller moves (Firefox), so the first scroll can stop short of the element.
 */
export function reveal(element: Element | null): void {
  for (let pass = 0; pass < 3 && element?.isConnected; pass++) {
    const actions = compute(element, { scrollMode: 'if-needed', block: 'nearest', inline: 'nearest' });
    if (actions.length === 0) return;
    for (const { el, top, left } of actions) el.scroll({ top, left });
  }
}
