// The one boundary component tests fake: SendMessage. Each message name gets a canned answer,
// a function of the payload, or an error to throw; every call is recorded.
import type { UiMessageName as MessageName, UiRequest as RequestOf, UiResponse as ResponseOf } from '../../../src/shared/contracts/ui-to-worker';
import type { SendMessage } from '../../../src/shared/send-message';

export type Answer<N extends MessageName> =
  | ResponseOf<N>
  | Error
  | ((payload: RequestOf<N>) => ResponseOf<N> | Promise<ResponseOf<N>>);

export type Answers = { [N in MessageName]?: Answer<N> };

export interface Call {
  name: MessageName;
  payload: unknown;
}

export interface FakeMessaging {
  send: SendMessage;
  calls: Call[];
  answers: Answers;
  /** The payloads sent under one name, in order. */
  sent<N extends MessageName>(name: N): RequestOf<N>[];
}

export function fakeMessaging(initial: Answers = {}): FakeMessaging {
  const answers: Answers = { ...initial };
  const calls: Call[] = [];
  const send = (async (name: MessageName, payload: unknown) => {
    calls.push({ name, payload });
    const answer = answers[name] as Answer<MessageName> | undefined;
    if (answer === undefined) throw new Error(`[fake-messaging] no answer for ${name}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? (answer as (p: unknown) => unknown)(payload) : structuredClone(answer);
  }) as SendMessage;
  return {
    send,
    calls,
    answers,
    sent: <N extends MessageName>(name: N) => calls.filter((c) => c.name === name).map((c) => c.payload as RequestOf<N>),
  };
}

/** A promise the test settles by hand, to hold a component in its busy state. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
