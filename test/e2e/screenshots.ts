// Screenshots the README shows. Every run refreshes them under test-results/screenshots; with
// UPDATE_SCREENSHOTS=1 they are also written to test/screenshots/, the copies README links to.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';

const folders = [resolve(import.meta.dirname, '../../test-results/screenshots')];
if (process.env.UPDATE_SCREENSHOTS === '1') folders.push(resolve(import.meta.dirname, '../screenshots'));

export async function saveScreenshot(target: Page | Locator, name: string): Promise<void> {
  for (const folder of folders) {
    mkdirSync(folder, { recursive: true });
    await target.screenshot({ path: resolve(folder, `${name}.png`), animations: 'disabled' });
  }
}
