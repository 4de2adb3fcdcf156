// The built-in Sandbox's fetch: which host runs the emulator, and how calls reach Chrome's offscreen
// document. The document here is a fake with the real emulator behind the real payload check.
import { describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { createSandboxHandler, IMAGE_PATH, TOKEN_PATH } from '../../../src/core/sandbox/handler';
import { requestFromWire, responseToWire } from '../../../src/core/sandbox/wire';
import { asFetch, askThroughDocument, builtInSandboxFetch, type SandboxDocument } from '../../../src/background/sandbox-fetch';
import type { FetchLike } from '../../../src/core/send-request';
import type { AskEmulator } from '../../../src/shared/sandbox-emulator';
import { sandboxCall } from '../../../src/shared/contracts/worker-to-offscreen';

const BASE = 'https://sandbox.pim-qr.invalid';

function fakeDocument() {
  let handler = createSandboxHandler();
  const state = { open: false, opened: 0, asked: 0, bands: [] as string[] };
  const document: SandboxDocument = {
    isOpen: async () => state.open,
    open: async () => {
      await Promise.resolve();
      if (state.open) throw new Error('Only a single offscreen document may be created.');
      state.open = true;
      state.opened += 1;
      handler = createSandboxHandler();
    },
    ask: async (raw) => {
      if (!state.open) throw new Error('Could not establish connection. Receiving end does not exist.');
      state.asked += 1;
      const call = sandboxCall(JSON.parse(JSON.stringify(raw)));
      state.bands.push(call.bandLabel);
      return responseToWire(await handler.handle(requestFromWire(call.request)));
    },
  };
  return { document, state, close: () => (state.open = false) };
}

const mintToken = async (fetch: FetchLike): Promise<Response> =>
  fetch(`${BASE}${TOKEN_PATH}?grant_type=client_credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'client_id=sandbox-client&client_secret=sandbox-secret',
  });

const image = (fetch: FetchLike, token: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${BASE}${IMAGE_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ redirect: '1', title: 'T', description: 'D', attributes: 'Email', width: '400', height: '400' }),
    ...init,
  });

const tokenOf = async (response: Response) => ((await response.json()) as { access_token: string }).access_token;

describe('the built-in Sandbox runs where the browser lets the background start it', () => {
  it('forwards to the offscreen document where the browser has one, and never starts the emulator itself', async () => {
    const { document, state } = fakeDocument();
    const inWorker = vi.fn<AskEmulator>();
    const fetch = builtInSandboxFetch({ offscreen: document, inWorker, bandLabel: () => 'SANDBOX · test' });
    const answer = await mintToken(fetch);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(await tokenOf(answer)).toMatch(/^[A-Za-z0-9]{28}$/);
    expect(state).toMatchObject({ opened: 1, asked: 1, bands: ['SANDBOX · test'] });
    expect(inWorker).not.toHaveBeenCalled();
  });

  it('without offscreen documents, the background’s own emulator worker answers, with the band in the browser’s language', async () => {
    const handler = createSandboxHandler();
    const calls: string[] = [];
    const inWorker: AskEmulator = async (call) => {
      calls.push(call.bandLabel);
      return responseToWire(await handler.handle(requestFromWire(call.request)));
    };
    const fetch = builtInSandboxFetch({ offscreen: undefined, inWorker, bandLabel: () => 'SANDBOX · geen echte PiM-code' });
    const token = await tokenOf(await mintToken(fetch));
    expect((await image(fetch, token)).status).toBe(200);
    expect(calls).toEqual(['SANDBOX · geen echte PiM-code', 'SANDBOX · geen echte PiM-code']);
  });
});

describe('calls forwarded to the offscreen document', () => {
  it('calls that arrive together open one document', async () => {
    const { document, state } = fakeDocument();
    const fetch = asFetch(askThroughDocument(document), () => 'band');
    const answers = await Promise.all([mintToken(fetch), mintToken(fetch), mintToken(fetch)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(state.opened).toBe(1);
  });

  it('a worker started later finds the document open and its emulator as it was: a token it issued still counts, the quota goes on', async () => {
    const { document, state } = fakeDocument();
    const first = asFetch(askThroughDocument(document), () => 'band');
    const token = await tokenOf(await mintToken(first));
    expect((await image(first, token)).headers.get('quota-used')).toBe('1');

    const afterRestart = asFetch(askThroughDocument(document), () => 'band');
    const answer = await image(afterRestart, token);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('quota-used')).toBe('2');
    expect(state.opened).toBe(1);
  });

  it('a document closed since is opened again once, and the call goes through', async () => {
    const { document, state, close } = fakeDocument();
    const fetch = asFetch(askThroughDocument(document), () => 'band');
    await mintToken(fetch);
    close();
    expect((await mintToken(fetch)).status).toBe(200);
    expect(state.opened).toBe(2);
  });

  it('an open document that fails a call is not asked twice, so nothing is counted twice', async () => {
    const { document, state } = fakeDocument();
    const fetch = asFetch(askThroughDocument({ ...document, ask: async (call) => (await document.ask(call), Promise.reject(new PimError('internal'))) }), () => 'band');
    await expect(mintToken(fetch)).rejects.toEqual(new PimError('internal'));
    expect(state.asked).toBe(1);
  });

  it('the emulator answers as the gateway would: a wrong client is a 401 with its body', async () => {
    const { document } = fakeDocument();
    const fetch = asFetch(askThroughDocument(document), () => 'band');
    const answer = await fetch(`${BASE}${TOKEN_PATH}?grant_type=client_credentials`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'client_id=sandbox-client&client_secret=wrong',
    });
    expect(answer.status).toBe(401);
    expect(await answer.text()).toContain('Invalid');
  });

  it('an aborted call rejects at once with the signal’s reason, as fetch does', async () => {
    const { document } = fakeDocument();
    let release: (() => void) | undefined;
    const slow: SandboxDocument = { ...document, ask: async (call) => (await new Promise<void>((r) => (release = r)), document.ask(call)) };
    const fetch = asFetch(askThroughDocument(slow), () => 'band');
    const controller = new AbortController();
    const reason = new PimError('cancelled');
    const pending = image(fetch, 'token', { signal: controller.signal });
    await vi.waitFor(() => expect(release).toBeDefined());
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    release?.();
    controller.abort();
    await expect(image(fetch, 'token', { signal: controller.signal })).rejects.toBe(reason);
  });
});
