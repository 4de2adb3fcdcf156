import { describe, expect, it } from 'vitest';
import { NOTICE_MAX_NAMED, parseSettingsNotice } from '../../../src/shared/settings-notice';

describe('parseSettingsNotice', () => {
  it('names at most a few dropped settings and counts the rest', () => {
    const dropped = Array.from({ length: 20_000 }, (_, i) => ({ environment: `<img src=x>${i}` }));
    const notice = parseSettingsNotice({ code: 'settings-dropped', dropped });
    expect(notice).toEqual({
      code: 'settings-dropped',
      dropped: [...dropped.slice(0, NOTICE_MAX_NAMED), { more: 20_000 - NOTICE_MAX_NAMED }],
    });
  });

  it('keeps a short list as it is', () => {
    const dropped = [{ environment: 'Staging' }, { formDefaults: true }];
    expect(parseSettingsNotice({ code: 'settings-dropped', dropped })).toEqual({ code: 'settings-dropped', dropped });
  });

  it('refuses what this version did not write', () => {
    expect(parseSettingsNotice('Your saved settings could not be read.')).toBeUndefined();
    expect(parseSettingsNotice({ code: 'settings-dropped', dropped: [{ more: 5 }] })).toBeUndefined();
    expect(parseSettingsNotice({ code: 'made-up' })).toBeUndefined();
  });
});
