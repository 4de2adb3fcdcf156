// A wait as one would say it, in the reader's language: seconds only while they are few.
import { afterEach, describe, expect, it } from 'vitest';
import nl from '../../../public/_locales/nl/messages.json';
import { formatWait } from '../../../src/shared/format';
import { setMessageLookup } from '../../../src/shared/i18n';
import { enMessage, formatMessage } from '../setup-i18n';

const dutch: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = nl;

afterEach(() => setMessageLookup(enMessage));

describe('formatWait', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [2.2, '3 seconds'],
    [90, '90 seconds'],
    [91, '2 minutes'],
    [60 * 60, '60 minutes'],
    [89 * 60, '89 minutes'],
    [90 * 60, '1 hour 30 minutes'],
    [2 * 3600, '2 hours'],
    [51_908, '14 hours 26 minutes'],
    [47 * 3600 + 59 * 60, '47 hours 59 minutes'],
    [48 * 3600, '2 days'],
    [31 * 86_400, '31 days'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });

  it('speaks Dutch with the Dutch catalogue', () => {
    setMessageLookup((key, substitutions) => {
      const entry = dutch[key];
      return entry ? formatMessage(entry, substitutions) : '';
    });
    expect(formatWait(51_908)).toBe('14 uur 26 minuten');
    expect(formatWait(30)).toBe('30 seconden');
  });
});
