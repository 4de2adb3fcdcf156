// Injecting a script of ours twice (executeScript again, or executeScript on a site that also has
// the remembered-placements script) must leave exactly one controller of it in the page.

export interface Installable {
  /** False once the extension was reloaded or updated: this copy can no longer reach the background. */
  alive(): boolean;
  dispose(): void;
}

export const CONTROLLER_KEY = Symbol.for('pim-qr.controller');
export const SCANNER_KEY = Symbol.for('pim-qr.scanner');
/** Names (with Symbol.for) where the worker leaves the first message for a script it injects. */
export const FIRST_MESSAGE_KEY = 'pim-qr.first-message';

/** The controller already installed in this isolated world, or a new one from `create`. */
export function installOnce<T extends Installable>(scope: object, create: () => T, key = CONTROLLER_KEY): { controller: T; created: boolean } {
  const slot = scope as Record<symbol, T | undefined>;
  const existing = slot[key];
  if (existing?.alive()) return { controller: existing, created: false };
  existing?.dispose();
  const controller = create();
  Object.defineProperty(scope, key, { value: controller, configurable: true, enumerable: false, writable: true });
  return { controller, created: true };
}
