// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lazy } from '../../../src/popup/Lazy';
import { lazyPart } from '../../../src/popup/lazy-part';
import { loadSanitizer } from '../../../src/popup/load-sanitizer';
import { createResultState, loadExports } from '../../../src/popup/result-state';
import type { PopupPorts } from '../../../src/popup/ports';
import { generateResult } from '../ui/fixtures';

const Part = () => <p>the part</p>;

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

describe('lazyPart', () => {
  it('loads once, however many ask at once, and answers at once after that', async () => {
    const load = vi.fn(() => Promise.resolve('value'));
    const part = lazyPart(load);
    expect(part.now()).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([part(), part()]);
    expect([a, b, part.now()]).toEqual(['value', 'value', 'value']);
    expect(load).toHaveBeenCalledTimes(1);
    await part();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries a failed load again on the next call, and has nothing to answer meanwhile', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('value');
    const part = lazyPart<string>(load);
    await expect(part()).rejects.toThrow('offline');
    expect(part.now()).toBeUndefined();
    expect(await part()).toBe('value');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('Lazy', () => {
  it('draws a part that is loaded already in the same render, with no effect or frame in between', async () => {
    const part = lazyPart(() => Promise.resolve(Part));
    await part();
    render(<Lazy load={part} />);
    // Synchronously: no await between render and the query.
    expect(screen.getByText('the part')).toBeTruthy();
  });

  it('loads a part once when it is first needed, and draws it when it arrives', async () => {
    let resolve: (value: typeof Part) => void = () => undefined;
    const load = vi.fn(() => new Promise<typeof Part>((r) => (resolve = r)));
    const part = lazyPart(load);
    render(<Lazy load={part} />);
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('the part')).toBeNull();
    resolve(Part);
    expect(await screen.findByText('the part')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('showing a result', () => {
  const deps = () => ({ send: vi.fn(), ports: { decodeQr: vi.fn() } as unknown as PopupPorts, announce: vi.fn() });

  it('shows it in the task the answer came in once the sanitizer is loaded: nothing else runs first', async () => {
    await Promise.all([loadSanitizer(), loadExports()]);
    const state = createResultState(deps());
    const item = generateResult();
    const shown = state.show(item);
    // Before any await: no storage event, render or other task could have run in between.
    expect(state.result.value?.id).toBe(item.id);
    expect(state.result.value?.svg).toMatch(/^<svg[\s>]/);
    await shown;
  });

  it('still sanitizes what it shows', async () => {
    const state = createResultState(deps());
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><path d="M0 0h9v9z"/></svg>';
    await state.show(generateResult({ svg }));
    expect(state.result.value?.svg).not.toMatch(/onload/);
    expect(state.result.value?.svg).toContain('<path');
  });
});
