// How the last "Pick an element" of each tab went, so the popup and the side panel can say it after
// the click in the page: the toolbar popup closes when the person clicks there, and a popup opened
// again on that tab must still see where the QR went. storage.session, because the worker may stop
// between the pick and the next view, and because none of it outlives the browser session.
import { isPlainErrorCode, type PlainErrorCode } from '../core/error-codes';
import { storedItem } from '../core/storage-item';
import type { KeyValueStore } from '../core/storage-port';
import { ID_MAX_CHARS, TEXT_MAX_CHARS } from '../shared/limits';
import { pageAddress } from '../shared/page-address';
import { PLACEMENT_MODES, type PickOutcome } from '../shared/placement-messages';
import { isSelector } from '../shared/placement-shapes';
import { STORAGE_KEYS } from '../shared/storage-keys';

/** One line per tab; tabs that are long gone without a close event fall off the end. */
export const MAX_LAST_PICKS = 20;

export interface LastPick {
  tabId: number;
  /** The page the pick belongs to (origin + path for web pages), '' while the tab's address is not known. */
  page: string;
  outcome: PickOutcome;
}

export type PickEnd = { state: 'placed'; selector: string } | { state: 'cancelled' } | { state: 'failed'; code: PlainErrorCode };

export interface LastPicks {
  /** A pick began in the tab: it replaces whatever the tab's last pick was. */
  started(tabId: number, page: string, outcome: Extract<PickOutcome, { state: 'picking' }>): Promise<void>;
  /**
   * The pick the tab is waiting for ended: placed, cancelled or failed, on the page the browser says the
   * content script is on. False when the tab waits for no pick of that id.
   */
  ended(tabId: number, page: string, id: string, end: PickEnd): Promise<boolean>;
  /** The tab's last pick, unless the tab shows another page by now (`url`: its address, when known). */
  of(tabId: number, url?: string): Promise<PickOutcome | null>;
  /** The tab closed, or left its page: a new document loaded (`url` absent), or its address changed. */
  forget(tabId: number, url?: string): Promise<void>;
}

/** What a pick's page is compared by: origin + path for web pages, the address without query or fragment for others. */
export function pickPage(url: string): string {
  const address = pageAddress(url);
  if (address) return address.page;
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

const samePage = (line: LastPick, url: string | undefined) => url === undefined || line.page === '' || line.page === pickPage(url);

export function createLastPicks(session: KeyValueStore): LastPicks {
  const item = storedItem<LastPick[]>(session, {
    key: STORAGE_KEYS.lastPicks,
    parse: (stored) => (Array.isArray(stored) ? stored.filter(isLastPick) : []),
    cap: (lines) => lines.slice(-MAX_LAST_PICKS),
  });
  const others = (lines: LastPick[], tabId: number) => lines.filter((line) => line.tabId !== tabId);

  return {
    started: (tabId, page, outcome) => item.change((lines, writer) => writer.write([...others(lines, tabId), { tabId, page, outcome }])),
    ended: (tabId, page, id, end) =>
      item.change(async (lines, writer) => {
        const line = lines.find((l) => l.tabId === tabId);
        if (line?.outcome.state !== 'picking' || line.outcome.id !== id) return false;
        await writer.write([...others(lines, tabId), { tabId, page, outcome: { id, mode: line.outcome.mode, ...end } }]);
        return true;
      }),
    of: async (tabId, url) => {
      const line = (await item.read()).find((l) => l.tabId === tabId);
      return line && samePage(line, url) ? line.outcome : null;
    },
    forget: (tabId, url) =>
      item.change(async (lines, writer) => {
        const line = lines.find((l) => l.tabId === tabId);
        if (!line || (url !== undefined && samePage(line, url))) return;
        await writer.write(others(lines, tabId));
      }),
  };
}

function isLastPick(value: unknown): value is LastPick {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.tabId === 'number' && Number.isSafeInteger(v.tabId) && typeof v.page === 'string' && v.page.length <= TEXT_MAX_CHARS && isOutcome(v.outcome)
  );
}

function isOutcome(value: unknown): value is PickOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id.length > ID_MAX_CHARS) return false;
  if (typeof v.mode !== 'string' || !(PLACEMENT_MODES as readonly string[]).includes(v.mode)) return false;
  if (v.state === 'placed') return isSelector(v.selector);
  if (v.state === 'failed') return isPlainErrorCode(v.code);
  return v.state === 'picking' || v.state === 'cancelled';
}
