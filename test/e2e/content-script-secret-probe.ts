// Can a content script find a client secret in any storage it can reach? Browser-neutral, for the
// Chromium suite (Playwright) and the Firefox one (puppeteer-core) alike:
//
//   const id = await extensionPage.evaluate(saveEnvironmentWithSecret, { name, baseUrl, clientId, clientSecret });
//   const probe = await extensionPage.evaluate(probeStoragesFromContentScript, { pageUrl: webPage.url() });
//   placesHoldingSecret(probe, clientSecret)   // [] when the secret is out of reach
//
// `extensionPage` is any page of the extension (the options page), which has the extension APIs;
// `webPage` is an http(s) page the extension may script (the sandbox server's demo pages). The two
// functions run inside `extensionPage`, so they are self-contained: they use nothing from this
// module and no helper a transpiler would add (no named inner functions).

/** What one storage gave the content script: its whole content as text, or why it gave nothing. */
export interface StorageDump {
  source: string;
  readable: boolean;
  text: string;
}

export interface ContentScriptProbe {
  /** Whether storage.local was opened to content scripts for this probe (`openStorageLocal`). */
  storageLocalOpened: boolean;
  dumps: StorageDump[];
}

export interface ProbeInput {
  /** The exact address of the tab to probe (`page.url()`), a page the extension may script. */
  pageUrl: string;
  /**
   * Where the browser has `storage.local.setAccessLevel` (Chrome 102+), open storage.local to
   * content scripts first, as browsers without that switch have it (Firefox, older Chrome): the
   * secret must be out of reach even then. Ignored where the switch does not exist.
   */
  openStorageLocal?: boolean;
}

/** Runs in an extension page: saves a custom environment and its credentials as Options does. Returns its id. */
export async function saveEnvironmentWithSecret(input: {
  name: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}): Promise<string> {
  const ext = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const saved = (await ext.runtime.sendMessage({ name: 'ui-bg-environment-save', payload: { name: input.name, baseUrl: input.baseUrl } })) as {
    ok: boolean;
    value?: { id: string };
    error?: unknown;
  };
  if (!saved.ok || saved.value === undefined) throw new Error(`saving the environment failed: ${JSON.stringify(saved.error)}`);
  const credentials = (await ext.runtime.sendMessage({
    name: 'ui-bg-credentials-set',
    payload: { environmentId: saved.value.id, clientId: input.clientId, clientSecret: input.clientSecret },
  })) as { ok: boolean; error?: unknown };
  if (!credentials.ok) throw new Error(`saving the credentials failed: ${JSON.stringify(credentials.error)}`);
  return saved.value.id;
}

/**
 * Runs in an extension page: injects a script into the tab showing `pageUrl`, in the content-script
 * world, that reads everything it can through every storage API (extension storage areas, the
 * IndexedDB databases of the origin it runs in, the page's Web Storage) and returns it as text.
 */
export async function probeStoragesFromContentScript(input: ProbeInput): Promise<ContentScriptProbe> {
  const ext = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const tab = (await ext.tabs.query({})).find((t) => t.url === input.pageUrl);
  if (tab?.id === undefined) throw new Error(`no tab shows ${input.pageUrl}`);
  let storageLocalOpened = false;
  if (input.openStorageLocal && typeof ext.storage.local.setAccessLevel === 'function') {
    await ext.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
    storageLocalOpened = true;
  }
  const [injection] = await ext.scripting.executeScript({
    target: { tabId: tab.id },
    // The content-script world (ISOLATED), which is where PiM QR's own content script runs. Passed
    // through an identity call so esbuild's keepNames (tsx) does not wrap it in a `__name` helper
    // that would not exist in the page it is sent to.
    func: (<T,>(fn: T): T => fn)(async () => {
      const dumps: { source: string; readable: boolean; text: string }[] = [];
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? (globalThis as unknown as { chrome?: typeof chrome }).chrome;
      for (const area of ['local', 'session', 'sync'] as const) {
        const source = `storage.${area}`;
        try {
          const storageArea = api?.storage?.[area];
          if (!storageArea) dumps.push({ source, readable: false, text: 'not available' });
          else dumps.push({ source, readable: true, text: JSON.stringify(await storageArea.get(null)) });
        } catch (error) {
          dumps.push({ source, readable: false, text: String(error) });
        }
      }
      // The databases of the origin this script runs in, and by name the one PiM QR keeps secrets in.
      let names: string[] = ['pim-qr-secrets'];
      try {
        const listed = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
        names = [...new Set([...names, ...listed.flatMap((d) => (d.name ? [d.name] : []))])];
      } catch (error) {
        dumps.push({ source: 'indexedDB.databases()', readable: false, text: String(error) });
      }
      for (const name of names) {
        const source = `indexedDB ${name} (${location.origin})`;
        try {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const stores: Record<string, unknown> = {};
          for (const storeName of Array.from(db.objectStoreNames)) {
            stores[storeName] = await new Promise<unknown>((resolve, reject) => {
              const store = db.transaction(storeName, 'readonly').objectStore(storeName);
              const keys = store.getAllKeys();
              const values = store.getAll();
              values.onsuccess = () => resolve({ keys: keys.result, values: values.result });
              values.onerror = () => reject(values.error);
            });
          }
          db.close();
          dumps.push({ source, readable: true, text: JSON.stringify(stores) });
        } catch (error) {
          dumps.push({ source, readable: false, text: String(error) });
        }
      }
      for (const [source, storage] of [
        ['localStorage', globalThis.localStorage],
        ['sessionStorage', globalThis.sessionStorage],
      ] as const) {
        try {
          dumps.push({ source, readable: true, text: JSON.stringify({ ...storage }) });
        } catch (error) {
          dumps.push({ source, readable: false, text: String(error) });
        }
      }
      return dumps;
    }),
  });
  const dumps = injection?.result as StorageDump[] | undefined;
  if (!Array.isArray(dumps)) throw new Error('the content-script probe returned nothing');
  return { storageLocalOpened, dumps };
}

/** Runs in the test: the storages in which the probe found the secret; [] when it found it nowhere. */
export function placesHoldingSecret(probe: ContentScriptProbe, secret: string): string[] {
  if (secret.length < 8) throw new Error('use a secret of 8 characters or more: a short one may occur anywhere by chance');
  return probe.dumps.filter((dump) => dump.text.includes(secret)).map((dump) => dump.source);
}

/** Runs in the test: the text the probe read from one storage, when it could read it. */
export function readableText(probe: ContentScriptProbe, source: string): string | undefined {
  const dump = probe.dumps.find((d) => d.source === source);
  return dump?.readable ? dump.text : undefined;
}
