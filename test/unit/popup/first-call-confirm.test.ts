import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { EnvironmentView } from '../../../src/shared/messages';
import { createFirstCallConfirm } from '../../../src/popup/first-call-confirm';
import { productionView, sandboxView, stagingView } from '../ui/fixtures';

describe('createFirstCallConfirm', () => {
  it('holds the first call of an environment that asks, once per session and per environment', () => {
    const environment = signal<EnvironmentView | undefined>(productionView);
    const confirm = createFirstCallConfirm(environment);
    const start = vi.fn();
    expect(confirm.asked()).toBe(false);
    expect(confirm.holds(start)).toBe(true);
    expect(confirm.pending.value?.environment.id).toBe('production');
    confirm.cancel();
    expect(start).not.toHaveBeenCalled();
    expect(confirm.asked()).toBe(true);
    expect(confirm.holds(start)).toBe(true);
    confirm.confirm();
    expect(start).toHaveBeenCalledTimes(1);
    expect(confirm.holds(start)).toBe(false);

    environment.value = { ...stagingView, confirmFirstCall: true };
    expect(confirm.holds(start)).toBe(true);
    environment.value = sandboxView;
    expect(confirm.holds(() => undefined)).toBe(false);
  });

  it('drops a yes given for an environment that is no longer the one in use', () => {
    const environment = signal<EnvironmentView | undefined>(productionView);
    const confirm = createFirstCallConfirm(environment);
    const start = vi.fn();
    confirm.holds(start);
    environment.value = sandboxView;
    confirm.confirm();
    expect(start).not.toHaveBeenCalled();
    expect(confirm.pending.value).toBeNull();
    environment.value = productionView;
    expect(confirm.holds(start)).toBe(true);
  });
});
