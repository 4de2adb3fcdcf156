// The one router, for every direction: the worker answers extension pages and content scripts with
// it, the content script answers the worker. Only the sender check differs between them.
import { PimError, toErrorData } from '../core/errors';
import { type Contract, type Handlers, isMessageOf, type Reply } from './contract';

export interface Route<C extends Contract, S, Sender> {
  contract: C;
  handlers: Handlers<C, S>;
  /** False when the sender may not send these messages; otherwise what the handlers learn of it. */
  admit: (sender: Sender) => S | false;
  /**
   * The error a refused sender gets back (the route logs the refusal there too). Without it a
   * refused message is left unanswered, as if nobody listened.
   */
  refusal?: (name: string, sender: Sender) => PimError;
  /** Names the route in the console. */
  label: string;
}

/** Undefined: not a message of this contract, so another listener may answer it. */
export type Router<Sender> = (message: unknown, sender: Sender) => Promise<Reply<unknown>> | undefined;

/** The sender check of a route whose handlers need nothing of the sender. */
export function onlyIf(allowed: boolean): undefined | false {
  return allowed ? undefined : false;
}

/**
 * In this order: a name the contract does not declare is left alone; a refused sender gets the
 * route's refusal; the payload must pass its check; then the handler runs. Every failure comes
 * back as error data, and an error that is not a PimError as 'internal', without its own text.
 */
export function createRouter<C extends Contract, S, Sender>(route: Route<C, S, Sender>): Router<Sender> {
  return (message, sender) => {
    if (!isMessageOf(route.contract, message)) return undefined;
    const { name } = message;
    const admitted = route.admit(sender);
    if (admitted === false) return route.refusal && Promise.resolve({ ok: false, error: toErrorData(route.refusal(name, sender)) });
    const handler = route.handlers[name] as (payload: unknown, sender: S) => Promise<unknown>;
    return (async (): Promise<Reply<unknown>> => {
      try {
        return { ok: true, value: await handler(route.contract[name]?.check(message.payload), admitted) };
      } catch (error) {
        if (!(error instanceof PimError)) console.warn(`[${route.label}]`, `${name} failed`, error);
        return { ok: false, error: toErrorData(error) };
      }
    })();
  };
}
