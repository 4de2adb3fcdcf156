import { describe, expect, it } from 'vitest';
import { activeFaults, takeInstanceFaults } from '../../../../../src/core/sandbox/dev/active-faults';
import { SANDBOX_FAULTS, SandboxFaultError, parseFaults } from '../../../../../src/core/sandbox/dev/faults';

describe('parseFaults', () => {
  it.each([
    ['token-lifetime=5', { name: 'token-lifetime', seconds: 5 }, 'token'],
    ['expire-token', { name: 'expire-token' }, 'image'],
    ['unauthorized', { name: 'unauthorized' }, 'image'],
    ['forbidden', { name: 'forbidden' }, 'image'],
    ['bad-credentials-500', { name: 'bad-credentials-500' }, 'token'],
    ['rate-limit', { name: 'rate-limit', retryAfterSeconds: 1 }, 'image'],
    ['rate-limit=30', { name: 'rate-limit', retryAfterSeconds: 30 }, 'image'],
    ['token:rate-limit=2', { name: 'rate-limit', retryAfterSeconds: 2 }, 'token'],
    ['quota-used=899', { name: 'quota-used', used: 899 }, 'image'],
    ['server-error', { name: 'server-error', status: 500 }, 'image'],
    ['server-error=503', { name: 'server-error', status: 503 }, 'image'],
    ['token:server-error=502', { name: 'server-error', status: 502 }, 'token'],
    ['delay=250', { name: 'delay', ms: 250 }, 'image'],
    ['token:delay=0', { name: 'delay', ms: 0 }, 'token'],
    ['shape=json-object', { name: 'shape', shape: 'json-object' }, 'image'],
    ['malformed-base64', { name: 'malformed-base64' }, 'image'],
    ['not-svg', { name: 'not-svg', kind: 'png' }, 'image'],
    ['not-svg=text', { name: 'not-svg', kind: 'text' }, 'image'],
    ['oversized', { name: 'oversized' }, 'image'],
    ['empty', { name: 'empty' }, 'image'],
    ['hostile', { name: 'hostile', kind: 'script' }, 'image'],
    ['hostile=external', { name: 'hostile', kind: 'external' }, 'image'],
  ])('%s', (spec, fault, route) => {
    expect(parseFaults(spec)).toEqual([{ fault, route, remaining: null, spec }]);
  });

  it('reads a comma-separated list with counts and stray spaces', () => {
    const parsed = parseFaults(' unauthorized*1 , shape=data-url,, delay=5*3 ');
    expect(parsed.map(({ fault, remaining }) => [fault.name, remaining])).toEqual([
      ['unauthorized', 1],
      ['shape', null],
      ['delay', 3],
    ]);
  });

  it('returns nothing for an empty header', () => {
    expect(parseFaults('')).toEqual([]);
  });

  it.each([
    ['nonsense', /Unknown sandbox fault 'nonsense'/],
    ['Unauthorized', /Malformed|Unknown/],
    ['shape', /needs a value/],
    ['shape=xml', /accepts bare\|json-string\|json-object\|data-url/],
    ['server-error=418', /accepts 500\|502\|503\|504/],
    ['delay=fast', /whole number/],
    ['delay=-5', /whole number/],
    ['delay=9999999', /whole number/],
    ['token-lifetime', /needs a value/],
    ['unauthorized=yes', /takes no value/],
    ['token:forbidden', /cannot target the token endpoint/],
    ['image:token-lifetime=5', /cannot target the image endpoint/],
    ['empty*0', /count of 0/],
    ['hostile=iframe', /accepts script\|handler\|foreignobject\|external/],
    ['not-svg=gif', /accepts png\|text/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(SandboxFaultError);
    expect(() => parseFaults(spec)).toThrow(message);
  });
});

describe('SANDBOX_FAULTS', () => {
  it('documents every fault the parser knows, once, with a description and a working example', () => {
    const names = SANDBOX_FAULTS.map((info) => info.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(
      [
        'bad-credentials-500',
        'delay',
        'empty',
        'expire-token',
        'forbidden',
        'hostile',
        'leak-credentials',
        'huge-size',
        'malformed-base64',
        'not-svg',
        'oversized',
        'quota-used',
        'rate-limit',
        'redirect',
        'server-error',
        'shape',
        'spike-arrest',
        'token-lifetime',
        'unauthorized',
        'unusable-token',
      ].sort(),
    );
    for (const info of SANDBOX_FAULTS) {
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.routes).toContain(info.route);
      expect(info.syntax.startsWith(info.name)).toBe(true);
      expect(parseFaults(info.example)[0]?.fault.name).toBe(info.name);
    }
  });
});

describe('takeInstanceFaults', () => {
  it('counts down counted faults on their own route only and keeps uncounted ones', () => {
    let pending = parseFaults('unauthorized*2,shape=json-string,token:server-error=503*1');
    const first = takeInstanceFaults(pending, 'image');
    expect(first.taken.map((f) => f.fault.name)).toEqual(['unauthorized', 'shape']);
    pending = first.remaining;
    expect(pending.map((f) => [f.spec, f.remaining])).toEqual([
      ['unauthorized*2', 1],
      ['shape=json-string', null],
      ['token:server-error=503*1', 1],
    ]);
    pending = takeInstanceFaults(pending, 'image').remaining;
    expect(pending.map((f) => f.fault.name)).toEqual(['shape', 'server-error']);
    const token = takeInstanceFaults(pending, 'token');
    expect(token.taken.map((f) => f.fault.name)).toEqual(['server-error']);
    expect(token.remaining.map((f) => f.fault.name)).toEqual(['shape']);
  });
});

describe('activeFaults', () => {
  it('lets the first value win for single-valued faults and collects every hostile kind', () => {
    const active = activeFaults(parseFaults('delay=5,shape=data-url,hostile=script,delay=9,shape=bare,hostile=external'), 'image');
    expect(active.delayMs).toBe(5);
    expect(active.shape).toBe('data-url');
    expect([...active.hostile].sort()).toEqual(['external', 'script']);
  });

  it('ignores faults aimed at the other route', () => {
    const active = activeFaults(parseFaults('token:server-error=503,forbidden'), 'token');
    expect(active.serverError).toBe(503);
    expect(active.forbidden).toBe(false);
    expect(activeFaults(parseFaults('token:server-error=503'), 'image').serverError).toBeUndefined();
  });
});
