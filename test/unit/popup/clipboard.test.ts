// @vitest-environment happy-dom
import '../happy-dom-fixes';
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { writeClipboardText } from '../../../src/popup/clipboard';
import { generateResult } from '../ui/fixtures';
import { renderPopup } from './render-popup';

describe('writeClipboardText', () => {
  it('writes the text', async () => {
    const writeText = vi.fn(async () => undefined);
    await writeClipboardText('<svg/>', { writeText });
    expect(writeText).toHaveBeenCalledWith('<svg/>');
  });

  it('turns the browser’s refusal into an error that says so', async () => {
    const refusal = new DOMException('Document is not focused.', 'NotAllowedError');
    await expect(writeClipboardText('<svg/>', { writeText: async () => Promise.reject(refusal) })).rejects.toMatchObject({
      kind: 'permission-denied',
      code: 'clipboard-refused',
    });
  });

  it('is shown with what to do when a copy in the popup is refused', async () => {
    await renderPopup({
      answers: { 'ui-bg-generate': generateResult() },
      ports: { copyText: (text: string) => writeClipboardText(text, { writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy SVG' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The browser did not let PiM QR write to the clipboard.');
    expect(alert.textContent).toContain('Click the button again: browsers allow copying only right after a click, with the page in front.');
  });
});
