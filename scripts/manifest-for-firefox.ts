// The Firefox manifest, derived from the one Chrome manifest.json so the two cannot drift apart.
// Pure: no file system, no build tool; vite.config.ts hands the result to CRXJS (`browser: 'firefox'`).

/** Firefox Add-ons identity. Permanent once published on addons.mozilla.org: change it only before the first upload. */
export const GECKO_ID = 'pim-qr@pim-qr.invalid';

/**
 * The oldest Firefox with everything the manifest and code use, per MDN's browser-compat-data:
 * MV3 `action` and `host_permissions` (109), `scripting` (102), `background.type: "module"` (112),
 * `storage.session` (115), `optional_host_permissions` (128) and, the highest,
 * `gecko.data_collection_permissions` (140 on desktop, 142 on Android), which addons.mozilla.org
 * requires of every new extension since November 2025. 140 is an ESR release.
 */
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

/**
 * What leaves the browser, in Firefox's data-consent categories: the client ID and secret the user
 * enters go to the PiM ID API they choose (KPN production or their own base URL) to mint tokens.
 * Nothing goes to the developer; the built-in Sandbox sends nothing at all.
 */
export const DATA_COLLECTION: { required: DataCategory[] } = { required: ['authenticationInfo'] };

/** Firefox's data-consent categories (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/). */
export type DataCategory =
  | 'none'
  | 'personallyIdentifyingInfo'
  | 'healthInfo'
  | 'financialAndPaymentInfo'
  | 'authenticationInfo'
  | 'personalCommunications'
  | 'locationInfo'
  | 'browsingActivity'
  | 'websiteContent'
  | 'websiteActivity'
  | 'searchTerms'
  | 'bookmarksInfo';

/** Permissions Firefox does not know; web-ext lint reports each as an error or warning. */
export const CHROME_ONLY_PERMISSIONS: readonly string[] = ['sidePanel', 'offscreen'];

/** Top-level keys Firefox does not know (or that mean nothing there). */
// `storage.managed_schema`: Firefox reads managed storage without a schema (README, managed environments).
export const CHROME_ONLY_KEYS: readonly string[] = ['side_panel', 'minimum_chrome_version', 'key', 'update_url', 'storage'];

type Icons = string | Record<string, string>;

export interface WebAccessibleResource {
  resources: string[];
  matches?: string[];
  extension_ids?: string[];
  use_dynamic_url?: boolean;
}

/** The keys this transform reads or writes; every other key is copied unchanged. */
export interface ChromeManifest {
  manifest_version: number;
  name: string;
  version: string;
  icons?: Record<string, string>;
  action?: { default_title?: string; default_popup?: string; default_icon?: Icons };
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
  side_panel?: { default_path?: string };
  web_accessible_resources?: WebAccessibleResource[];
}

export interface SidebarAction {
  default_panel: string;
  default_title?: string;
  default_icon?: Icons;
  open_at_install?: boolean;
}

export interface FirefoxManifest extends Omit<ChromeManifest, 'background' | 'side_panel'> {
  background?: { scripts: string[]; type?: string };
  sidebar_action?: SidebarAction;
  browser_specific_settings: {
    gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: DataCategory[] } };
    gecko_android: { strict_min_version: string };
  };
}

/**
 * Chrome manifest → Firefox manifest (a new object; the argument is not changed):
 * - `background.service_worker` → `background.scripts` (Firefox MV3 runs an event page, not a
 *   service worker), keeping `type: "module"`;
 * - `side_panel` → `sidebar_action` (same page, the action's title and icon), `sidePanel` permission dropped;
 * - Chrome-only keys and permissions dropped, `use_dynamic_url` dropped (Firefox has no such option);
 * - `browser_specific_settings.gecko` added (id, minimum version, data collection declaration).
 */
export function firefoxManifest<M extends ChromeManifest>(chrome: M): FirefoxManifest & Omit<M, 'background' | 'side_panel'> {
  const copy = structuredClone(chrome);
  const { background, side_panel: sidePanel } = copy;
  const out = Object.fromEntries(
    Object.entries(copy).filter(([key]) => key !== 'background' && !CHROME_ONLY_KEYS.includes(key)),
  ) as FirefoxManifest & Omit<M, 'background' | 'side_panel'>;
  if (background) {
    const scripts = background.scripts ?? (background.service_worker ? [background.service_worker] : []);
    if (scripts.length === 0) throw new Error('manifest background has neither service_worker nor scripts');
    out.background = { scripts, ...(background.type ? { type: background.type } : {}) };
  }
  if (out.permissions) out.permissions = out.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.includes(p));
  if (sidePanel?.default_path) {
    const icon = copy.action?.default_icon ?? copy.icons;
    out.sidebar_action = {
      default_panel: sidePanel.default_path,
      ...(copy.action?.default_title ? { default_title: copy.action.default_title } : {}),
      ...(icon ? { default_icon: icon } : {}),
      // Chrome never opens a side panel by itself; neither should Firefox on install.
      open_at_install: false,
    };
  }
  if (out.web_accessible_resources) {
    out.web_accessible_resources = out.web_accessible_resources.map(({ use_dynamic_url: _dropped, ...rest }) => rest);
  }
  out.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      data_collection_permissions: { required: [...DATA_COLLECTION.required] },
    },
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return out;
}
