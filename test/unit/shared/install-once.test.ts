import { describe, expect, it, vi } from 'vitest';
import { CONTROLLER_KEY, installOnce } from '../../../src/shared/install-once';

function fake(alive = true) {
  return { alive: vi.fn(() => alive), dispose: vi.fn() };
}

describe('installOnce', () => {
  it('creates the controller on the first injection', () => {
    const scope = {};
    const create = vi.fn(() => fake());
    const { controller, created } = installOnce(scope, create);
    expect(created).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
    expect((scope as Record<symbol, unknown>)[CONTROLLER_KEY]).toBe(controller);
  });

  it('reuses it when injected again: one controller, one set of listeners', () => {
    const scope = {};
    const create = vi.fn(() => fake());
    const first = installOnce(scope, create);
    const second = installOnce(scope, create);
    const third = installOnce(scope, create);
    expect(create).toHaveBeenCalledTimes(1);
    expect(second).toEqual({ controller: first.controller, created: false });
    expect(third.controller).toBe(first.controller);
  });

  it('replaces a controller orphaned by an extension reload', () => {
    const scope = {};
    const orphan = fake(false);
    installOnce(scope, () => orphan);
    const fresh = fake();
    const { controller, created } = installOnce(scope, () => fresh);
    expect(created).toBe(true);
    expect(controller).toBe(fresh);
    expect(orphan.dispose).toHaveBeenCalledTimes(1);
  });

  it('keeps the controller off enumerable properties', () => {
    const scope = {};
    installOnce(scope, () => fake());
    expect(Object.keys(scope)).toEqual([]);
  });
});
