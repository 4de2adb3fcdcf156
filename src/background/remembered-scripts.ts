// The dynamic content script that restores remembered placements: registered only for remembered
// origins the user granted, updated or unregistered whenever that list changes. Nothing runs on
// <all_urls>.
import { originMatchPattern } from '../shared/page-address';
import type { RememberedPlacement } from './placement-store';
import { serially } from '../core/serial';

export const REMEMBERED_SCRIPT_ID = 'pim-qr-remembered';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
}

export interface ContentScriptRegistry {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<RegisteredScript[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface RememberedScriptDeps {
  registry: ContentScriptRegistry;
  hasHostPermission: (pattern: string) => Promise<boolean>;
  list: () => Promise<RememberedPlacement[]>;
  contentScriptFile: string;
}

/** Answers the match patterns the script now runs on ([] when it is unregistered). */
export function syncRememberedScripts(deps: RememberedScriptDeps): Promise<string[]> {
  return serially(REMEMBERED_SCRIPT_ID, async () => {
    const origins = [...new Set((await deps.list()).map((p) => p.origin))].sort();
    const patterns = origins.map(originMatchPattern);
    const granted = await Promise.all(patterns.map((pattern) => deps.hasHostPermission(pattern)));
    const matches = patterns.filter((_, index) => granted[index]);
    const existing = await deps.registry.getRegisteredContentScripts({ ids: [REMEMBERED_SCRIPT_ID] });
    if (matches.length === 0) {
      if (existing.length > 0) await deps.registry.unregisterContentScripts({ ids: [REMEMBERED_SCRIPT_ID] });
      return [];
    }
    const script: RegisteredScript = {
      id: REMEMBERED_SCRIPT_ID,
      matches,
      js: [deps.contentScriptFile],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    };
    if (existing.length > 0) await deps.registry.updateContentScripts([script]);
    else await deps.registry.registerContentScripts([script]);
    return matches;
  });
}
