// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob } from '../../../src/popup/download';

describe('downloadBlob', () => {
  afterEach(() => vi.useRealTimers());

  it('clicks a temporary <a download> with a blob URL, then frees the URL', () => {
    vi.useFakeTimers();
    const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL');

    downloadBlob(new Blob(['<svg/>'], { type: 'image/svg+xml' }), 'pim-qr-x-400x400.svg');

    expect(clicked).toEqual([{ href: expect.stringMatching(/^blob:/), download: 'pim-qr-x-400x400.svg', attached: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith(clicked[0]?.href);
  });
});
