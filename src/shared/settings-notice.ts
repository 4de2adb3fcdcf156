// What the worker tells the user once when it could not keep their stored settings: a code and the
// names involved, worded by the page that shows it.

/** A part of the stored settings that was dropped: a custom environment (by name, '' without one) or the form defaults. */
export type DroppedSetting = { environment: string } | { formDefaults: true } | { more: number };

/** The notice names at most this many; the rest are counted, so a damaged store cannot flood the popup. */
export const NOTICE_MAX_NAMED = 10;

export type SettingsNotice =
  | { code: 'settings-unreadable' | 'settings-from-newer-version' | 'settings-from-unknown-version' }
  | { code: 'settings-dropped'; dropped: DroppedSetting[] };

const RESETS: readonly string[] = ['settings-unreadable', 'settings-from-newer-version', 'settings-from-unknown-version'];

/** A stored notice as written by this version; anything else (an older version's sentence) is dropped. */
export function parseSettingsNotice(value: unknown): SettingsNotice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (RESETS.includes(v.code as string)) return { code: v.code as 'settings-unreadable' };
  if (v.code !== 'settings-dropped' || !Array.isArray(v.dropped)) return undefined;
  const dropped = v.dropped.flatMap((item: unknown): DroppedSetting[] => {
    if (typeof item !== 'object' || item === null) return [];
    const entry = item as Record<string, unknown>;
    if (typeof entry.environment === 'string') return [{ environment: entry.environment.slice(0, 200) }];
    return entry.formDefaults === true ? [{ formDefaults: true }] : [];
  });
  if (dropped.length === 0) return undefined;
  const named = dropped.slice(0, NOTICE_MAX_NAMED);
  return { code: 'settings-dropped', dropped: dropped.length > named.length ? [...named, { more: dropped.length - named.length }] : named };
}
