// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PimError } from '../../../src/core/errors';
import { curlCommands } from '../../../src/core/curl';
import type { PageContext } from '../../../src/popup/page-context';
import { generateResult, params } from '../ui/fixtures';
import { type RenderPopupOptions, renderPopup } from './render-popup';
import { CALLS } from './copyable-calls';

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" onload="alert(1)"><path d="M0 0h9v9z"/>' +
  '<image href="https://evil.example/beacon.png"/><foreignObject><div>x</div></foreignObject></svg>';

async function showResult(options: RenderPopupOptions & { page?: PageContext } = {}, result = generateResult({ durationMs: 87.4, bytes: 3277 })) {
  const rendered = await renderPopup({ ...options, answers: { 'ui-bg-generate': result, ...options.answers } });
  fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
  const preview = await screen.findByRole('img', { name: 'QR preview' });
  // The actions arrive with the first result (a lazy chunk).
  await screen.findByRole('button', { name: 'Insert into page' });
  return { ...rendered, preview, result };
}

/** The markup behind the preview image's data URL. */
/** What the worker answers a floating placement in tab `tabId`. */
const placed = (tabId: number) => ({ tabId, placementId: 'p1', picking: false, remembered: false });

function previewMarkup(preview: HTMLElement): string {
  const src = preview.getAttribute('src') ?? '';
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  const bytes = Uint8Array.from(atob(src.slice(src.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

describe('ResultPanel', () => {
  it('shows the sanitized image as an isolated <img> with its size, bytes and duration', async () => {
    const { preview } = await showResult();
    expect(preview.tagName).toBe('IMG');
    expect(previewMarkup(preview)).toMatch(/^<svg[\s>]/);
    expect(screen.getByText('400×400 px · 3.2 KB · 87 ms · Sandbox')).toBeTruthy();
  });

  it('never renders hostile markup from the API', async () => {
    const { preview } = await showResult({}, generateResult({ svg: HOSTILE_SVG }));
    const markup = previewMarkup(preview);
    expect(markup).not.toMatch(/onload|evil\.example|foreignObject/i);
    expect(markup).toContain('<path');
  });

  it('reads the QR back only once the preview has loaded, so the read never holds the preview back', async () => {
    const { ports, preview } = await showResult();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ports.decodeQr).not.toHaveBeenCalled();
    expect(screen.getByText('Reading the QR back…')).toBeTruthy();
    fireEvent.load(preview);
    expect(await screen.findByText('Encodes: https://sandbox.pim.invalid/r/1?attributes=Email')).toBeTruthy();
    expect(ports.decodeQr).toHaveBeenCalledTimes(1);
  });

  it('says what the QR encodes, read back from the rendered image', async () => {
    const { ports, preview } = await showResult();
    fireEvent.load(preview);
    expect(await screen.findByText('Encodes: https://sandbox.pim.invalid/r/1?attributes=Email')).toBeTruthy();
    const [svg, width, height] = ports.decodeQr.mock.calls[0] as unknown as [string, number, number];
    expect(svg).not.toContain('<?xml');
    expect([width, height]).toEqual([400, 400]);
  });

  it('warns when the QR cannot be read back', async () => {
    fireEvent.load((await showResult({ ports: { decodeQr: async () => null } })).preview);
    expect(await screen.findByText('Could not read the QR back: scanners may fail too.')).toBeTruthy();
  });

  it('warns too when the decoder itself fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fireEvent.error((await showResult({ ports: { decodeQr: async () => Promise.reject(new Error('no canvas')) } })).preview);
    expect(await screen.findByText('Could not read the QR back: scanners may fail too.')).toBeTruthy();
    expect(warn).toHaveBeenCalledWith('[popup] QR decode failed', expect.any(Error));
  });
});

describe('ResultActions', () => {
  it('inserts into the active tab when no tab is given', async () => {
    const { messaging } = await showResult({ answers: { 'ui-bg-place': placed(7) } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(messaging.sent('ui-bg-place')).toHaveLength(1));
    const payload = messaging.sent('ui-bg-place')[0];
    expect(payload?.mode).toBe('floating');
    expect(payload).not.toHaveProperty('tabId');
    expect(payload?.svg).toMatch(/^<svg[\s>]/);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Inserted into the page.');
  });

  it('inserts into the ?tab= tab when the page was opened for one', async () => {
    const { messaging } = await showResult({ page: { view: 'tab', tabId: 42 }, answers: { 'ui-bg-place': placed(42) } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert into page' }));
    await waitFor(() => expect(messaging.sent('ui-bg-place')[0]?.tabId).toBe(42));
  });

  it('shows an insert failure in an alert and keeps the result', async () => {
    await showResult({ answers: { 'ui-bg-place': new PimError('page-forbids-extensions') } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert into page' }));
    const alert = await screen.findByRole('alert');
    expect([...alert.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'This page does not allow extensions.',
      'Browsers keep extensions off their own pages (such as chrome:// and about: pages) and their add-on stores.',
      'Open the web page you want to work on, then try again.',
    ]);
    // The fix is not in Options.
    expect(within(alert).queryByRole('button', { name: 'Open Options' })).toBeNull();
    expect(screen.getByRole('img', { name: 'QR preview' })).toBeTruthy();
  });

  it.each([
    ['Copy SVG', (text: string) => expect(text).toMatch(/^<svg[\s>][\s\S]*<\/svg>$/)],
    ['Copy data URL', (text: string) => expect(text).toMatch(/^data:image\/svg\+xml;base64,PHN2Zy/)],
    ['Copy base64', (text: string) => expect(atob(text)).toMatch(/^<svg[\s>]/)],
  ])('%s copies and confirms "Copied"', async (name, check) => {
    const { ports } = await showResult();
    fireEvent.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(ports.copyText).toHaveBeenCalledOnce());
    check(ports.copyText.mock.calls[0]?.[0] as string);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Copied');
  });

  it('copies the last request as cURL', async () => {
    const { ports, messaging } = await showResult({ answers: { 'ui-bg-calls-get': CALLS } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as cURL' }));
    await waitFor(() => expect(ports.copyText).toHaveBeenCalledWith(curlCommands(CALLS)));
    expect(messaging.sent('ui-bg-calls-get')).toEqual([{}]);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Copied');
  });

  it.each([
    ['python', 'Python (requests)', 'os.environ["KPN_CLIENT_SECRET"]'],
    ['php', 'PHP (cURL)', "getenv('KPN_CLIENT_SECRET')"],
  ])('copies the last request as %s code and says so', async (language, name, secretRead) => {
    const { ports, messaging } = await showResult({ answers: { 'ui-bg-calls-get': CALLS } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Code language' }), { target: { value: language } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy as code' }));
    await waitFor(() => expect(ports.copyText).toHaveBeenCalledOnce());
    const text = ports.copyText.mock.calls[0]?.[0] as string;
    expect(text).toContain(secretRead);
    expect(text).toContain('https://api-prd.kpn.com/kpn/qrcodegenerator/image');
    expect(text).toMatch(/^(<\?php\n\n)?(#|\/\/) Set the secret first\./m);
    // Its notes speak of a program, not of shell commands.
    expect(messaging.sent('ui-bg-calls-get')).toEqual([{ program: true }]);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', `Copied as ${name}: the token call and the image call.`);
  });

  it('JavaScript code opens by saying it belongs on a server, not in a web page', async () => {
    const { ports } = await showResult({ answers: { 'ui-bg-calls-get': CALLS } });
    expect(screen.getByRole('combobox', { name: 'Code language' })).toHaveProperty('value', 'javascript');
    fireEvent.click(screen.getByRole('button', { name: 'Copy as code' }));
    await waitFor(() => expect(ports.copyText).toHaveBeenCalledOnce());
    expect((ports.copyText.mock.calls[0]?.[0] as string).split('\n').slice(0, 2)).toEqual([
      '// Run this where the secret stays yours (Node 18 or later, Deno, Bun): a client secret never belongs in a web page.',
      '// Set the secret first.',
    ]);
  });

  it('reports a clipboard failure', async () => {
    await showResult({ ports: { copyText: async () => Promise.reject(new Error('denied')) } });
    fireEvent.click(screen.getByRole('button', { name: 'Copy SVG' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('downloads the SVG under a name made of title and size', async () => {
    const { ports } = await showResult({}, generateResult({ params: params({ title: 'Log in – Café!' }) }));
    fireEvent.click(screen.getByRole('button', { name: 'Download SVG' }));
    await waitFor(() => expect(ports.download).toHaveBeenCalledOnce());
    const [blob, name] = ports.download.mock.calls[0] as unknown as [Blob, string];
    expect(name).toBe('pim-qr-log-in-cafe-400x400.svg');
    expect(blob.type).toBe('image/svg+xml');
    expect(await blob.text()).toMatch(/^<svg[\s>]/);
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Download started: pim-qr-log-in-cafe-400x400.svg');
  });

  it('a download replaces the line an earlier copy left, and a refused PNG leaves no line beside its alert', async () => {
    const { ports } = await showResult();
    fireEvent.click(screen.getByRole('button', { name: 'Copy SVG' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Copied');
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(ports.download).toHaveBeenCalledOnce());
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Download started: pim-qr-.*@2x\.png$/));
    fireEvent.click(screen.getByRole('button', { name: 'Copy SVG' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    ports.renderPng.mockRejectedValueOnce(new Error('canvas lost'));
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it.each([
    ['1', 400, 'pim-qr-log-in-with-pim-400x400.png'],
    ['2', 800, 'pim-qr-log-in-with-pim-400x400@2x.png'],
    ['4', 1600, 'pim-qr-log-in-with-pim-400x400@4x.png'],
  ])('downloads a PNG at %s×', async (scale, pixels, fileName) => {
    const { ports } = await showResult();
    fireEvent.change(screen.getByRole('combobox', { name: 'PNG scale' }), { target: { value: scale } });
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(ports.download).toHaveBeenCalledOnce());
    expect(ports.renderPng.mock.calls[0]?.slice(1)).toEqual([pixels, pixels]);
    expect(ports.download.mock.calls[0]?.[1]).toBe(fileName);
  });

  it('refuses a PNG larger than it draws with the size and what to do, and keeps the result', async () => {
    const huge = '<svg xmlns="http://www.w3.org/2000/svg" width="99999999" height="99999999" viewBox="0 0 9 9"><path d="M0 0h9v9z"/></svg>';
    const { ports } = await showResult({}, { ...generateResult(), svg: huge, bytes: huge.length });
    fireEvent.change(screen.getByRole('combobox', { name: 'PNG scale' }), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The PNG would be 99,999,999×99,999,999 px, larger than PiM QR draws (at most 8,192 px a side).');
    expect(alert.textContent).toContain('Download it as SVG, or as PNG at a smaller scale.');
    expect(ports.renderPng).not.toHaveBeenCalled();
    expect(ports.download).not.toHaveBeenCalled();
    expect(screen.getByRole('img', { name: 'QR preview' })).toBeTruthy();
  });

  it('draws a PNG of exactly the longest side it allows', async () => {
    const edge = '<svg xmlns="http://www.w3.org/2000/svg" width="2048" height="1024" viewBox="0 0 9 9"><path d="M0 0h9v9z"/></svg>';
    const { ports } = await showResult({}, { ...generateResult(), svg: edge, bytes: edge.length });
    fireEvent.change(screen.getByRole('combobox', { name: 'PNG scale' }), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download PNG' }));
    await waitFor(() => expect(ports.download).toHaveBeenCalledOnce());
    expect(ports.renderPng.mock.calls[0]?.slice(1)).toEqual([8192, 4096]);
  });
});
