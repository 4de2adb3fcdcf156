import { describe, expect, it } from 'vitest';
import { type Handlers, routeMessage } from '../../../src/background/router';
import { PimError } from '../../../src/core/errors';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const context = { runtimeId: ID, extensionOrigin: `chrome-extension://${ID}` };
const popup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };

function handlers(overrides: Partial<Record<string, (p: unknown) => Promise<unknown>>>): Handlers {
  return new Proxy({} as Handlers, {
    get: (_t, name: string) => overrides[name] ?? (async () => `handled ${name}`),
  });
}

describe('routeMessage', () => {
  it('leaves messages that are not ours unanswered', () => {
    expect(routeMessage(handlers({}), context, { name: 'content-bg-something' }, popup)).toBeUndefined();
    expect(routeMessage(handlers({}), context, 'hello', popup)).toBeUndefined();
  });

  it('answers our pages with the handler value', async () => {
    await expect(routeMessage(handlers({}), context, { name: 'ui-bg-log-get' }, popup)).resolves.toEqual({
      ok: true,
      value: 'handled ui-bg-log-get',
    });
  });

  it.each([
    ['a content script', { id: ID, url: 'https://example.com/' }],
    ['another extension', { id: 'x'.repeat(32), url: popup.url }],
  ])('refuses privileged messages from %s with an error, not silence', async (_name, sender) => {
    for (const name of ['ui-bg-generate', 'ui-bg-credentials-set', 'ui-bg-log-get', 'ui-bg-environments-list'] as const) {
      const reply = await routeMessage(handlers({}), context, { name, payload: {} }, sender);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'permission-denied' } });
    }
  });

  it('turns a handler failure into error data, hiding unexpected details', async () => {
    const reply = await routeMessage(
      handlers({
        'ui-bg-generate': async () => {
          throw new PimError('timeout', { params: { seconds: 20 }, status: 504, transactionId: 'tx-1' });
        },
        'ui-bg-log-get': async () => {
          throw new Error('secret-ish internal detail');
        },
      }),
      context,
      { name: 'ui-bg-generate', payload: {} },
      popup,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'timeout', status: 504, transactionId: 'tx-1' } });
    const crash = await routeMessage(handlers({ 'ui-bg-log-get': async () => { throw new Error('secret-ish internal detail'); } }), context, { name: 'ui-bg-log-get' }, popup);
    expect(JSON.stringify(crash)).not.toContain('secret-ish');
    expect(crash).toMatchObject({ ok: false, error: { kind: 'internal' } });
  });
});
