import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { ErrorView } from '../../../src/ui/error-view';
import { tracked } from '../../../src/ui/tracked';

describe('tracked', () => {
  it('is busy while the call runs, and clears an old error as it starts', async () => {
    const busy = signal<string | null>(null);
    const error = signal<ErrorView | null>({ kind: 'internal', code: 'internal' });
    let seen: [string | null, ErrorView | null] | undefined;
    await tracked({ signal: busy, running: 'copy', idle: null }, error, async () => {
      seen = [busy.value, error.value];
    });
    expect(seen).toEqual(['copy', null]);
    expect(busy.value).toBeNull();
    expect(error.value).toBeNull();
  });

  it('shows what the call threw and is idle again', async () => {
    const busy = signal(false);
    const error = signal<ErrorView | null>(null);
    await tracked({ signal: busy, running: true, idle: false }, error, async () => {
      throw new PimError('nothing-to-copy');
    });
    expect(busy.value).toBe(false);
    expect(error.value).toMatchObject({ kind: 'invalid-parameters', code: 'nothing-to-copy' });
  });
});
