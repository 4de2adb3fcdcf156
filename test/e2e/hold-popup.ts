// Holding a page's thread so that a message for it waits in its queue: how both suites make a Cancel
// cross an answer already on its way, as when a person clicks just as the QR arrives. The popup
// polls a loopback gate synchronously (so nothing else runs in it) until the test opens the gate,
// then presses Cancel, before it reads what arrived meanwhile. Browser-neutral: Playwright runs
// `holdThenCancel` in Chromium, puppeteer in Firefox.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gate {
  /** The loopback address the page polls. */
  url: string;
  open(): void;
  close(): Promise<void>;
}

/** A loopback URL that answers "wait" until the test opens it. */
export async function startGate(): Promise<Gate> {
  let opened = false;
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end(opened ? 'open' : 'wait'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    open: () => (opened = true),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Runs in the page: holds its thread until the gate opens, then clicks its Cancel button. */
export function holdThenCancel(gateUrl: string): void {
  for (;;) {
    const poll = new XMLHttpRequest();
    poll.open('GET', gateUrl, false);
    poll.send();
    if (poll.responseText === 'open') break;
  }
  [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Cancel')?.click();
}
