// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { RememberedPlacementList, RememberedPlacementView } from '../../../src/shared/placement-messages';
import { generateResult } from '../ui/fixtures';
import { type RenderPopupOptions, renderPopup } from './render-popup';

const ORIGIN = 'https://shop.example';

function remembered(overrides: Partial<RememberedPlacementView> = {}): RememberedPlacementView {
  return {
    id: 'p1',
    page: `${ORIGIN}/login`,
    mode: 'replace',
    selector: '#pim-qr-slot',
    size: { width: 240, height: 240 },
    createdAt: 1,
    onThisPage: true,
    ...overrides,
  };
}

function siteList(placements: RememberedPlacementView[] = []): RememberedPlacementList {
  return { origin: ORIGIN, page: `${ORIGIN}/login`, placements, lastPick: null };
}

const placed = { tabId: 7, placementId: 'new', picking: false, remembered: false };

/** The popup over a page of ORIGIN, with a generated QR on show. */
async function showResult(options: RenderPopupOptions = {}) {
  const rendered = await renderPopup({
    ...options,
    answers: { 'ui-bg-generate': generateResult(), 'ui-bg-placements-list': siteList(), 'ui-bg-place': placed, ...options.answers },
  });
  // The site's origin is known before any click, for the permission request.
  await waitFor(() => expect(rendered.store.placement.list.value).not.toBeNull());
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  await screen.findByRole('img', { name: 'QR preview' });
  // The placement controls arrive with the first result (a lazy chunk).
  await screen.findByRole('group', { name: 'Placement' });
  return rendered;
}

function choose(mode: string, selector?: string) {
  fireEvent.click(screen.getByRole('radio', { name: mode }));
  if (selector !== undefined) fireEvent.input(screen.getByRole('textbox', { name: 'CSS selector' }), { target: { value: selector } });
}

const HINT = 'Click an element on the page (Esc cancels).';

const insert = () => fireEvent.click(screen.getByRole('button', { name: 'Insert into page' }));

describe('PlacementControls', () => {
  it('starts floating, with no selector to type, and inserts floating', async () => {
    const { messaging, ports } = await showResult();
    expect(screen.getByRole('group', { name: 'Placement' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Floating' })).toHaveProperty('checked', true);
    expect(screen.queryByRole('textbox', { name: 'CSS selector' })).toBeNull();
    insert();
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(1));
    expect(messaging.sent('ui-bg-place')[0]).toEqual({ svg: expect.stringMatching(/^<svg[\s>]/), mode: 'floating' });
    expect(ports.requestHostPermission).not.toHaveBeenCalled();
  });

  it('replaces the element a CSS selector names, in the ?tab= tab', async () => {
    const { messaging } = await showResult({ page: { view: 'tab', tabId: 42 } });
    choose('Replace element', '  #pim-qr-slot ');
    insert();
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(1));
    expect(messaging.sent('ui-bg-place')[0]).toEqual({ tabId: 42, svg: expect.stringMatching(/^<svg[\s>]/), mode: 'replace', selector: '#pim-qr-slot' });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Inserted into the page.');
  });

  it('places on Enter in the selector, a mode or Remember, and never generates again', async () => {
    const { messaging } = await showResult();
    choose('Replace element', '#pim-qr-slot');
    const enter = (field: HTMLElement) => fireEvent.keyDown(field, { key: 'Enter' });
    // Cancelled, so no form around the controls can take the Enter as its submit (Generate).
    expect(enter(screen.getByRole('textbox', { name: 'CSS selector' }))).toBe(false);
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(1));
    expect(messaging.sent('ui-bg-place')[0]).toMatchObject({ mode: 'replace', selector: '#pim-qr-slot' });
    await screen.findByRole('status');
    expect(enter(screen.getByRole('radio', { name: 'Insert inside' }))).toBe(false);
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(2));
    expect(enter(screen.getByRole('checkbox', { name: /Remember/ }))).toBe(false);
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(3));
    expect(messaging.sent('ui-bg-generate')).toHaveLength(1);
    // Other keys type as usual.
    expect(fireEvent.keyDown(screen.getByRole('textbox', { name: 'CSS selector' }), { key: 'a' })).toBe(true);
  });

  it('asks for a selector before sending anything when none is typed', async () => {
    const { messaging } = await showResult();
    choose('Insert inside');
    insert();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Which element should the QR go in?')).toBeTruthy();
    expect(messaging.sent('ui-bg-place')).toEqual([]);
  });

  it.each([
    ['popup', { view: 'popup' as const }, 1],
    ['tab', { view: 'tab' as const, tabId: 42 }, 0],
  ])('picks the element in the page (%s view closes itself: %i)', async (_view, page, closes) => {
    const { messaging, ports } = await showResult({ page, answers: { 'ui-bg-place': { ...placed, picking: true } } });
    choose('Insert inside', '#ignored-when-picking');
    messaging.answers['ui-bg-placements-list'] = { ...siteList(), lastPick: { id: 'new', state: 'picking', mode: 'inside' } };
    fireEvent.click(screen.getByRole('button', { name: 'Pick an element' }));
    expect(await screen.findByText('Click an element on the page (Esc cancels).', { selector: 'p.note' })).toBeTruthy();
    expect(messaging.sent('ui-bg-place')[0]).toMatchObject({ mode: 'inside', pick: true });
    expect(messaging.sent('ui-bg-place')[0]).not.toHaveProperty('selector');
    expect(ports.closeWindow).toHaveBeenCalledTimes(closes);
  });

  it('shows the background’s error in the alert', async () => {
    await showResult({ answers: { 'ui-bg-place': new PimError('selector-no-match', { params: { selector: '#nope' } }) } });
    choose('Replace element', '#nope');
    insert();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('No element on this page matches “#nope”.')).toBeTruthy();
    expect(within(alert).getByText('Check the selector, or use “Pick an element”.')).toBeTruthy();
  });
});

