// @vitest-environment happy-dom
// "Screenshot page" in the popup: what it asks the worker for, the file it saves and what it copies,
// and what the status line or the error says when a part of it is refused.
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import type { PageContext } from '../../../src/popup/page-context';
import type { PopupPorts } from '../../../src/popup/ports';
import type { Answers } from '../ui/fake-messaging';
import { generateResult } from '../ui/fixtures';
import { renderPopup } from './render-popup';

// The smallest PNG there is (1×1), as captureVisibleTab answers it.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const SHOT = { dataUrl: `data:image/png;base64,${PNG_BASE64}`, url: 'https://staging.example.com:8443/login?next=%2F' };
const FILE = /^pim-qr-staging\.example\.com-\d{4}-\d{2}-\d{2}-\d{4}\.png$/;

async function screenshot(options: { page?: PageContext; ports?: Partial<PopupPorts>; answer?: Answers['ui-bg-screenshot'] } = {}) {
  const rendered = await renderPopup({
    page: options.page,
    ports: options.ports,
    answers: { 'ui-bg-generate': generateResult(), 'ui-bg-screenshot': options.answer ?? SHOT },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Screenshot page' }));
  return rendered;
}

const statusLine = () => screen.getByRole('status').textContent ?? '';

describe('Screenshot page', () => {
  // What was refused is also told to the console, for whoever debugs it.
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));

  it('captures the tab the popup is aimed at, saves the PNG under the site and minute, copies it, and says both', async () => {
    const { ports, messaging } = await screenshot({ page: { view: 'tab', tabId: 42 } });
    await waitFor(() => expect(statusLine()).toMatch(/^Saved pim-qr-staging\.example\.com-.+\.png and copied it to the clipboard\.$/));
    expect(messaging.sent('ui-bg-screenshot')).toEqual([{ tabId: 42 }]);
    const [blob, name] = ports.download.mock.calls[0] as unknown as [Blob, string];
    expect(name).toMatch(FILE);
    expect(statusLine()).toBe(`Saved ${name} and copied it to the clipboard.`);
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0)));
    // The clipboard was asked in the click, with the image still to come: the same bytes.
    const copied = await (ports.copyImage.mock.calls[0]?.[0] as Promise<Blob>);
    expect(new Uint8Array(await copied.arrayBuffer())).toEqual(new Uint8Array(await blob.arrayBuffer()));
  });

  it('aims the toolbar popup and the side panel at the active tab: no tab is named', async () => {
    const { messaging } = await screenshot({ page: { view: 'sidepanel' } });
    await waitFor(() => expect(statusLine()).toMatch(/^Saved /));
    expect(messaging.sent('ui-bg-screenshot')).toEqual([{}]);
  });

  it('says the clipboard refused the image when only saving worked', async () => {
    const { ports } = await screenshot({ ports: { copyImage: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')) } });
    await waitFor(() => expect(statusLine()).toMatch(/, but the clipboard refused the image\.$/));
    const name = ports.download.mock.calls[0]?.[1] as string;
    expect(statusLine()).toBe(`Saved ${name}, but the clipboard refused the image.`);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the browser refused to save the file when only copying worked', async () => {
    await screenshot({
      ports: {
        download: () => {
          throw new Error('blocked');
        },
      },
    });
    await waitFor(() => expect(statusLine()).toMatch(/^Copied the screenshot to the clipboard, but the browser refused to save pim-qr-staging\.example\.com-.+\.png\.$/));
  });

  it('says when neither worked', async () => {
    await screenshot({
      ports: {
        download: () => {
          throw new Error('blocked');
        },
        copyImage: () => Promise.reject(new Error('denied')),
      },
    });
    await waitFor(() => expect(statusLine()).toMatch(/^The screenshot was taken, but the browser refused to save pim-qr-.+\.png and the clipboard refused the image\.$/));
  });

  it('names the file "page" when the browser tells no address', async () => {
    const { ports } = await screenshot({ answer: { dataUrl: SHOT.dataUrl } });
    await waitFor(() => expect(ports.download).toHaveBeenCalledOnce());
    expect(ports.download.mock.calls[0]?.[1]).toMatch(/^pim-qr-page-\d{4}-\d{2}-\d{2}-\d{4}\.png$/);
  });

  it('shows why a capture was refused, and what to do, and saves nothing', async () => {
    const { ports } = await screenshot({ answer: new PimError('capture-not-allowed') });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('PiM QR may not take a screenshot of this tab yet.');
    expect(alert.textContent).toContain('Open PiM QR from its toolbar button on this page (or press Alt+Shift+Q), then press Screenshot page');
    expect(ports.download).not.toHaveBeenCalled();
    expect(statusLine()).toBe('');
  });
});
