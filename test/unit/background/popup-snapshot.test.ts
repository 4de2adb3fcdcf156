import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageCopy } from '../../../src/shared/page-copy';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';
import { addLocalEnvironment, setup } from './ui-handlers-setup';
import { fakeLocalStorage } from '../shared/fake-local-storage';

const SNAPSHOT = { selectedEnvironmentId: 'sandbox', environments: [], defaults: {} };

describe('the popup snapshot in the worker', () => {
  it('is dropped when an environment is deleted, so no popup offers it from there', async () => {
    const { handlers, local } = setup();
    const env = await addLocalEnvironment(handlers);
    await local.set(STORAGE_KEYS.popupSnapshot, SNAPSHOT);
    await handlers['ui-bg-environment-delete']({ id: env.id });
    expect(await local.get(STORAGE_KEYS.popupSnapshot)).toBeUndefined();
  });

  it('is dropped when the selection or the defaults change', async () => {
    const { handlers, local } = setup();
    await handlers['ui-bg-settings-get'](undefined);
    await local.set(STORAGE_KEYS.popupSnapshot, SNAPSHOT);
    await handlers['ui-bg-settings-save']({ selectedEnvironmentId: 'production' });
    expect(await local.get(STORAGE_KEYS.popupSnapshot)).toBeUndefined();
  });

  it('stays while the settings are only read', async () => {
    const { handlers, local } = setup();
    await handlers['ui-bg-settings-get'](undefined);
    await local.set(STORAGE_KEYS.popupSnapshot, SNAPSHOT);
    await handlers['ui-bg-settings-get'](undefined);
    await handlers['ui-bg-environments-list'](undefined);
    expect(await local.get(STORAGE_KEYS.popupSnapshot)).toEqual(SNAPSHOT);
  });

  it('is dropped from localStorage too where the background is a page (Firefox), so no popup paints from its copy', async () => {
    const area = fakeLocalStorage();
    vi.stubGlobal('localStorage', area);
    const copy = pageCopy(area);
    const { handlers } = setup();
    const env = await addLocalEnvironment(handlers);
    copy.write(STORAGE_KEYS.popupSnapshot, SNAPSHOT);
    await handlers['ui-bg-environment-delete']({ id: env.id });
    // "None" rather than no copy at all: the next popup need not ask storage.local either.
    expect(copy.read(STORAGE_KEYS.popupSnapshot)).toEqual({ value: undefined });
  });
});

afterEach(() => vi.unstubAllGlobals());
