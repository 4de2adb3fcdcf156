// The popup in Firefox: the built-in Sandbox (issue #11), a custom environment on the sandbox server
// over HTTP, and hostile SVGs shown sanitized, as images no script or style of theirs can leave.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ElementHandle, Page } from 'puppeteer-core';
import { choose, click, count, fill, role, textOf, valueOf, visible } from '../../scripts/firefox-ui';
import type { CopyableCalls } from '../../src/core/api-calls';
import { curlCommands } from '../../src/core/curl';
import { DEFAULT_PARAMS } from '../../src/core/params';
import { HOSTILE_MARKER } from '../../src/core/sandbox/dev/hostile';
import { sandboxQrUrl } from '../../src/core/sandbox/render';
import { expect, test } from './harness';
import { SANDBOX_SECRET, addEnvironment, chooseAttributes, generate, recordRequests } from './journeys';
import { popupLooks } from '../e2e/popup-looks';

const DEFAULT_URL = sandboxQrUrl(DEFAULT_PARAMS.redirect, DEFAULT_PARAMS.attributes);

test('the built-in Sandbox generates a QR and previews it, with no network and no errors', async ({ firefox, sandbox, ext }) => {
  const popup = await ext.openPopup();
  expect(await valueOf(popup, role('combobox', 'Environment'))).toBe('sandbox');
  await generate(popup);
  await expect.poll(() => textOf(popup, 'body')).toContain(`Encodes: ${DEFAULT_URL}`);
  expect(await textOf(popup, '.result-facts')).toMatch(/^400×400 px · [\d.]+ KB · \d+ ms · Sandbox$/);
  // The built-in Sandbox runs inside the extension: the sandbox server saw nothing.
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 0, imageCalls: 0 });
  // Its cURL (what "Copy as cURL" makes of the calls) says where its commands can run instead, and they do.
  const curl = curlCommands(await ext.value<CopyableCalls>('ui-bg-calls-get', {}));
  expect(curl).toContain('# The built-in Sandbox runs inside the extension: https://sandbox.pim.invalid cannot be reached from a shell.');
  const { stdout } = await promisify(execFile)('bash', ['-c', curl.replaceAll('http://127.0.0.1:8787', sandbox.url)], {
    env: { ...process.env, KPN_CLIENT_SECRET: 'sandbox-secret' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(Buffer.from(stdout.trim(), 'base64').toString('utf8')).toContain('<svg');
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  expect(firefox.errors).toEqual([]);
});

test('a custom environment on the sandbox server over HTTP: the documented requests, the token reused, re-minted once after a 401', async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  await click(options, role('button', 'Test connection'));
  await expect.poll(() => textOf(options, role('status'))).toMatch(/Connected: token valid for (59|60) min/);

  const requests = recordRequests(sandbox);
  const popup = await ext.openPopup();
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  await chooseAttributes(popup, ['Email', 'Bankaccountnumber', 'DateOfBirth']);
  await fill(popup, role('textbox', 'Title'), 'Inloggen bij Voorbeeld Bank');
  await fill(popup, role('spinbutton', 'Width'), '300');
  expect(await valueOf(popup, role('spinbutton', 'Height'))).toBe('300');
  await generate(popup);
  const expectedUrl = sandboxQrUrl(1, ['Email', 'Bankaccountnumber', 'DateOfBirth']);
  await expect.poll(() => textOf(popup, 'body')).toContain(`Encodes: ${expectedUrl}`);
  expect(await textOf(popup, '.result-facts')).toMatch(/^300×300 px · .* · Local sandbox$/);

  // Test connection minted the token; Generate reused it.
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 1, imageCalls: 1 });
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ method: 'POST', path: '/kpn/qrcodegenerator/image', search: '' });
  expect(requests[0]?.headers).toMatchObject({ authorization: expect.stringMatching(/^Bearer \S+$/), 'content-type': 'application/json' });
  expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
    redirect: '1',
    title: 'Inloggen bij Voorbeeld Bank',
    description: DEFAULT_PARAMS.description,
    attributes: 'Email,Bankaccountnumber,DateOfBirth',
    width: '300',
    height: '300',
  });

  // KPN rejects the token once: the extension mints a new one (the documented form body) and retries.
  sandbox.handler.configure({ faults: ['unauthorized*1'] });
  await generate(popup);
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 3 });
  const token = requests.find((request) => request.path.endsWith('/accesstoken'));
  expect(token).toMatchObject({ method: 'POST', path: '/oauth/client_credential/accesstoken', search: '?grant_type=client_credentials' });
  expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({ client_id: 'sandbox-client', client_secret: SANDBOX_SECRET });
  const bearer = (index: number) => requests.filter((request) => request.path.endsWith('/image'))[index]?.headers.authorization;
  expect(bearer(2)).not.toBe(bearer(1));

  // And the new token is reused again.
  await generate(popup);
  expect(sandbox.handler.stats()).toMatchObject({ tokenCalls: 2, imageCalls: 4 });

  await click(popup, role('button', 'Request log'));
  const log = role('region', 'Request log');
  await expect.poll(() => textOf(popup, `${log} >>> ${role('listitem')}`)).toContain('POST /oauth/client_credential/accesstoken');
  expect(await textOf(popup, log)).toContain('HTTP 401');
  expect(await textOf(popup, log)).not.toContain(SANDBOX_SECRET);
  // Every Copy button has a name of its own, even for calls of the same second.
  const copyNames = await popup.$$eval('.log-list button[aria-label]', (buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
  const curlNames = copyNames.filter((name) => name.startsWith('Copy as cURL: '));
  expect(curlNames.length).toBeGreaterThan(4);
  expect(copyNames).toHaveLength(curlNames.length * 2);
  expect(copyNames.every((name) => /^Copy as (cURL|code, JavaScript \(fetch\)): POST \/\S+ at .*\d:\d\d:\d\d/.test(name))).toBe(true);
  expect(new Set(copyNames).size).toBe(copyNames.length);
  expect(firefox.errors).toEqual([]);
});

