// Placing QR codes in tabs and remembering them per page, with every browser call behind a port:
// what the popup asks (tab-placements.ts) and what content scripts report (placement-reports.ts).
import type { PlainErrorCode } from '../core/error-codes';
import type { ContentScriptFacts } from './sender';
import type { PlacedInfo, PlacementChange, PlacementSpec, PlaceRequest, PlaceResult, RememberedPlacementList } from '../shared/placement-messages';
import type { LastPicks } from './last-picks';
import type { PendingPicks } from './pending-picks';
import { createPlacementReports } from './placement-reports';
import type { PlacementStore, RememberedPlacement } from './placement-store';
import { createTabPlacements, setupPlacements } from './tab-placements';
import type { TabPort } from './tab-access';

export interface PlacementDeps {
  store: PlacementStore;
  tabs: TabPort;
  picks: PendingPicks;
  lastPicks: LastPicks;
  hasHostPermission: (pattern: string) => Promise<boolean>;
  /** Re-registers the restoring content script for the remembered origins. */
  syncScripts: () => Promise<unknown>;
  newId: () => string;
  now: () => number;
}

export interface TabPlacements {
  place(order: PlaceRequest): Promise<PlaceResult>;
  list(tabId?: number): Promise<RememberedPlacementList>;
  /** Every remembered placement, of every site: what a set-up file carries. */
  all(): Promise<RememberedPlacement[]>;
  /** Remembers a placement from a set-up file unless one with its id is already remembered. */
  take(placement: RememberedPlacement): Promise<{ taken: boolean }>;
  forget(id: string, tabId?: number): Promise<RememberedPlacementList>;
  forgetPage(tabId?: number): Promise<RememberedPlacementList>;
}

/** Each call names the content script as the browser does (`sender`) and the page it says it is on (`url`). */
export interface PlacementReports {
  restore(sender: ContentScriptFacts, url: string): Promise<PlacementSpec[]>;
  /** Records where the pick went (every pick), and remembers the placement when the popup asked to. */
  picked(sender: ContentScriptFacts, url: string, pick: { placementId: string; selector: string; info: PlacedInfo }): Promise<boolean>;
  /** The person cancelled the pick with Esc. */
  pickCancelled(sender: ContentScriptFacts, placementId: string): Promise<boolean>;
  /** The person chose an element the QR could not go on; `code` says why. */
  pickFailed(sender: ContentScriptFacts, placementId: string, code: PlainErrorCode): Promise<boolean>;
  update(sender: ContentScriptFacts, url: string, id: string, change: PlacementChange): Promise<boolean>;
  removedByUser(sender: ContentScriptFacts, url: string, id: string): Promise<boolean>;
}

export type PlacementService = TabPlacements & PlacementReports;

export function createPlacementService(deps: PlacementDeps): PlacementService {
  return { ...createTabPlacements(deps), ...setupPlacements(deps), ...createPlacementReports(deps) };
}
