// @vitest-environment happy-dom
// While the tab is captured, what PiM QR draws around its QR codes is hidden and the QR codes stay;
// everything comes back when the worker says so, or by itself should that word never come.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURING_ATTRIBUTE } from '../../../src/content/own-elements';
import { createOwnUiHiding } from '../../../src/content/own-ui-hiding';
import { forceStyles, PLACEMENT_ATTRIBUTE } from '../../../src/shared/own-host';

function page() {
  document.body.innerHTML = '<main id="site">The page</main>';
  const placements = ['a', 'b'].map((id) => {
    const host = document.createElement('div');
    host.setAttribute(PLACEMENT_ATTRIBUTE, id);
    document.body.append(host);
    return host;
  });
  const notice = document.createElement('div');
  notice.setAttribute('data-pim-qr-ui', 'notice');
  forceStyles(notice, { all: 'initial', position: 'fixed' });
  document.documentElement.append(notice);
  return { placements, notice, site: document.getElementById('site') as HTMLElement };
}

describe('createOwnUiHiding', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.documentElement.querySelectorAll('[data-pim-qr-ui]').forEach((e) => e.remove());
  });

  it('marks every placement for the capture and hides notices and the picker; the page itself is untouched', async () => {
    const { placements, notice, site } = page();
    const ownUi = createOwnUiHiding(window);
    const answer = ownUi({ hidden: true });
    await vi.advanceTimersByTimeAsync(250);
    expect(await answer).toEqual({ hidden: true });
    expect(placements.map((host) => host.hasAttribute(CAPTURING_ATTRIBUTE))).toEqual([true, true]);
    expect(notice.style.getPropertyValue('visibility')).toBe('hidden');
    expect(notice.style.getPropertyPriority('visibility')).toBe('important');
    expect(site.getAttributeNames()).toEqual(['id']);

    expect(await ownUi({ hidden: false })).toEqual({ hidden: false });
    expect(placements.map((host) => host.hasAttribute(CAPTURING_ATTRIBUTE))).toEqual([false, false]);
    expect(notice.style.getPropertyValue('visibility')).toBe('initial');
  });

  it('answers only after the page had time to paint without them', async () => {
    page();
    let answered = false;
    void createOwnUiHiding(window)({ hidden: true }).then(() => (answered = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(250);
    expect(answered).toBe(true);
  });

  it('shows everything again after 5 s when the worker never says so', async () => {
    const { placements, notice } = page();
    const ownUi = createOwnUiHiding(window);
    void ownUi({ hidden: true });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(placements[0]?.hasAttribute(CAPTURING_ATTRIBUTE)).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(placements[0]?.hasAttribute(CAPTURING_ATTRIBUTE)).toBe(false);
    expect(notice.style.getPropertyValue('visibility')).toBe('initial');
  });

  it('a second capture starts its own 5 s', async () => {
    const { placements } = page();
    const ownUi = createOwnUiHiding(window);
    void ownUi({ hidden: true });
    await vi.advanceTimersByTimeAsync(4_000);
    void ownUi({ hidden: true });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(placements[1]?.hasAttribute(CAPTURING_ATTRIBUTE)).toBe(true);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(placements[1]?.hasAttribute(CAPTURING_ATTRIBUTE)).toBe(false);
  });
});
