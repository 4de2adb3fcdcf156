import { describe, expect, it, vi } from 'vitest';
import { injectionError, silentAfterInjection } from '../../../src/background/injection-error';
import { contentScriptSender } from '../../../src/background/sender';
import { createTabPort, type ScriptingApi, type TabsApi } from '../../../src/background/tab-access';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('injectionError', () => {
  it.each([
    ['Cannot access a chrome:// URL', undefined, 'page-forbids-extensions'],
    ['The extensions gallery cannot be scripted.', 'https://chromewebstore.google.com/detail/x', 'page-forbids-extensions'],
    ['Cannot access contents of url "about:blank".', 'about:blank', 'page-forbids-extensions'],
    ['Cannot access contents of url "file:///tmp/a.html". Extension manifest must request permission to access this host.', 'file:///tmp/a.html', 'file-access-off'],
    ['Cannot access contents of the page. Extension manifest must request permission to access the respective host.', 'https://a.example/', 'tab-access-missing'],
    ['Missing host permission for the tab', undefined, 'tab-access-missing'],
    ['Frame with ID 0 is showing error page', 'https://down.example/', 'page-not-loaded'],
    ['No tab with id: 5.', undefined, 'tab-closed'],
  ])('%s', (message, url, code) => {
    expect(injectionError(new Error(message), url).code).toBe(code);
  });

  it('says permission-denied for protected pages', () => {
    expect(injectionError(new Error('Cannot access a chrome:// URL')).kind).toBe('permission-denied');
  });

  it.each([
    ['http://127.0.0.1:8080/plain.html?b', 'page-changed'],
    ['https://a.example/', 'page-changed'],
    ['about:addons', 'page-forbids-extensions'],
    [undefined, 'page-forbids-extensions'],
  ])('a script that does not answer after injecting, on %s, is %s', (url, code) => {
    expect(silentAfterInjection(url).code).toBe(code);
  });

  it('does not echo an unknown browser message', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = injectionError(new Error('weird internal thing at https://secret.example/?token=abc'), 'https://a.example/');
    expect(error).toMatchObject({ kind: 'internal', code: 'place-failed' });
    expect(JSON.stringify(error)).not.toContain('secret');
    spy.mockRestore();
  });
});

describe('contentScriptSender', () => {
  it.each([
    ['a content script in a web page', { id: ID, url: 'https://a.example/x', tab: { id: 4 }, frameId: 0 }, { tabId: 4, frameId: 0, url: 'https://a.example/x' }],
    ['a content script in a frame', { id: ID, url: 'http://127.0.0.1:9/f', tab: { id: 4 }, frameId: 3 }, { tabId: 4, frameId: 3, url: 'http://127.0.0.1:9/f' }],
    ['a content script on a file page', { id: ID, url: 'file:///a.html', tab: { id: 1 } }, { tabId: 1, frameId: 0, url: 'file:///a.html' }],
    ['a content script in the tab with id 0', { id: ID, url: 'https://a.example/x', tab: { id: 0 } }, { tabId: 0, frameId: 0, url: 'https://a.example/x' }],
  ])('accepts %s', (_name, sender, expected) => {
    expect(contentScriptSender(sender, ID)).toEqual(expected);
  });

  it.each([
    ['another extension', { id: 'x'.repeat(32), url: 'https://a.example/', tab: { id: 4 } }],
    ['no id', { url: 'https://a.example/', tab: { id: 4 } }],
    ['the service worker or popup (no tab)', { id: ID, url: `${ORIGIN}/src/popup/index.html` }],
    ['our popup opened in a tab', { id: ID, url: `${ORIGIN}/src/popup/index.html?tab=4`, tab: { id: 9 } }],
    ['a look-alike extension origin', { id: ID, url: `chrome-extension://${ID}.evil.com/x`, tab: { id: 9 } }],
    ['a data: page', { id: ID, url: 'data:text/html,x', tab: { id: 9 } }],
    ['a tab without id', { id: ID, url: 'https://a.example/', tab: {} }],
    ['no url', { id: ID, tab: { id: 4 } }],
    ['a negative tab id', { id: ID, url: 'https://a.example/', tab: { id: -1 } }],
    ['a fractional tab id', { id: ID, url: 'https://a.example/', tab: { id: 1.5 } }],
    ['a tab id that is no number', { id: ID, url: 'https://a.example/', tab: { id: '4' as unknown as number } }],
  ])('refuses %s', (_name, sender) => {
    expect(contentScriptSender(sender, ID)).toBeUndefined();
  });
});

