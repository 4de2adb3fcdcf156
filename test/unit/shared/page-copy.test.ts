import { describe, expect, it, vi } from 'vitest';
import { type CopyArea, pageCopy, pageLocalStorage } from '../../../src/shared/page-copy';
import { fakeLocalStorage } from './fake-local-storage';

describe('the first paint copy in localStorage', () => {
  it('gives back what was written, and "none" when the record has none', () => {
    const copy = pageCopy(fakeLocalStorage());
    copy.write('draft', { title: 'Inloggen', attributes: ['Email'] });
    expect(copy.read('draft')).toEqual({ value: { title: 'Inloggen', attributes: ['Email'] } });
    copy.write('draft', undefined);
    expect(copy.read('draft')).toEqual({ value: undefined });
  });

  it('has nothing to go by when there is no copy: the record must be read', () => {
    expect(pageCopy(fakeLocalStorage()).read('draft')).toBeUndefined();
  });

  it('keeps its copies apart from anything else in localStorage, and ignores what it did not write', () => {
    const area = fakeLocalStorage();
    area.setItem('draft', JSON.stringify([{ title: 'not ours' }]));
    const copy = pageCopy(area);
    expect(copy.read('draft')).toBeUndefined();
    for (const stored of ['{', '{"title":"x"}', '"x"', '[1,2]', 'null']) {
      area.setItem('pim-qr-copy:draft', stored);
      expect(copy.read('draft'), stored).toBeUndefined();
    }
  });

  it('drops the old copy when a new one cannot be written, so an older copy never wins over the record', () => {
    const area = fakeLocalStorage();
    const copy = pageCopy(area);
    copy.write('popupSnapshot', { selectedEnvironmentId: 'old' });
    const full = vi.spyOn(area, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    copy.write('popupSnapshot', { selectedEnvironmentId: 'new' });
    expect(copy.read('popupSnapshot')).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    full.mockRestore();
    warn.mockRestore();
  });

  it('reads nothing, and throws nothing, where localStorage itself throws', () => {
    const broken: CopyArea = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const copy = pageCopy(broken);
    expect(() => copy.write('draft', { title: 'x' })).not.toThrow();
    expect(copy.read('draft')).toBeUndefined();
    warn.mockRestore();
  });
});

describe('pageLocalStorage', () => {
  it('is the context localStorage in a page, none in a service worker, none where reading it throws', () => {
    const area = fakeLocalStorage();
    expect(pageLocalStorage({ localStorage: area })).toBe(area);
    expect(pageLocalStorage({})).toBeUndefined();
    const turnedOff = Object.defineProperty({}, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(pageLocalStorage(turnedOff)).toBeUndefined();
  });
});
