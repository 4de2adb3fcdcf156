// "Screenshot page" in the worker: which tab and window it captures, that PiM QR's own controls are
// hidden for the capture and shown again whatever happened, and the errors a person can act on.
import { describe, expect, it, vi } from 'vitest';
import { createPageScreenshot } from '../../../src/background/page-screenshot';
import { createTabPort, type TabsApi } from '../../../src/background/tab-access';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

function fakes(options: { active?: boolean; listening?: boolean; capture?: () => Promise<string> } = {}) {
  const events: string[] = [];
  const tabs: TabsApi = {
    get: vi.fn(async (id: number) => ({ id, url: 'https://shop.example/cart', windowId: 3, active: options.active ?? true })),
    query: vi.fn(async () => [{ id: 11, url: 'https://shop.example/', windowId: 1, active: true }]),
    sendMessage: vi.fn(async (_tabId: number, message: unknown, where?: { frameId?: number }) => {
      const { name, payload } = message as { name: string; payload: { hidden: boolean } };
      if (options.listening === false) throw new Error('Could not establish connection. Receiving end does not exist.');
      events.push(`${name} hidden=${payload.hidden} frames=${where?.frameId ?? 'all'}`);
      return { ok: true, value: { hidden: payload.hidden } };
    }),
  };
  const capture = {
    captureVisibleTab: vi.fn(async (windowId: number | undefined) => {
      events.push(`capture window=${windowId}`);
      return options.capture ? options.capture() : PNG;
    }),
  };
  const screenshot = createPageScreenshot(createTabPort(tabs, { executeScript: vi.fn() }, 'content.js'), capture);
  return { events, tabs, capture, screenshot };
}

describe('createPageScreenshot', () => {
  it('hides PiM QR’s controls in every frame, captures the window of the active tab as PNG, and shows them again', async () => {
    const { events, capture, screenshot } = fakes();
    expect(await screenshot({})).toEqual({ dataUrl: PNG, url: 'https://shop.example/' });
    expect(events).toEqual(['bg-content-own-ui hidden=true frames=all', 'capture window=1', 'bg-content-own-ui hidden=false frames=all']);
    expect(capture.captureVisibleTab).toHaveBeenCalledWith(1, { format: 'png' });
  });

  it('captures the window of a named tab when that tab is in front', async () => {
    const { events, screenshot } = fakes();
    expect(await screenshot({ tabId: 7 })).toEqual({ dataUrl: PNG, url: 'https://shop.example/cart' });
    expect(events).toContain('capture window=3');
  });

  it('never captures another tab than the one named: a tab behind others is refused, nothing hidden', async () => {
    const { events, screenshot } = fakes({ active: false });
    await expect(screenshot({ tabId: 7 })).rejects.toMatchObject({ code: 'capture-failed', kind: 'internal' });
    expect(events).toEqual([]);
  });

  it('captures a page without PiM QR’s script without injecting one', async () => {
    const { capture, screenshot } = fakes({ listening: false });
    expect(await screenshot({})).toEqual({ dataUrl: PNG, url: 'https://shop.example/' });
    expect(capture.captureVisibleTab).toHaveBeenCalledOnce();
  });

  it.each([
    ["Either the '<all_urls>' or 'activeTab' permission is required.", 'capture-not-allowed', 'permission-denied'],
    ['Missing activeTab permission', 'capture-not-allowed', 'permission-denied'],
    ['Failed to capture tab: view is invisible', 'capture-failed', 'internal'],
  ])('turns “%s” into %s, and shows the controls again', async (message, code, kind) => {
    const { events, screenshot } = fakes({ capture: () => Promise.reject(new Error(message)) });
    await expect(screenshot({})).rejects.toMatchObject({ code, kind });
    expect(events.at(-1)).toBe('bg-content-own-ui hidden=false frames=all');
  });

  it('does not echo the browser’s words', async () => {
    const { screenshot } = fakes({ capture: () => Promise.reject(new Error('odd failure at https://secret.example/?token=abc')) });
    const error: unknown = await screenshot({}).catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain('secret');
  });
});
