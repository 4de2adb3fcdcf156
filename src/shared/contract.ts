// What every message protocol is made of. Each direction (extension pages → worker, content script
// → worker, worker → content script) is one declaration object in src/shared/contracts/: message
// name → payload check and answer type. Names, type guards, handler maps, the router and the sender
// are all derived from that object, so a message exists exactly where it is declared.
import type { PimErrorData } from '../core/errors';

declare const ANSWER: unique symbol;

/** One message: the check its payload must pass, and (as a type only) what its handler answers. */
export interface MessageSpec<Request, Response> {
  /** Returns the payload typed, or throws a PimError 'invalid-parameters'. */
  readonly check: (payload: unknown) => Request;
  /** Never set: it carries the answer's type for the sender and the handler map. */
  readonly [ANSWER]?: Response;
}

/** `message(check).answers<Answer>()`: the payload type is what `check` returns. */
export function message<Request>(check: (payload: unknown) => Request) {
  return { answers: <Response>(): MessageSpec<Request, Response> => ({ check }) };
}

export type Contract = Readonly<Record<string, MessageSpec<unknown, unknown>>>;
export type NameOf<C extends Contract> = keyof C & string;
export type RequestOf<C extends Contract, N extends NameOf<C>> = ReturnType<C[N]['check']>;
export type ResponseOf<C extends Contract, N extends NameOf<C>> = C[N] extends MessageSpec<unknown, infer R> ? R : never;

/** What travels: the name and the payload, nothing else. */
export interface Envelope<C extends Contract, N extends NameOf<C> = NameOf<C>> {
  name: N;
  payload: RequestOf<C, N>;
}

/** Errors travel as data: a denied or crashed call is never mistaken for an empty answer. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: PimErrorData };

/**
 * One handler per declared message, each given the checked payload and what the router learned
 * about the sender. A message without a handler does not compile.
 */
export type Handlers<C extends Contract, S = void> = {
  readonly [N in NameOf<C>]: (payload: RequestOf<C, N>, sender: S) => Promise<ResponseOf<C, N>>;
};

export type Send<C extends Contract> = <N extends NameOf<C>>(name: N, payload: RequestOf<C, N>) => Promise<ResponseOf<C, N>>;

/** True for `{ name }` with a name the contract declares (its own keys only, never `toString`). */
export function isMessageOf<C extends Contract>(contract: C, value: unknown): value is { name: NameOf<C>; payload?: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const name = (value as { name?: unknown }).name;
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
