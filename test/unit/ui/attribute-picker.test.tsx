// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PIM_ATTRIBUTES, type PimAttribute } from '../../../src/core/attributes';
import { AttributePicker } from '../../../src/ui/AttributePicker';
import { rovingTarget } from '../../../src/ui/roving-focus';

afterEach(cleanup);

describe('rovingTarget', () => {
  it('steps one item with the arrows, wrapping round, and jumps to the ends with Home and End', () => {
    expect([rovingTarget('ArrowRight', 0, 4), rovingTarget('ArrowDown', 2, 4), rovingTarget('ArrowRight', 3, 4)]).toEqual([1, 3, 0]);
    expect([rovingTarget('ArrowLeft', 2, 4), rovingTarget('ArrowUp', 1, 4), rovingTarget('ArrowLeft', 0, 4)]).toEqual([1, 0, 3]);
    expect([rovingTarget('Home', 3, 4), rovingTarget('End', 0, 4)]).toEqual([0, 3]);
  });

  it('leaves every other key, and an empty widget, to the browser', () => {
    for (const key of ['Tab', ' ', 'Enter', 'a', 'PageDown']) expect(rovingTarget(key, 1, 4)).toBeUndefined();
    expect(rovingTarget('ArrowRight', 0, 0)).toBeUndefined();
  });
});

describe('AttributePicker', () => {
  const setup = (initial: PimAttribute[] = []) => {
    const value = signal<PimAttribute[]>(initial);
    render(<AttributePicker value={value} />);
    const boxes = () => screen.getAllByRole('checkbox') as HTMLInputElement[];
    const tabStops = () => boxes().filter((b) => b.tabIndex === 0).map((b) => b.getAttribute('aria-label'));
    return { value, boxes, tabStops };
  };

  it('is one tab stop that the arrow keys, Home and End move, keeping focus on it', () => {
    const { boxes, tabStops } = setup();
    expect(tabStops()).toEqual([PIM_ATTRIBUTES[0]]);
    boxes()[0]?.focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe(PIM_ATTRIBUTES[1]);
    expect(tabStops()).toEqual([PIM_ATTRIBUTES[1]]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(tabStops()).toEqual([PIM_ATTRIBUTES.at(-1)]);
    expect(document.activeElement).toBe(boxes().at(-1));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(tabStops()).toEqual([PIM_ATTRIBUTES[0]]);
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement).toBe(boxes()[0]);
  });

  it('moves nothing on a key with Ctrl, so Ctrl+Arrow stays the browser’s', () => {
    const { boxes, tabStops } = setup();
    boxes()[0]?.focus();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight', ctrlKey: true });
    expect(tabStops()).toEqual([PIM_ATTRIBUTES[0]]);
  });

  it('makes a clicked or focused box the tab stop, and keeps the order the boxes were ticked in', () => {
    const { value, boxes, tabStops } = setup(['Mobile']);
    const email = screen.getByRole('checkbox', { name: 'Email' });
    fireEvent.focus(email);
    fireEvent.click(email);
    expect(tabStops()).toEqual(['Email']);
    expect(value.value).toEqual(['Mobile', 'Email']);
    fireEvent.click(boxes()[PIM_ATTRIBUTES.indexOf('Mobile')] as HTMLInputElement);
    expect(value.value).toEqual(['Email']);
  });
});
