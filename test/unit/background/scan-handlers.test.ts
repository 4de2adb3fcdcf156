import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { createScanHandlers } from '../../../src/background/scan-handlers';
import { createScriptPort, createTabPort, type ScriptingApi, type TabsApi } from '../../../src/background/tab-access';
import type { WorkerToScanner } from '../../../src/shared/contracts/worker-to-scanner';

const SCANNER_FILE = 'src/scanner/page-scanner.js';

/** A tab whose page scanner answers once injected; `refuse` is what the browser says when it may not inject. */
function browserTab(options: { refuse?: string; answer?: unknown } = {}) {
  let injected = false;
  const sent: unknown[] = [];
  const tabs: TabsApi = {
    get: async (tabId) => ({ id: tabId, url: 'https://staging.example/' }),
    query: async () => [{ id: 7, url: 'https://staging.example/' }],
    sendMessage: async (_tabId, message) => {
      if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(message);
      const { name } = message as { name: string };
      return { ok: true, value: name === 'bg-scanner-scan' ? (options.answer ?? { entries: [], more: 0, crossOriginFrames: 0 }) : { shown: true } };
    },
  };
  const files: string[][] = [];
  const scripting: ScriptingApi = {
    executeScript: async (injection) => {
      if (options.refuse) throw new Error(options.refuse);
      if (!('files' in injection)) throw new Error('the scanner is injected without a first message');
      files.push(injection.files);
      injected = true;
      return [];
    },
  };
  const handlers = createScanHandlers(createTabPort(tabs, scripting, 'content.js'), createScriptPort<WorkerToScanner>(tabs, scripting, SCANNER_FILE, 'bg-scanner-ping'));
  return { handlers, files, sent };
}

describe('scan handlers', () => {
  it('inject the page scanner into the active tab and pass its answer on as it came', async () => {
    const answer = { entries: [{ anything: 'the view checks it' }], more: 0, crossOriginFrames: 2 };
    const { handlers, files, sent } = browserTab({ answer });
    expect(await handlers['ui-bg-scan-page']({})).toEqual({ tabId: 7, scan: answer });
    expect(files).toEqual([[SCANNER_FILE]]);
    expect(sent).toContainEqual({ name: 'bg-scanner-scan', payload: undefined });
  });

  it('inject it once: a scanner that answers is used again', async () => {
    const { handlers, files } = browserTab();
    await handlers['ui-bg-scan-page']({ tabId: 3 });
    await handlers['ui-bg-scan-page']({ tabId: 3 });
    expect(files).toHaveLength(1);
  });

  it('say that access to the tab is missing, as placing a QR does', async () => {
    const { handlers } = browserTab({ refuse: 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.' });
    await expect(handlers['ui-bg-scan-page']({})).rejects.toSatisfy((e: unknown) => e instanceof PimError && e.code === 'tab-access-missing');
  });

  it('ask the scanner of the tab to outline an entry', async () => {
    const { handlers, sent } = browserTab();
    await handlers['ui-bg-scan-page']({ tabId: 3 });
    expect(await handlers['ui-bg-scan-highlight']({ tabId: 3, index: 2 })).toEqual({ shown: true });
    expect(sent).toContainEqual({ name: 'bg-scanner-highlight', payload: { index: 2 } });
  });
});
