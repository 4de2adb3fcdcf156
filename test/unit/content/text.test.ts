import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentText } from '../../../src/content/text';
import { enMessage } from '../setup-i18n';

describe('contentText', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads content_<key> from the extension catalogue, with substitutions', () => {
    const getMessage = vi.fn((key: string, substitutions?: string[]) => enMessage(key, substitutions));
    vi.stubGlobal('chrome', { i18n: { getMessage } });
    expect(contentText('sizeText', ['240', '480'])).toBe('240 CSS px · 480 device px');
    expect(getMessage).toHaveBeenCalledWith('content_sizeText', ['240', '480']);
  });

  it('falls back to English when the catalogue has no such key', () => {
    vi.stubGlobal('chrome', { i18n: { getMessage: () => '' } });
    expect(contentText('placeFailed', ['No element matches “#x”.'])).toBe('The QR could not be placed: No element matches “#x”.');
  });
});
