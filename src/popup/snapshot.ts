// What the popup paints its first frame from, without waiting for the worker (which may be stopped):
// the environments as the form offers them, the one in use and the form's defaults. The popup keeps it
// after every answer of the worker; the worker drops it whenever what it holds may have changed
// (settings written, the browser policy or a host permission changed), so it never offers an
// environment that was deleted since. It holds no secret and no client ID: only what the form shows.
// Storage is not trusted: what is read back is checked field by field.
import type { ItemSpec } from '../core/storage-item';
import type { EnvironmentView, SettingsView } from '../shared/messages';
import { STORAGE_KEYS } from '../shared/storage-keys';
import type { FormDraft } from '../ui/qr-form-state';
import { parseDraft } from './draft';

/** An environment as the popup offers it. */
export type PopupEnvironment = Pick<EnvironmentView, 'id' | 'name' | 'kind' | 'managed' | 'needsPermission' | 'confirmFirstCall'>;

export interface PopupSnapshot {
  selectedEnvironmentId: string;
  environments: PopupEnvironment[];
  defaults: FormDraft;
}

export const SNAPSHOT_ITEM: ItemSpec<PopupSnapshot, unknown> = { key: STORAGE_KEYS.popupSnapshot, parse: (stored) => stored };

/** Only the fields the form shows are copied: nothing else of the worker's answer is kept. */
export function popupEnvironment(view: PopupEnvironment): PopupEnvironment {
  const environment: PopupEnvironment = {
    id: view.id,
    name: view.name,
    kind: view.kind,
    needsPermission: view.needsPermission,
    confirmFirstCall: view.confirmFirstCall,
  };
  if (view.managed) environment.managed = true;
  return environment;
}

export function snapshotOf(settings: SettingsView, list: readonly PopupEnvironment[], defaults: FormDraft): PopupSnapshot {
  return { selectedEnvironmentId: settings.selectedEnvironmentId, environments: list.map(popupEnvironment), defaults };
}

const KINDS: readonly unknown[] = ['sandbox', 'production', 'custom'];

function parseEnvironment(value: unknown): PopupEnvironment | undefined {
  const raw = (value ?? {}) as Record<string, unknown>;
  const flags = typeof raw.needsPermission === 'boolean' && typeof raw.confirmFirstCall === 'boolean';
  if (typeof raw.id !== 'string' || typeof raw.name !== 'string' || !KINDS.includes(raw.kind) || !flags) return undefined;
  return popupEnvironment(raw as unknown as PopupEnvironment);
}

/** The snapshot, or undefined when there is none or any part of it is not well formed. */
export function parseSnapshot(stored: unknown, fallback: FormDraft): PopupSnapshot | undefined {
  const raw = (stored ?? {}) as Record<string, unknown>;
  const environments = Array.isArray(raw.environments) ? raw.environments.map(parseEnvironment) : [];
  const defaults = parseDraft(raw.defaults, fallback);
  const selected = environments.find((e) => e?.id === raw.selectedEnvironmentId);
  if (!defaults || !selected || environments.includes(undefined)) return undefined;
  return { selectedEnvironmentId: selected.id, environments: environments as PopupEnvironment[], defaults };
}
