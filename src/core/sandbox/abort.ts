/** What a request's aborted signal rejects with: its reason, or the AbortError fetch would give. */
export function abortReason(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
