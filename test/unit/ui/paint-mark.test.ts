import { afterEach, describe, expect, it, vi } from 'vitest';
import { markFramePainting } from '../../../src/ui/paint-mark';

afterEach(() => {
  vi.unstubAllGlobals();
  performance.clearMarks();
});

describe('markFramePainting', () => {
  it('sets the mark at the start of the next animation frame, not before', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    markFramePainting('pim-test-ready');
    expect(performance.getEntriesByName('pim-test-ready')).toHaveLength(0);
    for (const frame of frames.splice(0)) frame(performance.now());
    expect(performance.getEntriesByName('pim-test-ready')).toHaveLength(1);
  });
});
