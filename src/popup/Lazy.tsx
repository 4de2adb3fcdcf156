// A part of the popup that arrives when it is first shown, not with the popup: what draws it is
// loaded then, so the popup's first load stays small.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function Lazy({ load }: { load: () => Promise<ComponentType> }) {
  const [Body, setBody] = useState<ComponentType | null>(null);
  useEffect(() => {
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
