import type { WatchStorage } from '../ui/live';
import type { FormDraft } from '../ui/qr-form-state';
import type { PopupSnapshot } from './snapshot';

/**
 * What the popup needs from the browser besides messaging. main.tsx passes the real ones
 * (browser-ports.ts); tests pass fakes.
 */
export interface PopupPorts {
  /** This view's own draft (draft.ts): other views keep theirs. */
  loadDraft(): Promise<unknown>;
  /** Undefined: the form is as the defaults have it, so the next view starts from the defaults of then. */
  saveDraft(draft: FormDraft | undefined): Promise<void>;
  /** What the first paint shows before the worker answers (snapshot.ts): unchecked, as stored. */
  loadSnapshot(): Promise<unknown>;
  saveSnapshot(snapshot: PopupSnapshot): Promise<void>;
  /** Storage changes made anywhere: the signal that keeps the view current (ui/live.ts). */
  watchStorage: WatchStorage;
  /**
   * Calls `listener` when "Insert into page" would now go to another page: for a view without a fixed
   * tab, another tab or window came to the front; for any view, the target tab started loading a page.
   */
  watchTargetTab(listener: () => void): void;
  openOptionsPage(): Promise<void>;
  copyText(text: string): Promise<void>;
  /** Puts a PNG on the clipboard; call it in the click, with the image still to come, so the browser allows it. */
  copyImage(png: Promise<Blob>): Promise<void>;
  download(blob: Blob, fileName: string): void;
  /** Absent where the browser has no side panel (Firefox). */
  openSidePanel?: () => Promise<void>;
  newRequestId(): string;
  /** The text the QR encodes, or null when it cannot be read back. Loads its decoder lazily. */
  decodeQr(svg: string, width: number, height: number): Promise<string | null>;
  /** A PNG of the SVG at this pixel size. Loads its rasterizer lazily. */
  renderPng(svg: string, width: number, height: number): Promise<Blob>;
  /**
   * Asks the user for a host permission (`https://example.com/*`); true when granted. Call it
   * synchronously in the click handler, before any await: browsers only ask within a user gesture.
   */
  requestHostPermission(pattern: string): Promise<boolean>;
  /** Closes this page (the toolbar popup), so the user can click in the web page below. */
  closeWindow(): void;
}
