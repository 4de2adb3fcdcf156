import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A part of the popup few sessions need, loaded when it is first shown rather than with the popup. */
export function Lazy({ load }: { load: () => Promise<ComponentType> }) {
  const [Body, setBody] = useState<ComponentType | null>(null);
  useEffect(() => {
    let current = true;
    load()
      .then((component) => current && setBody(() => component))
      .catch((e: unknown) => console.warn('[popup] part not loaded', e));
    return () => {
      current = false;
    };
  }, [load]);
  return Body ? <Body /> : null;
}
