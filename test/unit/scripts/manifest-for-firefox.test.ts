import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { TARGETS, targetBrowser } from '../../../scripts/browser-targets';
import {
  type ChromeManifest,
  DATA_COLLECTION,
  firefoxManifest,
  GECKO_ANDROID_MIN_VERSION,
  GECKO_ID,
  GECKO_MIN_VERSION,
} from '../../../scripts/manifest-for-firefox';

/** A Chrome manifest with every key the transform touches, side panel included. */
function chromeManifest(): ChromeManifest & Record<string, unknown> {
  return {
    manifest_version: 3,
    name: '__MSG_extName__',
    version: '1.2.3',
    default_locale: 'en',
    minimum_chrome_version: '120',
    icons: { '16': 'icons/icon-16.png', '128': 'icons/icon-128.png' },
    action: { default_title: '__MSG_actionTitle__', default_popup: 'src/popup/index.html', default_icon: { '16': 'icons/icon-16.png' } },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    side_panel: { default_path: 'src/popup/index.html?view=sidepanel' },
    background: { service_worker: 'src/background/index.ts', type: 'module' },
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'sidePanel'],
    host_permissions: ['https://api-prd.kpn.com/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    web_accessible_resources: [{ resources: ['<dynamic_resource>'], matches: ['https://*/*'], use_dynamic_url: true }],
  };
}

describe('firefoxManifest', () => {
  it('runs the background as a module event page instead of a service worker', () => {
    expect(firefoxManifest(chromeManifest()).background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });

  it('turns the side panel into a sidebar on the same page, and drops the sidePanel permission', () => {
    const firefox = firefoxManifest(chromeManifest());
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.sidebar_action).toEqual({
      default_panel: 'src/popup/index.html?view=sidepanel',
      default_title: '__MSG_actionTitle__',
      default_icon: { '16': 'icons/icon-16.png' },
      open_at_install: false,
    });
    expect(firefox.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
  });

  it('adds no sidebar when Chrome has no side panel', () => {
    const { side_panel: _none, ...withoutPanel } = chromeManifest();
    expect(firefoxManifest(withoutPanel)).not.toHaveProperty('sidebar_action');
  });

  it('identifies the add-on for Firefox with a minimum version and a data-collection declaration', () => {
    expect(firefoxManifest(chromeManifest()).browser_specific_settings).toEqual({
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: DATA_COLLECTION.required },
      },
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    });
    // addons.mozilla.org takes an email-like or {GUID} id.
    expect(GECKO_ID).toMatch(/^[a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+$/);
  });

  it('drops Chrome-only keys and use_dynamic_url, and keeps everything else as it was', () => {
    const chrome = chromeManifest();
    const firefox = firefoxManifest(chrome) as unknown as Record<string, unknown>;
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.web_accessible_resources).toEqual([{ resources: ['<dynamic_resource>'], matches: ['https://*/*'] }]);
    for (const key of ['manifest_version', 'name', 'version', 'default_locale', 'icons', 'action', 'options_ui', 'host_permissions', 'optional_host_permissions']) {
      expect(firefox[key], key).toEqual(chrome[key]);
    }
  });

  it('does not change its argument', () => {
    const chrome = chromeManifest();
    const before = structuredClone(chrome);
    firefoxManifest(chrome);
    expect(chrome).toEqual(before);
  });

  it('rejects a background with nothing to run', () => {
    expect(() => firefoxManifest({ ...chromeManifest(), background: { type: 'module' } })).toThrow(/background/);
  });

  it('maps the real manifest.json', () => {
    const firefox = firefoxManifest({ ...manifest, version: '9.9.9' });
    expect(firefox.version).toBe('9.9.9');
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(JSON.stringify(firefox)).not.toMatch(/service_worker|side_panel|use_dynamic_url|minimum_chrome_version/);
  });
});

describe('targetBrowser', () => {
  it('takes --mode firefox/chrome first, then TARGET_BROWSER, then Chrome', () => {
    expect(targetBrowser('firefox', undefined)).toBe('firefox');
    expect(targetBrowser('chrome', 'firefox')).toBe('chrome');
    expect(targetBrowser('production', 'firefox')).toBe('firefox');
    expect(targetBrowser('production', undefined)).toBe('chrome');
    expect(targetBrowser('development', '')).toBe('chrome');
  });

  it('refuses an unknown TARGET_BROWSER instead of quietly building Chrome', () => {
    expect(() => targetBrowser('production', 'safari')).toThrow(/TARGET_BROWSER/);
  });

  it('builds each browser into its own folder', () => {
    expect(TARGETS.chrome.outDir).toBe('dist');
    expect(TARGETS.firefox.outDir).toBe('dist-firefox');
    expect(TARGETS.firefox.viteArgs).toEqual(['--mode', 'firefox']);
    // The bundles assume no more than the oldest browser each manifest admits.
    expect(TARGETS.chrome.esTarget).toBe('chrome148');
    expect(TARGETS.firefox.esTarget).toBe('firefox140');
  });
});
