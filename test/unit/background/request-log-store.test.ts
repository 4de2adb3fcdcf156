// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../src/core/request-log';
import { createMemoryStore } from '../../../src/core/storage-port';
import { createRequestLogStore, REQUEST_LOG_SIZE } from '../../../src/background/request-log-store';
import { topicsOf } from '../../../src/ui/live';

const entry = (n: number): RequestLogEntry => ({
  id: `call-${n}`,
  time: 1_700_000_000_000 + n,
  method: 'POST',
  url: 'https://api.example.test/image',
  status: 200,
  durationMs: 50,
  requestHeaders: { Authorization: 'Bearer $TOKEN' },
  requestBody: `{"title":"QR ${n}"}`,
});

/** A memory store that records each storage call's keys. */
function recordingStore(initial: Record<string, unknown> = {}) {
  const store = createMemoryStore(initial);
  const calls: string[][] = [];
  return {
    ...store,
    calls,
    setMany: (values: Record<string, unknown>) => {
      calls.push(Object.keys(values).sort());
      return store.setMany(values);
    },
    remove: (keys: string | readonly string[]) => {
      calls.push(['remove', ...(typeof keys === 'string' ? [keys] : keys)]);
      return store.remove(keys);
    },
  };
}

describe('the request log in storage', () => {
  it('lists the calls newest first, each under a key of its own beside a small index', async () => {
    const session = recordingStore();
    const log = createRequestLogStore(session);
    for (let n = 1; n <= 3; n++) await log.append(entry(n));
    expect((await log.list()).map((e) => e.id)).toEqual(['call-3', 'call-2', 'call-1']);
    expect(session.data.get('requestLog')).toEqual({ ids: ['call-3', 'call-2', 'call-1'], schemaVersion: 1 });
    expect(session.data.get('requestLog:call-2')).toEqual(entry(2));
  });

  it('writes one entry and the index per call, however long the log is', async () => {
    const session = recordingStore();
    const log = createRequestLogStore(session);
    for (let n = 1; n <= REQUEST_LOG_SIZE; n++) await log.append(entry(n));
    session.calls.length = 0;
    await log.append(entry(REQUEST_LOG_SIZE + 1));
    // The oldest entry goes first, then the new one and the index in one call: nothing else is rewritten.
    expect(session.calls).toEqual([['remove', 'requestLog:call-1'], ['requestLog', `requestLog:call-${REQUEST_LOG_SIZE + 1}`]]);
    const ids = (await log.list()).map((e) => e.id);
    expect(ids).toHaveLength(REQUEST_LOG_SIZE);
    expect(ids[0]).toBe(`call-${REQUEST_LOG_SIZE + 1}`);
    expect(ids).not.toContain('call-1');
    expect(session.data.has('requestLog:call-1')).toBe(false);
  });

  it('hands the writes to storage before append returns, once the log is loaded', async () => {
    const session = recordingStore();
    const log = createRequestLogStore(session);
    await log.load();
    const appended = log.append(entry(1));
    // A worker stopped right after this call has lost nothing: the storage call was made.
    expect(session.data.get('requestLog:call-1')).toEqual(entry(1));
    await appended;
  });

  it('takes over a log stored as one array, the layout before entries had keys of their own', async () => {
    const session = recordingStore({ requestLog: [entry(2), entry(1), { broken: true }] });
    const log = createRequestLogStore(session);
    expect((await log.list()).map((e) => e.id)).toEqual(['call-2', 'call-1']);
    expect(session.data.get('requestLog')).toEqual({ ids: ['call-2', 'call-1'], schemaVersion: 1 });
    expect(session.data.get('requestLog:call-1')).toEqual(entry(1));
  });

  it('leaves out an entry the index names that is missing or damaged', async () => {
    const session = recordingStore({ requestLog: { ids: ['a', 'b', 'c', 7], schemaVersion: 1 }, 'requestLog:a': { ...entry(1), id: 'a' }, 'requestLog:b': 'junk' });
    expect((await createRequestLogStore(session).list()).map((e) => e.id)).toEqual(['a']);
  });

  it('clears the index and every entry', async () => {
    const session = recordingStore();
    const log = createRequestLogStore(session);
    for (let n = 1; n <= 3; n++) await log.append(entry(n));
    expect(await log.clear()).toEqual([]);
    expect([...session.data.keys()].filter((key) => key.startsWith('requestLog'))).toEqual([]);
    expect(await log.list()).toEqual([]);
  });

  it('is what an open view refreshes its request log for', () => {
    expect([...topicsOf(['requestLog:call-1'])]).toEqual(['log']);
    expect([...topicsOf(['requestLog'])]).toEqual(['log']);
    expect([...topicsOf(['requestLogX'])]).toEqual([]);
  });
});
