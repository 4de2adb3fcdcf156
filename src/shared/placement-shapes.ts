// The shapes of a placement's geometry, checked wherever one arrives: in message payloads (both ways
// between the worker and the content script) and in what storage gives back.
import { hasControlCharacters } from '../core/control-characters';
import type { PimErrorCode } from '../core/error-codes';
import { SELECTOR_MAX_CHARS } from './limits';
import type { PinSpec, Point, Size } from './placement-messages';

export function validSize(value: unknown): Size | undefined {
  if (!isRecord(value)) return undefined;
  const { width, height } = value;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 8 && n <= 10_000;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

export function validPoint(value: unknown): Point | undefined {
  if (!isRecord(value)) return undefined;
  const { x, y } = value;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= 100_000;
  return ok(x) && ok(y) ? { x, y } : undefined;
}

export function validPin(value: unknown): PinSpec | undefined {
  if (!isRecord(value) || !isSelector(value.selector)) return undefined;
  const offset = validPoint({ x: value.dx, y: value.dy });
  return offset ? { selector: value.selector, dx: offset.x, dy: offset.y } : undefined;
}

/**
 * What is wrong with a selector, if anything. A selector is shown to the person ("Placed on:", the
 * form, the remembered list), so no control or bidi character may reorder or hide part of it.
 */
export function selectorProblem(value: unknown): Extract<PimErrorCode, 'selector-too-long' | 'selector-control-characters'> | undefined {
  if (typeof value !== 'string' || value.trim() === '' || value.length > SELECTOR_MAX_CHARS) return 'selector-too-long';
  return hasControlCharacters(value) ? 'selector-control-characters' : undefined;
}

export function isSelector(value: unknown): value is string {
  return selectorProblem(value) === undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
