// What the placement shell (../placement.ts) asks of each way a QR can sit in the page. The shell owns
// the host, its closed shadow root, the toolbar, the scannability badge and the one AbortController
// of the placement; a mode owns where the host goes, what it takes from the page there, and whether
// the page has since undone it. A mode registers every listener with `signal`, so removing the
// placement removes them all.
import type { PinSpec, PlacedInfo, PlacementSpec, Point, Size } from '../../shared/placement-messages';
import { DEFAULT_SIDE, initialSize } from '../placement-geometry';
import type { UserFocus } from '../trusted-input';

/** What the person changed, for a remembered placement to be saved with. */
export interface PlacementChange {
  position?: Point;
  size?: Size;
  opacity?: number;
  pin?: PinSpec | null;
}

export interface Mode {
  /** Sizes the host and puts it into the page. */
  mount(): void;
  /** False once the page removed the host or re-rendered the element it belongs to. */
  isIntact(): boolean;
  /** Where the QR ended up, as the popup shows it and a remembered placement keeps it. */
  info(): PlacedInfo;
  /** Follows the page after it scrolled, resized or changed, for a mode that moves with it. */
  refresh?(): void;
  /** Takes the host out of the page and gives back what `mount` took. */
  restore(): void;
}

export interface ModeContext {
  readonly win: Window;
  readonly host: HTMLElement;
  /** The host's closed shadow root: only it can tell that a control inside has the focus. */
  readonly root: ShadowRoot;
  readonly frame: HTMLElement;
  readonly toolbar: HTMLElement;
  /** The placement as it is now; modes write the size, position and pin they settle on. */
  readonly state: PlacementSpec;
  /** The size the image asks for, if it says. */
  readonly natural: Size | undefined;
  readonly signal: AbortSignal;
  readonly userFocus: UserFocus;
  /** Checks scannability again (after a move, resize or fade), and lays the panels out anew. */
  measure(): void;
  /** Puts the toolbar and the badge beside the QR where it is now (while it is being moved, say). */
  placePanels(): void;
  /** The person changed the placement: a remembered one is saved. */
  changed(change: PlacementChange): void;
}

export type ModeFactory = (context: ModeContext, target: Element) => Mode;

export const sizeOf = (state: PlacementSpec): Size => state.size ?? { width: DEFAULT_SIDE, height: DEFAULT_SIDE };

export const viewport = (win: Window): Size => ({ width: win.innerWidth, height: win.innerHeight });

/** The size for an image with nothing in the page to size it by. */
export const fallbackSize = (context: ModeContext): Size => initialSize(context.natural, viewport(context.win));
