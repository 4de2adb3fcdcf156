// A part of the popup that arrives when it is first shown, not with the popup: what draws it is
// loaded then, so the popup's first load stays small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LazyPart } from './lazy-part';

export function Lazy({ load }: { load: LazyPart<ComponentType> }) {
  // Loaded already: drawn in this render. If not, the load starts now, not after the next frame.
  const [Body, setBody] = useState<ComponentType | undefined>(() => load.now() ?? void load().catch(() => undefined));
  useEffect(() => {
    if (Body) return;
    let current = true;
    load()
      .then((component) => current && setBody(() => component))
      .catch((e: unknown) => console.warn('[popup] section not loaded', e));
    return () => {
      current = false;
    };
  }, [load]);
  return Body ? <Body /> : null;
}

/** Fetches parts the popup will show later once it is idle after its first paint; a failure shows when the part is used. */
export function fetchWhenIdle(loads: readonly (() => Promise<unknown>)[]): void {
  const fetchAll = () => void Promise.all(loads.map((load) => load())).catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fetchAll, { timeout: 1000 });
  else setTimeout(fetchAll, 200);
}