describe('createTabPort', () => {
  /** `deaf`: injecting "succeeds" but nothing ever listens, as on Firefox's own about: pages. */
  function fakes(options: { alive?: boolean; inject?: Error; deaf?: boolean; url?: string } = {}) {
    let listening = options.alive ?? false;
    const tabs: TabsApi = {
      get: vi.fn(async (id: number) => ({ id, url: options.url ?? 'https://a.example/' })),
      query: vi.fn(async () => [{ id: 11, url: 'https://a.example/' }]),
      sendMessage: vi.fn(async (_tabId: number, message: unknown) => {
        if ((message as { name: string }).name === 'bg-content-ping' && !listening) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: { ready: true } };
      }),
    };
    const scripting: ScriptingApi = {
      executeScript: vi.fn(async () => {
        if (options.inject) throw options.inject;
        listening = !options.deaf;
        return [];
      }),
    };
    return { tabs, scripting, port: createTabPort(tabs, scripting, 'src/content/content-script.js') };
  }

  it('injects the content script when nothing answers the ping', async () => {
    const { port, scripting } = fakes();
    await port.ensureController(5, 2);
    expect(scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 5, frameIds: [2] }, files: ['src/content/content-script.js'] });
  });

  it('leaves the first message in the isolated world before the script, and only when it injects', async () => {
    const { port, scripting } = fakes();
    const first = { name: 'bg-content-notice' as const, payload: { text: 'hello' } };
    await port.ensureController(5, 0, first);
    const calls = vi.mocked(scripting.executeScript).mock.calls.map(([injection]) => injection);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual({ target: { tabId: 5, frameIds: [0] }, files: ['src/content/content-script.js'] });
    const handOver = calls[0];
    if (!handOver || !('func' in handOver)) throw new Error('no hand-over injection');
    expect(handOver.target).toEqual({ tabId: 5, frameIds: [0] });
    // The function runs alone in the page's isolated world: run it here as the browser would.
    handOver.func(...handOver.args);
    const left = Symbol.for(handOver.args[0]);
    expect(Reflect.get(globalThis, left)).toEqual(first);
    Reflect.deleteProperty(globalThis, left);

    const { port: alive, scripting: untouched } = fakes({ alive: true });
    await alive.ensureController(5, 0, first);
    expect(untouched.executeScript).not.toHaveBeenCalled();
  });

  it('takes the first message back when the script itself cannot be injected', async () => {
    const { port, scripting } = fakes();
    vi.mocked(scripting.executeScript).mockImplementation(async (injection) => {
      if ('files' in injection) throw new Error('Frame with ID 0 is showing error page');
      injection.func(...injection.args);
      return [];
    });
    const first = { name: 'bg-content-notice' as const, payload: { text: 'stale' } };
    await expect(port.ensureController(5, 0, first)).rejects.toMatchObject({ code: 'page-not-loaded' });
    const calls = vi.mocked(scripting.executeScript).mock.calls.map(([injection]) => injection);
    expect(calls).toHaveLength(3);
    const key = Symbol.for((calls[0] as { args: [string, unknown?] }).args[0]);
    expect(Reflect.has(globalThis, key)).toBe(false);
  });

  it('does not inject again when the controller answers', async () => {
    const { port, scripting } = fakes({ alive: true });
    await port.ensureController(5);
    expect(scripting.executeScript).not.toHaveBeenCalled();
  });

  it('explains a page that refuses extensions', async () => {
    const { port } = fakes({ inject: new Error('Cannot access a chrome:// URL') });
    await expect(port.ensureController(5)).rejects.toMatchObject({ kind: 'permission-denied', code: 'page-forbids-extensions' });
  });

  it('explains a page where the injected script never answers (Firefox about: pages)', async () => {
    const { port, scripting } = fakes({ deaf: true, url: 'about:addons' });
    await expect(port.ensureController(5)).rejects.toMatchObject({ kind: 'permission-denied', code: 'page-forbids-extensions' });
    expect(scripting.executeScript).toHaveBeenCalledTimes(1);
  });

  it('tells a web page whose injected script went away with its document as changed, not as protected', async () => {
    const { port } = fakes({ deaf: true, url: 'http://127.0.0.1:8080/plain.html?b' });
    await expect(port.ensureController(5)).rejects.toMatchObject({ code: 'page-changed' });
  });

  it('targets the active tab of the last focused normal window by default', async () => {
    const { port, tabs } = fakes();
    expect(await port.resolve()).toEqual({ tabId: 11, url: 'https://a.example/' });
    expect(tabs.query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  });

  it('tells the window of the tab and whether it is the one in front', async () => {
    const { port, tabs } = fakes();
    vi.mocked(tabs.get).mockResolvedValueOnce({ id: 4, url: 'https://a.example/', windowId: 2, active: false });
    expect(await port.resolve(4)).toEqual({ tabId: 4, url: 'https://a.example/', windowId: 2, active: false });
    vi.mocked(tabs.query).mockResolvedValueOnce([{ id: 11, windowId: 1, active: true }]);
    expect(await port.resolve()).toEqual({ tabId: 11, windowId: 1, active: true });
  });

  it('sends to the top frame unless told to send to every frame', async () => {
    const { port, tabs } = fakes({ alive: true });
    await port.send(5, 'bg-content-ping', undefined);
    await port.send(5, 'bg-content-ping', undefined, 3);
    await port.send(5, 'bg-content-ping', undefined, 'all');
    expect(vi.mocked(tabs.sendMessage).mock.calls.map((call) => call[2])).toEqual([{ frameId: 0 }, { frameId: 3 }, {}]);
  });

  it('says when there is no tab to place in', async () => {
    const { port, tabs } = fakes();
    vi.mocked(tabs.query).mockResolvedValueOnce([]);
    await expect(port.resolve()).rejects.toMatchObject({ code: 'no-page' });
    vi.mocked(tabs.get).mockRejectedValueOnce(new Error('No tab with id: 3'));
    await expect(port.resolve(3)).rejects.toMatchObject({ code: 'tab-closed' });
  });

  it('rebuilds the content script’s errors as PimError', async () => {
    const { port, tabs } = fakes({ alive: true });
    vi.mocked(tabs.sendMessage).mockResolvedValueOnce({ ok: false, error: { kind: 'invalid-parameters', code: 'selector-no-match', params: { selector: '#x' } } });
    await expect(port.send(5, 'bg-content-ping', undefined)).rejects.toMatchObject({ kind: 'invalid-parameters', code: 'selector-no-match', params: { selector: '#x' } });
    vi.mocked(tabs.sendMessage).mockResolvedValueOnce(undefined);
    await expect(port.send(5, 'bg-content-ping', undefined)).rejects.toMatchObject({ code: 'page-silent' });
  });
});
