// Injecting the content script twice (executeScript again, or executeScript on a site that also has
// the remembered-placements script) must leave exactly one controller in the page.

export interface Installable {
  /** False once the extension was reloaded or updated: this copy can no longer reach the background. */
  alive(): boolean;
  dispose(): void;
}

export const CONTROLLER_KEY = Symbol.for('pim-qr.controller');

/** The controller already installed in this isolated world, or a new one from `create`. */
export function installOnce<T extends Installable>(scope: object, create: () => T): { controller: T; created: boolean } {
  const slot = scope as Record<symbol, T | undefined>;
  const existing = slot[CONTROLLER_KEY];
  if (existing?.alive()) return { controller: existing, created: false };
  existing?.dispose();
  const controller = create();
  Object.defineProperty(scope, CONTROLLER_KEY, { value: controller, configurable: true, enumerable: false, writable: true });
  return { controller, created: true };
}