test('Copy as code: Python chosen from the list is copied, said so, and fetches the QR from the sandbox server', async ({ firefox, sandbox, ext }) => {
  const popup = await ext.openPopup();
  await generate(popup);
  await expect.poll(() => textOf(popup, 'body')).toContain(`Encodes: ${DEFAULT_URL}`);
  // What the popup hands the clipboard (reading Firefox's clipboard back would need a permission the extension does not have).
  await popup.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = async (text: string) => {
      document.documentElement.dataset.copied = text;
      await write(text);
    };
  });
  await choose(popup, role('combobox', 'Code language'), 'Python (requests)');
  await click(popup, role('button', 'Copy as code'));
  await expect.poll(() => textOf(popup, role('status'))).toContain('Copied as Python (requests): the token call and the image call.');
  // A download says it started, in place of the copy's line (Firefox saves it to the downloads folder).
  await click(popup, role('button', 'Download SVG'));
  await expect.poll(() => textOf(popup, role('status'))).toMatch(/(^|\n)Download started: pim-qr-\S+-\d+x\d+\.svg(\n|$)/);
  expect(await textOf(popup, role('status'))).not.toContain('Copied');
  const python = await popup.evaluate(() => document.documentElement.dataset.copied ?? '');
  expect(python).toContain('"client_secret": os.environ["KPN_CLIENT_SECRET"]');
  expect(python).toContain('# The built-in Sandbox runs inside the extension: https://sandbox.pim.invalid cannot be reached from a shell.');
  expect(python).toContain('# This program calls the sandbox server instead:');
  expect(python).toContain('sys.exit("Set KPN_CLIENT_SECRET to your client secret.")');
  const folder = mkdtempSync(join(tmpdir(), 'pim-qr-code-'));
  writeFileSync(join(folder, 'pim_qr.py'), python.replaceAll('http://127.0.0.1:8787', sandbox.url));
  const { stdout } = await promisify(execFile)('python3', [join(folder, 'pim_qr.py')], {
    env: { ...process.env, KPN_CLIENT_SECRET: 'sandbox-secret' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(Buffer.from(stdout.trim(), 'base64').toString('utf8')).toContain(DEFAULT_URL.replaceAll('&', '&amp;'));
  expect(firefox.errors).toEqual([]);
});

/** How the popup looks, as far as a stylesheet in an answer could change it. */
const looks = (popup: Page) => popup.evaluate(popupLooks);

/** The markup an <img> draws: the SVG inside its data URL ('' when it shows something else). */
const imageMarkup = (image: ElementHandle) =>
  image.evaluate((element) => {
    const src = element instanceof HTMLImageElement ? element.getAttribute('src') ?? '' : '';
    if (!src.startsWith('data:image/svg+xml;base64,')) return '';
    return new TextDecoder().decode(Uint8Array.from(atob(src.slice(src.indexOf(',') + 1)), (ch) => ch.charCodeAt(0)));
  });

const HOSTILE_LEFTOVERS = /<script|onload=|onclick=|onmouseover=|javascript:|foreignObject|__sandbox\/beacon|:host|@import|@font-face/i;

test('hostile SVGs from the API are shown sanitized in the popup: no script runs, nothing loads, no style reaches the popup', async ({
  firefox,
  sandbox,
  ext,
}) => {
  const options = await ext.openOptions();
  await addEnvironment(options, { baseUrl: sandbox.url });
  const popup = await ext.openPopup();
  const dialogs: string[] = [];
  popup.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await choose(popup, role('combobox', 'Environment'), 'Local sandbox');
  const looksBefore = await looks(popup);
  expect(looksBefore).not.toContain('missing');
  for (const kind of ['script', 'handler', 'foreignobject', 'external', 'style']) {
    sandbox.handler.configure({ faults: [`hostile=${kind}*1`] });
    const imageCalls = sandbox.handler.stats().imageCalls;
    await generate(popup);
    expect(sandbox.handler.stats().imageCalls, kind).toBe(imageCalls + 1);
    expect(sandbox.handler.describe().faults, 'the hostile answer was served').toEqual([]);
    // The attack left the code scannable; only the attack itself is gone.
    await expect.poll(() => textOf(popup, 'body'), { message: kind }).toContain(`Encodes: ${DEFAULT_URL}`);
    const preview = await visible(popup, role('image', 'QR preview'));
    const at = await preview.boundingBox();
    if (at) await popup.mouse.click(at.x + 2, at.y + 2);
    // Whatever styles the answer carried drew only inside its own image.
    expect(await looks(popup), kind).toEqual(looksBefore);
    // The preview is an <img>: what it draws is the markup in its data URL.
    const markup = await imageMarkup(preview);
    await preview.dispose();
    expect(markup, kind).toMatch(/^<svg[\s>]/);
    expect(markup, kind).not.toMatch(HOSTILE_LEFTOVERS);
  }
  // History shows each of them again, as thumbnails: images too, and just as harmless.
  await click(popup, role('button', 'History'));
  await expect.poll(() => count(popup, '.history-entry img[src^="data:image/svg+xml;base64,"]')).toBe(5);
  for (const thumbnail of await popup.$$('.history-entry img')) {
    expect(await imageMarkup(thumbnail)).not.toMatch(HOSTILE_LEFTOVERS);
    await thumbnail.dispose();
  }
  expect(await looks(popup)).toEqual(looksBefore);
  await new Promise((resolveWait) => setTimeout(resolveWait, 300));
  expect(await popup.evaluate((marker) => marker in globalThis, HOSTILE_MARKER)).toBe(false);
  expect({ dialogs, beacons: sandbox.handler.stats().beacons }).toEqual({ dialogs: [], beacons: 0 });
  expect(firefox.errors).toEqual([]);
});
