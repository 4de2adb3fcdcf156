import { describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { readCappedText, sendRequest, tooLarge } from '../../../src/core/send-request';
import { sleep } from '../../../src/core/sleep';

function streamOf(chunks: Uint8Array[]): Response {
  let i = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[i++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    }),
  );
}

describe('readCappedText', () => {
  it('reads a body up to the cap exactly, as UTF-8 across chunk boundaries', async () => {
    const bytes = new TextEncoder().encode('héllo ✓');
    const response = streamOf([bytes.slice(0, 2), bytes.slice(2, 7), bytes.slice(7)]);
    expect(await readCappedText(response, bytes.byteLength)).toEqual({ text: 'héllo ✓', bytes: bytes.byteLength });
  });

  it('refuses one byte more than the cap', async () => {
    const response = streamOf([new Uint8Array(10), new Uint8Array(1)]);
    await expect(readCappedText(response, 10)).rejects.toMatchObject({ kind: 'unreadable-response', code: 'answer-too-large', params: { maxBytes: 10 } });
  });

  it('names the limit it passed, in bytes (the UI words it as a size)', async () => {
    await expect(readCappedText(streamOf([new Uint8Array(70 * 1024)]), 64 * 1024)).rejects.toMatchObject({ params: { maxBytes: 64 * 1024 } });
    await expect(
      readCappedText(new Response('x', { headers: { 'Content-Length': String(3 * 1024 * 1024) } }), 2 * 1024 * 1024),
    ).rejects.toMatchObject({ params: { maxBytes: 2 * 1024 * 1024 } });
    expect(tooLarge(1024 * 1024 - 1)).toMatchObject({ code: 'answer-too-large', params: { maxBytes: 1024 * 1024 - 1 } });
  });

  it('refuses a declared Content-Length past the cap even without a body', async () => {
    const response = new Response(null, { headers: { 'Content-Length': String(64 * 1024 + 1) } });
    await expect(readCappedText(response, 64 * 1024)).rejects.toMatchObject({ code: 'answer-too-large' });
  });

  it('reads an empty body', async () => {
    expect(await readCappedText(new Response(null), 10)).toEqual({ text: '', bytes: 0 });
  });

  it('a stream that errors mid-way is a network error', async () => {
    const response = new Response(
      new ReadableStream({
        pull(controller) {
          controller.error(new Error('connection reset'));
        },
      }),
    );
    await expect(readCappedText(response, 100)).rejects.toMatchObject({ kind: 'network', code: 'connection-broke' });
  });

  it('stops waiting for a stalled stream when the signal aborts', async () => {
    const controller = new AbortController();
    const stalled = new Response(new ReadableStream({ pull: () => new Promise(() => {}) }));
    setTimeout(() => controller.abort(new PimError('timeout', { params: { seconds: 1 } })), 5);
    await expect(readCappedText(stalled, 100, controller.signal)).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('sleep', () => {
  it('resolves once its time has passed, not before', async () => {
    vi.useFakeTimers();
    try {
      let resolved = false;
      const sleeping = sleep(15).then(() => (resolved = true));
      await vi.advanceTimersByTimeAsync(14);
      expect(resolved).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(resolved).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with the abort reason', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new PimError('cancelled')), 5);
    await expect(sleep(10_000, controller.signal)).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('sendRequest and the quota headers', () => {
  const call = (headers: Record<string, string>, status = 200) => {
    const logged: RequestLogEntry[] = [];
    const request = sendRequest(
      {
        fetch: async () => new Response('{}', { status, headers }),
        now: () => Date.UTC(2026, 10, 30, 9),
        url: 'https://api.example/oauth/client_credential/accesstoken?grant_type=client_credentials',
        headers: {},
        body: '',
        signal: new AbortController().signal,
        maxBodyBytes: 1024,
        onRequest: (entry) => logged.push(entry),
      },
      (answer) => {
        if (answer.status !== 200) throw new PimError('rate-limited', { status: answer.status });
        return answer.status;
      },
    );
    return { request, logged };
  };

  it('records the figures of any answer, a failed one too, in its log entry', async () => {
    const ok = call({ 'quota-limit': '50', 'quota-used': '7' });
    await ok.request;
    expect(ok.logged[0]?.quota).toEqual({ limit: 50, used: 7, seenAt: Date.UTC(2026, 10, 30, 9) });
    const refused = call({ 'quota-limit': '50', 'quota-used': '50' }, 429);
    await expect(refused.request).rejects.toBeInstanceOf(PimError);
    expect(refused.logged[0]?.quota).toMatchObject({ limit: 50, used: 50 });
  });

  it('records nothing of figures that are not believable', async () => {
    const { request, logged } = call({ 'quota-limit': 'lots', 'quota-used': '7' });
    await request;
    expect(logged[0]).not.toHaveProperty('quota');
  });
});
