import { afterEach, describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { type Contract, type Handlers, message } from '../../../src/shared/contract';
import { createRouter, onlyIf, type Route } from '../../../src/shared/message-router';
import { noPayload, objectPayload, requiredString } from '../../../src/shared/payload';

const contract = {
  'test-echo': message((raw) => ({ text: requiredString(objectPayload(raw), 'text') })).answers<{ echoed: string; by: string }>(),
  'test-nothing': message(noPayload).answers<number>(),
} satisfies Contract;

interface Facts {
  name: string;
}
interface RawSender {
  url?: string;
  trusted?: boolean;
}

function setup(options: { refusal?: boolean; handlers?: Partial<Handlers<typeof contract, Facts>> } = {}) {
  const echo = vi.fn(async (payload: { text: string }, sender: Facts) => ({ echoed: payload.text, by: sender.name }));
  const nothing = vi.fn(async () => 42);
  const route: Route<typeof contract, Facts, RawSender> = {
    contract,
    handlers: { 'test-echo': echo, 'test-nothing': nothing, ...options.handlers },
    admit: (sender) => (sender.trusted ? { name: 'trusted one' } : false),
    label: 'test',
  };
  const refusal = vi.fn((name: string, sender: RawSender) => new PimError('remember-host-not-allowed', { params: { host: `${sender.url ?? ''} ${name}` } }));
  if (options.refusal !== false) route.refusal = refusal;
  return { route: createRouter(route), echo, nothing, refusal };
}

const trusted: RawSender = { url: 'https://ours.example/', trusted: true };
const stranger: RawSender = { url: 'https://stranger.example/' };

afterEach(() => vi.restoreAllMocks());

describe('createRouter', () => {
  it.each([
    ['another contract’s message', { name: 'content-bg-restore', payload: {} }],
    ['a name from the prototype', { name: 'toString' }],
    ['a name that is no string', { name: 42 }],
    ['no object', 'test-echo'],
    ['null', null],
  ])('leaves %s unanswered, so another listener can answer it', (_label, value) => {
    const { route, echo } = setup();
    expect(route(value, trusted)).toBeUndefined();
    expect(echo).not.toHaveBeenCalled();
  });

  it('answers with the handler’s value, given the checked payload and the admitted sender’s facts', async () => {
    const { route, echo } = setup();
    await expect(route({ name: 'test-echo', payload: { text: 'hi', extra: 'dropped' } }, trusted)).resolves.toEqual({
      ok: true,
      value: { echoed: 'hi', by: 'trusted one' },
    });
    expect(echo).toHaveBeenCalledWith({ text: 'hi' }, { name: 'trusted one' });
    await expect(route({ name: 'test-nothing' }, trusted)).resolves.toEqual({ ok: true, value: 42 });
  });

  it('refuses a sender the route does not admit with its refusal, before looking at the payload', async () => {
    const { route, echo, refusal } = setup();
    await expect(route({ name: 'test-echo', payload: 'not even an object' }, stranger)).resolves.toEqual({
      ok: false,
      error: { kind: 'permission-denied', code: 'remember-host-not-allowed', params: { host: 'https://stranger.example/ test-echo' } },
    });
    expect(echo).not.toHaveBeenCalled();
    expect(refusal).toHaveBeenCalledWith('test-echo', stranger);
  });

  it('leaves a refused sender without any answer when the route has no refusal', () => {
    const { route, echo } = setup({ refusal: false });
    expect(route({ name: 'test-echo', payload: { text: 'hi' } }, stranger)).toBeUndefined();
    expect(echo).not.toHaveBeenCalled();
  });

  it.each([
    ['no payload', undefined],
    ['a payload that is no object', 'hi'],
    ['a field of the wrong type', { text: 5 }],
  ])('refuses %s as invalid-parameters without calling the handler', async (_label, payload) => {
    const { route, echo } = setup();
    const reply = await route({ name: 'test-echo', payload }, trusted);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid-parameters' } });
    expect(echo).not.toHaveBeenCalled();
  });

  it('passes a PimError on as data, with its status and transaction ID', async () => {
    const { route } = setup({
      handlers: {
        'test-nothing': async () => {
          throw new PimError('timeout', { params: { seconds: 20 }, status: 504, transactionId: 'tx-1' });
        },
      },
    });
    await expect(route({ name: 'test-nothing' }, trusted)).resolves.toMatchObject({ ok: false, error: { kind: 'timeout', status: 504, transactionId: 'tx-1' } });
  });

  it('turns any other failure into internal, keeping its text out of the answer', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const crash = new Error('secret-ish internal detail');
    const { route } = setup({
      handlers: {
        'test-nothing': async () => {
          throw crash;
        },
      },
    });
    const reply = await route({ name: 'test-nothing' }, trusted);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('secret-ish');
    expect(warn).toHaveBeenCalledWith('[test]', 'test-nothing failed', crash);
  });
});

describe('createRouter and the console', () => {
  it('keeps a PimError, which the user sees worded, out of the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { route } = setup({
      handlers: {
        'test-nothing': async () => {
          throw new PimError('network');
        },
      },
    });
    await expect(route({ name: 'test-nothing' }, trusted)).resolves.toStrictEqual({ ok: false, error: { kind: 'network', code: 'network' } });
    await expect(route({ name: 'test-echo', payload: {} }, trusted)).resolves.toMatchObject({ ok: false, error: { code: 'malformed-field' } });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('onlyIf', () => {
  it('admits with nothing to tell, or refuses', () => {
    expect(onlyIf(true)).toBeUndefined();
    expect(onlyIf(false)).toBe(false);
  });
});
