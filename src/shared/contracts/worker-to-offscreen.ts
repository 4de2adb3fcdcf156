// The worker → the offscreen document (Chrome only; runtime.sendMessage), where the built-in Sandbox's
// emulator runs so that the worker does not carry it. The document answers only this extension's worker.
import type { HeaderList, WireRequest, WireResponse } from '../../core/sandbox/wire';
import { type Contract, message } from '../contract';
import { SANDBOX_BODY_MAX_CHARS, SANDBOX_HEADERS_MAX, TEXT_MAX_CHARS } from '../limits';
import { bad, objectPayload, type Payload, requiredString } from '../payload';

export interface SandboxCall {
  /** The band printed across the QR, in the browser's language: the document has no catalogue of its own. */
  bandLabel: string;
  request: WireRequest;
}

function headerList(payload: Payload): HeaderList {
  const value = payload.headers;
  const isPair = (item: unknown) =>
    Array.isArray(item) && item.length === 2 && item.every((part) => typeof part === 'string' && part.length <= TEXT_MAX_CHARS);
  if (!Array.isArray(value) || value.length > SANDBOX_HEADERS_MAX || !value.every(isPair)) throw bad('headers');
  return value as HeaderList;
}

export function sandboxCall(raw: unknown): SandboxCall {
  const payload = objectPayload(raw);
  const request = objectPayload(payload.request);
  return {
    bandLabel: requiredString(payload, 'bandLabel'),
    request: {
      url: requiredString(request, 'url'),
      method: requiredString(request, 'method', 16),
      headers: headerList(request),
      body: requiredString(request, 'body', SANDBOX_BODY_MAX_CHARS),
    },
  };
}

export const workerToOffscreen = {
  /** One call of the built-in Sandbox, answered as the emulator answered it. */
  'bg-offscreen-sandbox-fetch': message(sandboxCall).answers<WireResponse>(),
} satisfies Contract;

export type WorkerToOffscreen = typeof workerToOffscreen;
