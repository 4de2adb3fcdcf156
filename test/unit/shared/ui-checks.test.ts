import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/core/params';
import { connectionTestForm, credentialsInput, environmentInput, generateRequest, settingsChange } from '../../../src/shared/contracts/ui-checks';
import { CLIENT_ID_MAX_CHARS, CLIENT_SECRET_MAX_CHARS, HISTORY_SIZE_MAX, HISTORY_SIZE_MIN, ID_MAX_CHARS } from '../../../src/shared/limits';
import { uiToWorker } from '../../../src/shared/contracts/ui-to-worker';
import { rejection } from '../rejection';

const refused = (check: () => unknown) => rejection(Promise.resolve().then(check));

describe('settingsChange', () => {
  it('keeps what is given, nothing else', () => {
    expect(settingsChange({ selectedEnvironmentId: 'sandbox', extra: 1 })).toEqual({ selectedEnvironmentId: 'sandbox' });
    expect(settingsChange({ defaults: { historySize: HISTORY_SIZE_MAX } })).toEqual({ defaults: { historySize: HISTORY_SIZE_MAX } });
    expect(settingsChange({ defaults: { params: DEFAULT_PARAMS, historySize: HISTORY_SIZE_MIN } })).toEqual({ defaults: { params: DEFAULT_PARAMS, historySize: HISTORY_SIZE_MIN } });
  });

  it.each([HISTORY_SIZE_MIN - 1, HISTORY_SIZE_MAX + 1, 2.5, '20'])('refuses a history size of %j', async (historySize) => {
    const error = await refused(() => settingsChange({ defaults: { historySize } }));
    expect(error).toMatchObject({ kind: 'invalid-parameters', code: 'history-size-invalid', params: { min: 1, max: 50 } });
  });

  it('keeps Keep history only as true or false', async () => {
    expect(settingsChange({ defaults: { keepHistory: false } })).toEqual({ defaults: { keepHistory: false } });
    for (const keepHistory of ['false', 0, null]) {
      expect(await refused(() => settingsChange({ defaults: { keepHistory } }))).toMatchObject({ code: 'malformed-field', params: { field: 'keepHistory' } });
    }
  });

  it('keeps Confirm before the first call only as an environment id with true or false', async () => {
    const change = { confirmFirstCall: { environmentId: 'production', on: false } };
    expect(settingsChange(change)).toEqual(change);
    for (const on of ['true', 1, undefined]) {
      expect(await refused(() => settingsChange({ confirmFirstCall: { environmentId: 'production', on } }))).toMatchObject({ params: { field: 'confirmFirstCall' } });
    }
    expect(await refused(() => settingsChange({ confirmFirstCall: { on: true } }))).toMatchObject({ params: { field: 'environmentId' } });
  });

  it('a history delete names one entry by its id', async () => {
    const check = uiToWorker['ui-bg-history-delete'].check;
    expect(check({ id: 'h1', extra: 1 })).toEqual({ id: 'h1' });
    for (const raw of [undefined, {}, { id: 7 }, { id: 'x'.repeat(ID_MAX_CHARS + 1) }]) {
      expect(await refused(() => check(raw))).toMatchObject({ kind: 'invalid-parameters' });
    }
  });

  it('refuses default parameters the API client would refuse, field by field', async () => {
    const error = await refused(() => settingsChange({ defaults: { params: { ...DEFAULT_PARAMS, title: '' } } }));
    expect(error.kind).toBe('invalid-parameters');
    expect(error.fieldErrors?.title).toBeDefined();
  });
});

