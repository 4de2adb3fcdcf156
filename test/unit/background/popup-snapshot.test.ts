import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../../../src/shared/storage-keys';
import { addLocalEnvironment, setup } from './ui-handlers-setup';

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
});
