import { describe, expect, it, vi } from 'vitest';
import type { RememberedPlacement } from '../../../src/background/placement-store';
import { type ContentScriptRegistry, type RegisteredScript, REMEMBERED_SCRIPT_ID, syncRememberedScripts } from '../../../src/background/remembered-scripts';

const item = (origin: string, id = origin): RememberedPlacement => ({
  id: id.replace(/\W/g, ''),
  origin,
  path: '/',
  mode: 'floating',
  size: { width: 100, height: 100 },
  opacity: 1,
  svg: '<svg/>',
  createdAt: 0,
});

function registry(): ContentScriptRegistry & { scripts: RegisteredScript[] } {
  const scripts: RegisteredScript[] = [];
  return {
    scripts,
    getRegisteredContentScripts: vi.fn(async ({ ids }) => scripts.filter((s) => ids.includes(s.id))),
    registerContentScripts: vi.fn(async (add) => {
      scripts.push(...add);
    }),
    updateContentScripts: vi.fn(async (changes) => {
      for (const change of changes) Object.assign(scripts.find((s) => s.id === change.id) ?? {}, change);
    }),
    unregisterContentScripts: vi.fn(async ({ ids }) => {
      scripts.splice(0, scripts.length, ...scripts.filter((s) => !ids.includes(s.id)));
    }),
  };
}

describe('syncRememberedScripts', () => {
  it('registers one persistent script for the granted remembered origins only', async () => {
    const reg = registry();
    const list = async () => [item('https://a.example'), item('https://a.example', 'second'), item('https://b.example'), item('http://127.0.0.1:5173')];
    const granted = new Set(['https://a.example/*', 'http://127.0.0.1/*']);
    const matches = await syncRememberedScripts({ registry: reg, list, hasHostPermission: async (p) => granted.has(p), contentScriptFile: 'src/content/content-script.js' });
    expect(matches).toEqual(['http://127.0.0.1/*', 'https://a.example/*']);
    expect(reg.scripts).toEqual([
      {
        id: REMEMBERED_SCRIPT_ID,
        matches,
        js: ['src/content/content-script.js'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('updates the registration when the list changes and unregisters when it empties', async () => {
    const reg = registry();
    let items = [item('https://a.example')];
    const deps = { registry: reg, list: async () => items, hasHostPermission: async () => true, contentScriptFile: 'f.js' };
    await syncRememberedScripts(deps);
    items = [item('https://a.example'), item('https://c.example')];
    await syncRememberedScripts(deps);
    expect(reg.updateContentScripts).toHaveBeenCalledTimes(1);
    expect(reg.scripts[0]?.matches).toEqual(['https://a.example/*', 'https://c.example/*']);
    items = [];
    expect(await syncRememberedScripts(deps)).toEqual([]);
    expect(reg.scripts).toEqual([]);
    await syncRememberedScripts(deps);
    expect(reg.unregisterContentScripts).toHaveBeenCalledTimes(1);
  });

  it('never registers on <all_urls>: nothing remembered, nothing registered', async () => {
    const reg = registry();
    await syncRememberedScripts({ registry: reg, list: async () => [], hasHostPermission: async () => true, contentScriptFile: 'f.js' });
    expect(reg.registerContentScripts).not.toHaveBeenCalled();
  });
});