describe('after a pick', () => {
  const pickedList = (lastPick: RememberedPlacementList['lastPick']): RememberedPlacementList => ({ ...siteList(), lastPick });
  const placedNote = () => screen.queryByText('Placed on:', { exact: false, selector: 'p.note' });

  it('follows the pick live: the picked selector as code, in the selector field, and no picking hint', async () => {
    const { messaging, ports } = await showResult({ answers: { 'ui-bg-place': { ...placed, picking: true } } });
    choose('Replace element');
    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'new', state: 'picking', mode: 'replace' });
    fireEvent.click(screen.getByRole('button', { name: 'Pick an element' }));
    await screen.findByText('Click an element on the page (Esc cancels).', { selector: 'p.note' });
    expect(placedNote()).toBeNull();

    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'new', state: 'placed', mode: 'inside', selector: 'main > .card' });
    ports.changeStorage('lastPicks');
    await waitFor(() => expect(placedNote()?.textContent).toBe('Placed on: main > .card'));
    expect(placedNote()?.querySelector('code')?.textContent).toBe('main > .card');
    // Nowhere: neither beside the outcome nor in the status line at the bottom.
    expect(screen.queryByText(HINT)).toBeNull();
    expect(screen.getByRole('radio', { name: 'Insert inside' })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', 'main > .card');

    // The picked selector is the target of "Insert into page" now.
    messaging.answers['ui-bg-place'] = placed;
    insert();
    await waitFor(() => expect(messaging.sent('ui-bg-place')[1]).toMatchObject({ mode: 'inside', selector: 'main > .card' }));
  });

  it('fills the form once per pick: an edit made afterwards stays through later changes', async () => {
    const { messaging, ports } = await showResult();
    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'p1', state: 'placed', mode: 'replace', selector: '#first' });
    ports.changeStorage('lastPicks');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#first'));
    choose('Replace element', '#typed');
    ports.changeStorage('placements');
    await waitFor(() => expect(messaging.sent('ui-bg-placements-list').length).toBeGreaterThanOrEqual(3));
    expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#typed');

    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'p2', state: 'placed', mode: 'replace', selector: '#second' });
    ports.changeStorage('lastPicks');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#second'));
  });

  it('follows the target tab: another tab at the front has its own outcome, and coming back shows this one again', async () => {
    const { messaging, ports } = await showResult();
    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'p1', state: 'placed', mode: 'replace', selector: '#first' });
    ports.changeStorage('lastPicks');
    await waitFor(() => expect(placedNote()?.textContent).toBe('Placed on: #first'));

    messaging.answers['ui-bg-placements-list'] = pickedList(null);
    ports.changeTargetTab();
    await waitFor(() => expect(placedNote()).toBeNull());

    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'p1', state: 'placed', mode: 'replace', selector: '#first' });
    ports.changeTargetTab();
    await waitFor(() => expect(placedNote()?.textContent).toBe('Placed on: #first'));
  });

  it('says a cancelled pick was cancelled, and leaves the form as it was', async () => {
    const { messaging, ports } = await showResult();
    choose('Replace element', '#mine');
    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'p1', state: 'cancelled', mode: 'inside' });
    ports.changeStorage('lastPicks');
    expect(await screen.findByText('Picking cancelled; nothing was placed.', { selector: 'p.note' })).toBeTruthy();
    expect(screen.queryByText(HINT)).toBeNull();
    expect(screen.getByRole('radio', { name: 'Replace element' })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#mine');
  });

  it('says why a pick placed nothing, in a live line, with the hint gone, and leaves the form as it was', async () => {
    const { messaging, ports } = await showResult({ answers: { 'ui-bg-place': { ...placed, picking: true } } });
    choose('Replace element', '#mine');
    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'new', state: 'picking', mode: 'inside' });
    fireEvent.click(screen.getByRole('button', { name: 'Pick an element' }));
    await screen.findByText(HINT, { selector: 'p.note' });

    messaging.answers['ui-bg-placements-list'] = pickedList({ id: 'new', state: 'failed', mode: 'inside', code: 'pick-outside-page' });
    ports.changeStorage('lastPicks');
    const failed = await screen.findByText('Nothing was placed: The QR cannot go there.', { selector: 'p.note' });
    expect(failed.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.queryByText(HINT)).toBeNull();
    expect(placedNote()).toBeNull();
    expect(screen.getByRole('radio', { name: 'Replace element' })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#mine');
  });

  it('is told in a popup opened again without a QR, and fills the form once one is generated', async () => {
    const { store } = await renderPopup({
      page: { view: 'tab', tabId: 42 },
      answers: { 'ui-bg-generate': generateResult(), 'ui-bg-placements-list': pickedList({ id: 'p1', state: 'placed', mode: 'replace', selector: '#pim-qr-slot' }) },
    });
    await waitFor(() => expect(placedNote()?.textContent).toBe('Placed on: #pim-qr-slot'));
    expect(store.placement.selector.value).toBe('#pim-qr-slot');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await screen.findByRole('img', { name: 'QR preview' });
    expect(await screen.findByRole('radio', { name: 'Replace element' })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#pim-qr-slot');
  });

  it('says nothing when the tab has no pick to tell', async () => {
    await showResult();
    expect(placedNote()).toBeNull();
    expect(screen.queryByText('Picking cancelled; nothing was placed.')).toBeNull();
  });
});

