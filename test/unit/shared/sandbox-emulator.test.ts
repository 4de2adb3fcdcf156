// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { SandboxCall } from '../../../src/shared/contracts/worker-to-offscreen';
import { emulatorInWorker } from '../../../src/shared/sandbox-emulator';

/** A Worker that either fails to load (fires `error`, answers nothing) or answers every call. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  static failNext = 0;
  readonly fails: boolean;
  terminated = false;
  calls = 0;
  constructor() {
    super();
    this.fails = FakeWorker.failNext > 0;
    if (this.fails) FakeWorker.failNext--;
    FakeWorker.made.push(this);
  }
  postMessage(_call: unknown, [port]: MessagePort[]): void {
    this.calls++;
    if (this.fails) setTimeout(() => this.dispatchEvent(new Event('error')), 0);
    else port?.postMessage({ ok: true, answer: { status: 200, headers: [], body: `answer ${FakeWorker.made.indexOf(this)}` } });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const call: SandboxCall = { bandLabel: 'SANDBOX', request: { url: 'https://sandbox.pim.invalid/v1/image', method: 'POST', headers: [], body: '' } };

describe('emulatorInWorker', () => {
  beforeEach(() => {
    FakeWorker.made = [];
    FakeWorker.failNext = 0;
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('starts one worker with the first call and keeps it for the next', async () => {
    const ask = emulatorInWorker();
    expect(FakeWorker.made).toHaveLength(0);
    await expect(ask(call)).resolves.toMatchObject({ body: 'answer 0' });
    await expect(ask(call)).resolves.toMatchObject({ body: 'answer 0' });
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]?.calls).toBe(2);
  });

  it('fails a call its worker cannot answer, and starts a new worker for the next call instead of waiting on it', async () => {
    FakeWorker.failNext = 1;
    const ask = emulatorInWorker();
    const failed = await ask(call).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(PimError);
    expect((failed as PimError).code).toBe('internal');
    expect(FakeWorker.made[0]?.terminated).toBe(true);
    await expect(ask(call)).resolves.toMatchObject({ body: 'answer 1' });
    expect(FakeWorker.made).toHaveLength(2);
  });
});
