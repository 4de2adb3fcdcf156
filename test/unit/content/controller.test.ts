// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createController } from '../../../src/content/controller';
import { PimError } from '../../../src/core/errors';
import { renderSandboxSvg } from '../../../src/core/sandbox/render';
import type { PlacementSpec } from '../../../src/shared/placement-messages';

const svg = renderSandboxSvg({ redirect: 1, title: '', description: '', attributes: ['Email'], width: 240, height: 240 });
const spec = (over: Partial<PlacementSpec> = {}): PlacementSpec => ({ id: 'p1', svg, mode: 'floating', remembered: false, ...over });

function setup(restored: PlacementSpec[] = []) {
  const send = vi.fn(async (name: string) => (name === 'content-bg-restore' ? restored : { updated: true, forgotten: true, remembered: true }));
  const controller = createController(send as never, window);
  return { controller, send };
}

const hosts = () => document.querySelectorAll('[data-pim-qr-placement]');

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><div id="pim-qr-slot" style="display: flex">PiM QR code</div></main>';
});

afterEach(() => {
  document.querySelectorAll('[data-pim-qr-placement], [data-pim-qr-ui]').forEach((e) => e.remove());
});

describe('controller', () => {
  it('places a floating QR in an open shadow root with its named controls', async () => {
    const { controller } = setup();
    const info = await controller.handle({ name: 'bg-content-place', payload: spec() });
    expect(info).toMatchObject({ id: 'p1', size: { width: 240, height: 240 } });
    const host = hosts()[0] as HTMLElement;
    expect(host.getAttribute('role')).toBe('group');
    expect(host.getAttribute('aria-label')).toBe('PiM QR placement');
    expect(host.tabIndex).toBe(0);
    expect(host.style.getPropertyPriority('all')).toBe('important');
    const root = host.shadowRoot as ShadowRoot;
    expect(root.querySelector('button[aria-label="Remove QR"]')).not.toBeNull();
    expect(root.querySelector('input[type="range"][aria-label="Opacity"]')).not.toBeNull();
    expect(root.querySelector('button[aria-label="Pin to element"]')).not.toBeNull();
    expect(root.querySelector('button[aria-label="Resize QR"]')).not.toBeNull();
    expect(root.querySelector('.image')?.shadowRoot?.querySelector('svg[role="img"]')).not.toBeNull();
  });

  it('places the same id once, however often it is asked', async () => {
    const { controller } = setup();
    await controller.handle({ name: 'bg-content-place', payload: spec() });
    await controller.handle({ name: 'bg-content-place', payload: spec() });
    expect(hosts()).toHaveLength(1);
  });

  it('replaces an element by selector and gives it back on remove', async () => {
    const { controller } = setup();
    const slot = document.getElementById('pim-qr-slot') as HTMLElement;
    await controller.handle({ name: 'bg-content-place', payload: spec({ mode: 'replace', selector: '#pim-qr-slot' }) });
    expect(slot.style.getPropertyValue('display')).toBe('none');
    expect(slot.previousElementSibling?.hasAttribute('data-pim-qr-placement')).toBe(true);
    await controller.handle({ name: 'bg-content-remove', payload: { ids: ['p1'] } });
    expect(hosts()).toHaveLength(0);
    expect(slot.style.getPropertyValue('display')).toBe('flex');
  });

  it('inserts inside an element', async () => {
    const { controller } = setup();
    await controller.handle({ name: 'bg-content-place', payload: spec({ mode: 'inside', selector: '#pim-qr-slot' }) });
    expect(document.getElementById('pim-qr-slot')?.lastElementChild?.hasAttribute('data-pim-qr-placement')).toBe(true);
  });

  it.each([
    ['a selector that matches nothing', '#nope', /No element on this page matches/],
    ['an invalid selector', 'div[', /is not a valid CSS selector/],
    ['the head', 'head', /cannot go there/],
  ])('refuses %s with a clear error', async (_name, selector, message) => {
    const { controller } = setup();
    const error = await controller.handle({ name: 'bg-content-place', payload: spec({ mode: 'replace', selector }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PimError);
    expect((error as PimError).message).toMatch(message);
    expect(hosts()).toHaveLength(0);
  });

  it('tells the background when the user removes a remembered placement, not when the page does', async () => {
    const { controller, send } = setup();
    await controller.handle({ name: 'bg-content-place', payload: spec({ remembered: true }) });
    const host = hosts()[0] as HTMLElement;
    (host.shadowRoot?.querySelector('button[aria-label="Remove QR"]') as HTMLButtonElement).click();
    expect(send).toHaveBeenCalledWith('content-bg-placement-removed', { url: location.href, id: 'p1' });
    await controller.handle({ name: 'bg-content-place', payload: spec({ id: 'p2' }) });
    (hosts()[0] as HTMLElement).shadowRoot?.querySelector<HTMLButtonElement>('button[aria-label="Remove QR"]')?.click();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('restores remembered placements and puts them back after a re-render', async () => {
    const { controller, send } = setup([spec({ id: 'r1', mode: 'replace', selector: '#pim-qr-slot', remembered: true })]);
    controller.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(send).toHaveBeenCalledWith('content-bg-restore', { url: location.href });
    // A framework throws the old nodes away and renders new ones.
    (document.getElementById('app') as HTMLElement).innerHTML = '<div id="pim-qr-slot">PiM QR code</div>';
    expect(hosts()).toHaveLength(0);
    await vi.waitFor(() => {
      expect(hosts()).toHaveLength(1);
      expect((document.getElementById('pim-qr-slot') as HTMLElement).style.getPropertyValue('display')).toBe('none');
    });
    controller.dispose();
    expect(hosts()).toHaveLength(0);
  });
});