describe('Remember on this site', () => {
  it('asks for the site within the click, then places and remembers, and lists it', async () => {
    const { messaging, ports } = await showResult({ answers: { 'ui-bg-place': { ...placed, remembered: true } } });
    choose('Replace element', '#pim-qr-slot');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember on this site' }));
    messaging.answers['ui-bg-placements-list'] = siteList([remembered()]);
    insert();
    // Synchronously: after an await the browser would no longer see the user's gesture.
    expect(ports.requestHostPermission).toHaveBeenCalledWith(`${ORIGIN}/*`);
    await waitFor(() => expect(messaging.sent('ui-bg-place')[0]).toMatchObject({ mode: 'replace', selector: '#pim-qr-slot', remember: true }));
    expect(await screen.findByText('Replace element · #pim-qr-slot · 240×240 px')).toBeTruthy();
    expect(screen.getByRole('status')).toHaveProperty('textContent', 'Placed, and remembered on this site.');
  });

  it('remembers a floating QR', async () => {
    const { messaging } = await showResult({ answers: { 'ui-bg-place': { ...placed, remembered: true } } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember on this site' }));
    insert();
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(1));
    expect(messaging.sent('ui-bg-place')[0]).toEqual({ svg: expect.any(String), mode: 'floating', remember: true });
  });

  it('when access is refused, says so, sends nothing and keeps every choice', async () => {
    const { messaging } = await showResult({ ports: { requestHostPermission: async () => false } });
    choose('Replace element', '#pim-qr-slot');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember on this site' }));
    insert();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Access to shop.example was not allowed, so the QR was not placed.')).toBeTruthy();
    expect(messaging.sent('ui-bg-place')).toEqual([]);
    expect(screen.getByRole('radio', { name: 'Replace element' })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: 'CSS selector' })).toHaveProperty('value', '#pim-qr-slot');
    expect(screen.getByRole('checkbox', { name: 'Remember on this site' })).toHaveProperty('checked', true);
    expect(screen.getByRole('img', { name: 'QR preview' })).toBeTruthy();
  });

  it('leaves a page that is not a web site to the background, which explains', async () => {
    const refusal = new PimError('remember-needs-web-page');
    const { messaging, ports } = await showResult({ answers: { 'ui-bg-placements-list': { origin: '', page: '', placements: [], lastPick: null }, 'ui-bg-place': refusal } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember on this site' }));
    insert();
    expect(await screen.findByText('Only web pages (http and https) can remember a placement.')).toBeTruthy();
    expect(ports.requestHostPermission).not.toHaveBeenCalled();
    expect(messaging.sent('ui-bg-place')[0]).toMatchObject({ remember: true });
  });
});

describe('RememberedPlacements', () => {
  it('lists the site’s placements: mode, selector or floating, size, and other pages by path', async () => {
    await renderPopup({
      answers: {
        'ui-bg-placements-list': siteList([
          remembered(),
          remembered({ id: 'p2', mode: 'floating', selector: undefined, size: { width: 400.4, height: 400.4 } }),
          remembered({ id: 'p3', mode: 'inside', selector: '.cart', page: `${ORIGIN}/checkout`, onThisPage: false }),
        ]),
      },
    });
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem').map((item) => item.querySelector('span')?.textContent)).toEqual([
      'Replace element · #pim-qr-slot · 240×240 px',
      'Floating · 400×400 px',
      'Insert inside · .cart · 240×240 px · on /checkout',
    ]);
    expect(within(list).getAllByRole('button', { name: 'Remove' })).toHaveLength(3);
  });

  it('says when nothing is remembered, and hides itself off the web', async () => {
    const { store } = await renderPopup({ answers: { 'ui-bg-placements-list': siteList() } });
    expect(await screen.findByText('Nothing is remembered on this site.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove all on this page' })).toBeNull();
    store.placement.list.value = { origin: '', page: '', placements: [], lastPick: null };
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Remembered on this site' })).toBeNull());
  });

  it('removes one placement and shows the updated list', async () => {
    const { messaging } = await renderPopup({
      page: { view: 'tab', tabId: 42 },
      answers: { 'ui-bg-placements-list': siteList([remembered()]), 'ui-bg-placement-forget': siteList() },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Nothing is remembered on this site.')).toBeTruthy();
    expect(messaging.sent('ui-bg-placement-forget')).toEqual([{ tabId: 42, id: 'p1' }]);
  });

  it('removes all on this page', async () => {
    const { messaging } = await renderPopup({
      answers: { 'ui-bg-placements-list': siteList([remembered(), remembered({ id: 'p2' })]), 'ui-bg-placements-forget-page': siteList() },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove all on this page' }));
    expect(await screen.findByText('Nothing is remembered on this site.')).toBeTruthy();
    expect(messaging.sent('ui-bg-placements-forget-page')).toEqual([{}]);
  });

  it('shows a failed removal in an alert and keeps the list', async () => {
    await renderPopup({
      answers: { 'ui-bg-placements-list': siteList([remembered()]), 'ui-bg-placement-forget': new PimError('placements-too-large') },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The remembered QR codes take too much room.')).toBeTruthy();
    expect(screen.getByText('Replace element · #pim-qr-slot · 240×240 px')).toBeTruthy();
  });

  it('shows a list that cannot be loaded in an alert', async () => {
    await renderPopup({ answers: { 'ui-bg-placements-list': new PimError('tab-closed') } });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('That tab or frame is no longer open.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Remembered on this site' })).toBeTruthy();
  });
});