describe('the other page payloads', () => {
  it('environmentInput keeps the declared fields as text', async () => {
    expect(environmentInput({ name: 'A', baseUrl: 'https://a.example', id: 'custom-1', secret: 'x' })).toEqual({ name: 'A', baseUrl: 'https://a.example', id: 'custom-1' });
    expect((await refused(() => environmentInput({ name: 5, baseUrl: 'https://a.example' }))).code).toMatch(/^malformed-/);
  });

  it('credentialsInput caps the client ID and secret', async () => {
    expect(credentialsInput({ environmentId: 'production', clientId: 'c'.repeat(CLIENT_ID_MAX_CHARS) })).toEqual({ environmentId: 'production', clientId: 'c'.repeat(CLIENT_ID_MAX_CHARS) });
    expect((await refused(() => credentialsInput({ environmentId: 'production', clientId: 'c'.repeat(CLIENT_ID_MAX_CHARS + 1) }))).params).toEqual({ field: 'clientId' });
    expect((await refused(() => credentialsInput({ environmentId: 'production', clientId: 'c', clientSecret: 's'.repeat(CLIENT_SECRET_MAX_CHARS + 1) }))).params).toEqual({ field: 'clientSecret' });
  });

  it('connectionTestForm keeps the form’s fields as text and caps the client ID and secret', async () => {
    const form = { baseUrl: 'https://a.example', clientId: 'c', clientSecret: 's', environmentId: 'custom-1', name: 'ignored' };
    expect(connectionTestForm(form)).toEqual({ baseUrl: 'https://a.example', tokenPath: '', clientId: 'c', clientSecret: 's', environmentId: 'custom-1' });
    expect((await refused(() => connectionTestForm({ clientId: 'c' }))).params).toEqual({ field: 'baseUrl' });
    expect((await refused(() => connectionTestForm({ ...form, clientSecret: 5 }))).params).toEqual({ field: 'clientSecret' });
    expect((await refused(() => connectionTestForm({ ...form, clientId: 'c'.repeat(CLIENT_ID_MAX_CHARS + 1) }))).params).toEqual({ field: 'clientId' });
    expect((await refused(() => connectionTestForm({ ...form, environmentId: 'x'.repeat(ID_MAX_CHARS + 1) }))).params).toEqual({ field: 'environmentId' });
  });

  it('generateRequest checks the parameters as the API client does', async () => {
    expect(generateRequest({ requestId: 'r', environmentId: 'sandbox', params: DEFAULT_PARAMS })).toEqual({ requestId: 'r', environmentId: 'sandbox', params: DEFAULT_PARAMS });
    expect((await refused(() => generateRequest({ requestId: 'r'.repeat(ID_MAX_CHARS + 1), environmentId: 'sandbox', params: DEFAULT_PARAMS }))).params).toEqual({ field: 'requestId' });
    const error = await refused(() => generateRequest({ requestId: 'r', environmentId: 'sandbox', params: { ...DEFAULT_PARAMS, width: 5 } }));
    expect(error.kind).toBe('invalid-parameters');
    expect(error.fieldErrors?.width).toBeDefined();
  });
});

describe('page payloads carry no key they were not given', () => {
  it('settingsChange: only the parts sent, and an empty defaults stays empty', () => {
    expect(settingsChange({})).toStrictEqual({});
    expect(settingsChange({ defaults: {} })).toStrictEqual({ defaults: {} });
    expect(settingsChange({ selectedEnvironmentId: 'sandbox' })).toStrictEqual({ selectedEnvironmentId: 'sandbox' });
  });

  it('environmentInput: the optional paths only when sent', () => {
    expect(environmentInput({ name: 'Test', baseUrl: 'https://api.example' })).toStrictEqual({ name: 'Test', baseUrl: 'https://api.example' });
    expect(environmentInput({ name: 'Test', baseUrl: 'https://api.example', id: 'e1', tokenPath: '/t', imagePath: '/i', other: 1 })).toStrictEqual({
      name: 'Test',
      baseUrl: 'https://api.example',
      id: 'e1',
      tokenPath: '/t',
      imagePath: '/i',
    });
  });

  it('credentialsInput: the secret only when sent, and kept when sent', () => {
    expect(credentialsInput({ environmentId: 'e1', clientId: 'c' })).toStrictEqual({ environmentId: 'e1', clientId: 'c' });
    expect(credentialsInput({ environmentId: 'e1', clientId: 'c', clientSecret: 's'.repeat(CLIENT_SECRET_MAX_CHARS), other: 1 })).toStrictEqual({
      environmentId: 'e1',
      clientId: 'c',
      clientSecret: 's'.repeat(CLIENT_SECRET_MAX_CHARS),
    });
  });
});
