// The folder rules of eslint.config.js, checked on small snippets: a rule that silently stopped
// matching would let development code into the extension without any lint error.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${source}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the development sandbox stays out of the extension', () => {
  it.each([
    ['src/background/generate.ts', '../core/sandbox/dev/handler'],
    ['src/popup/store.ts', '../core/sandbox/dev/hostile'],
    ['src/options/store.ts', '../core/sandbox/dev/faults'],
    ['src/content/controller.ts', '../core/sandbox/dev/admin'],
    ['src/ui/error-view.ts', '../core/sandbox/dev'],
    ['src/shared/messages.ts', '../core/sandbox/dev/handler'],
    ['src/core/pim-client.ts', './sandbox/dev/handler'],
    ['src/core/sandbox/handler.ts', './dev/faults'],
  ])('%s may not import %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([expect.stringContaining('src/core/sandbox/dev is for scripts/ and tests only')]);
  }, 20_000);

  it.each([
    ['src/background/index.ts', '../core/sandbox/handler'],
    ['src/core/sandbox/dev/handler.ts', '../handler'],
    ['scripts/sandbox-http.ts', '../src/core/sandbox/dev/handler'],
  ])('%s may import %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toEqual([]);
  }, 20_000);
});
