// Export and import of the set-up against the real worker handlers, with every payload passing the
// contract's check as it would in the browser.
import { describe, expect, it, vi } from 'vitest';
import { createPlacementStore, type RememberedPlacement } from '../../../src/background/placement-store';
import { setupPlacements } from '../../../src/background/tab-placements';
import { createMemoryStore } from '../../../src/core/storage-port';
import { readSetupFile, SETUP_FILE_MAX_BYTES, type SetupFile } from '../../../src/options/setup-file';
import { createSetupState, type PickedFile } from '../../../src/options/setup-state';
import { uiToWorker } from '../../../src/shared/contracts/ui-to-worker';
import { t } from '../../../src/shared/i18n';
import type { SendMessage } from '../../../src/shared/send-message';
import { setup } from '../background/ui-handlers-setup';

const SECRET = 'team-secret-0123456789-WXYZ';
const NOW = new Date('2026-11-30T10:00:00Z');

const placement: RememberedPlacement = {
  id: 'shop-login',
  origin: 'https://shop.example',
  path: '/login',
  mode: 'replace',
  selector: '#pim-qr-slot',
  size: { width: 240, height: 240 },
  opacity: 1,
  svg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
  createdAt: 1,
};

/** A worker of its own (storage, secrets, placements) and the Options page's set-up state talking to it. */
function worker(policy?: unknown) {
  const placementStorage = createMemoryStore();
  const placements = setupPlacements({ store: createPlacementStore(placementStorage), syncScripts: async () => [] });
  const background = setup({ placements, policy: () => policy });
  const send = (async (name: keyof typeof uiToWorker, payload: unknown) => {
    const checked = uiToWorker[name].check(structuredClone(payload));
    const handler = background.handlers[name] as (p: unknown) => Promise<unknown>;
    return structuredClone(await handler(checked));
  }) as SendMessage;
  const saveFile = vi.fn((_name: string, _text: string) => undefined);
  const state = createSetupState(send, { saveFile, now: () => NOW });
  /** Everything stored, secrets included: what "changes nothing" is checked against. */
  const snapshot = async () => {
    const environments = await background.handlers['ui-bg-environments-list'](undefined);
    const secrets = await Promise.all(environments.map((e) => background.secrets.get(e.id)));
    return JSON.stringify([[...background.local.data], [...placementStorage.data], secrets]);
  };
  return { ...background, send, state, saveFile, snapshot };
}

type Worker = ReturnType<typeof worker>;

async function seed(w: Worker) {
  const env = await w.handlers['ui-bg-environment-save']({ name: 'Staging', baseUrl: 'https://staging.example.com' });
  await w.handlers['ui-bg-credentials-set']({ environmentId: env.id, clientId: 'team-client', clientSecret: SECRET });
  await w.send('ui-bg-placement-take', placement);
  return env;
}

async function exported(w: Worker): Promise<string> {
  await w.state.exportSetup();
  const [name, text] = w.saveFile.mock.calls.at(-1) ?? [];
  expect(name).toBe('pim-qr-setup-2026-11-30.json');
  return text ?? '';
}

const picked = (text: string, size = text.length): PickedFile => ({ size, text: async () => text });
const texts = (w: Worker) => w.state.report.value.map((line) => line.text);

describe('Exporting the set-up', () => {
  it('writes environments, client IDs, defaults and placements, and never a secret or any part of one', async () => {
    const w = worker();
    const env = await seed(w);
    expect((await w.secrets.get(env.id))?.clientSecret).toBe(SECRET);

    const text = await exported(w);

    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('WXYZ');
    expect(text).not.toMatch(/secret|hint|"token"/i);
    const file = JSON.parse(text) as SetupFile;
    expect(file).toMatchObject({ format: 'pim-qr-setup', version: 1, exportedAt: NOW.toISOString() });
    expect(file.environments).toEqual([
      { name: 'Staging', baseUrl: 'https://staging.example.com', tokenPath: expect.any(String), imagePath: expect.any(String), clientId: 'team-client' },
    ]);
    expect(file.placements).toEqual([placement]);
    expect(file.defaults.historySize).toBe(20);
    expect(w.state.status.value).toBe(t('statusSetupExported', 'pim-qr-setup-2026-11-30.json'));
  });

  it('leaves out the environments a browser policy sets: they come from the organization, not the person', async () => {
    const w = worker([{ name: 'Company API', baseUrl: 'https://api.company.example', clientId: 'company-client' }]);
    await seed(w);
    expect((await w.handlers['ui-bg-environments-list'](undefined)).some((e) => e.managed)).toBe(true);

    const file = JSON.parse(await exported(w)) as SetupFile;

    expect(file.environments.map((e) => e.name)).toEqual(['Staging']);
  });
});

describe('Importing a set-up file', () => {
  it('takes everything into an empty set-up, each environment without a secret, and says so per entry', async () => {
    const lead = worker();
    await seed(lead);
    await lead.handlers['ui-bg-settings-save']({ defaults: { historySize: 7, keepHistory: false } });
    const text = await exported(lead);

    const member = worker();
    await member.state.importFile(picked(text));

    expect(texts(member)).toEqual([
      t('importEnvironmentTaken', t('importEnvironmentNamed', 'Staging')),
      t('importDefaultsTaken', t('importDefaults')),
      t('importPlacementTaken', t('importPlacementOn', 'https://shop.example/login')),
    ]);
    expect(texts(member)[0]).toContain('Enter its client secret');
    const staging = (await member.handlers['ui-bg-environments-list'](undefined)).find((e) => e.name === 'Staging');
    expect(staging).toMatchObject({ baseUrl: 'https://staging.example.com', clientId: 'team-client', secretSet: false, secretHint: '' });
    expect((await member.handlers['ui-bg-settings-get'](undefined)).defaults).toMatchObject({ historySize: 7, keepHistory: false });
    expect(await member.send('ui-bg-placements-all', undefined)).toEqual([placement]);
    expect(member.state.summary.value).toBe(t('importSummary', 3, 0, 0));
  });

  it('keeps what is already there: the same environment name or placement id is left as the person has it', async () => {
    const lead = worker();
    await seed(lead);
    const text = await exported(lead);

    const member = worker();
    const mine = await member.handlers['ui-bg-environment-save']({ name: 'staging', baseUrl: 'https://mine.example.com' });
    await member.handlers['ui-bg-credentials-set']({ environmentId: mine.id, clientId: 'my-client', clientSecret: SECRET });
    await member.send('ui-bg-placement-take', { ...placement, selector: '#mine' });

    await member.state.importFile(picked(text));

    expect(member.state.report.value.map((line) => line.outcome)).toEqual(['kept', 'taken', 'kept']);
    expect(texts(member)[0]).toBe(t('importKeptYours', t('importEnvironmentNamed', 'Staging')));
    const list = await member.handlers['ui-bg-environments-list'](undefined);
    expect(list.filter((e) => e.kind === 'custom')).toEqual([expect.objectContaining({ name: 'staging', baseUrl: 'https://mine.example.com', clientId: 'my-client', secretSet: true })]);
    expect(await member.send('ui-bg-placements-all', undefined)).toEqual([{ ...placement, selector: '#mine' }]);
  });

  it('says an environment named as one the policy sets is the organization\'s, not "kept yours"', async () => {
    const lead = worker();
    await seed(lead);
    const text = await exported(lead);

    const member = worker([{ name: 'STAGING', baseUrl: 'https://api.company.example', clientId: 'company-client' }]);
    await member.state.importFile(picked(text));

    expect(member.state.report.value[0]).toEqual({ outcome: 'kept', text: t('importKeptManaged', t('importEnvironmentNamed', 'Staging')) });
    expect(texts(member)[0]).toBe('Environment “Staging”: not taken. Your organization sets an environment with this name by policy.');
    const list = await member.handlers['ui-bg-environments-list'](undefined);
    expect(list.filter((e) => e.kind === 'custom')).toEqual([expect.objectContaining({ name: 'STAGING', managed: true, clientId: 'company-client' })]);
  });

  it('refuses a look-alike of a name already there, and keeps the person\'s for one that reads the same in any language', async () => {
    const member = worker();
    const file = {
      format: 'pim-qr-setup',
      version: 1,
      environments: [
        { name: 'Production\u200B', baseUrl: 'https://p.example.com' },
        { name: 'Sandbox\u2060', baseUrl: 'https://s.example.com' },
        { name: 'Productie', baseUrl: 'https://nl.example.com' },
      ],
    };
    await member.state.importFile(picked(JSON.stringify(file)));

    const invisible = 'Name may not contain characters that show as nothing, such as zero-width spaces or soft hyphens.';
    expect(member.state.report.value.map((line) => line.outcome)).toEqual(['refused', 'refused', 'kept']);
    expect(texts(member)).toEqual([
      t('importRefused', t('importEnvironmentNamed', 'Production\u200B'), invisible),
      t('importRefused', t('importEnvironmentNamed', 'Sandbox\u2060'), invisible),
      t('importKeptYours', t('importEnvironmentNamed', 'Productie')),
    ]);
    expect((await member.handlers['ui-bg-environments-list'](undefined)).map((e) => e.id)).toEqual(['sandbox', 'production']);
  });

  it('says for each entry that the client secret or token it carries was ignored, and stores none of it', async () => {
    const member = worker();
    const file = {
      format: 'pim-qr-setup',
      version: 1,
      environments: [
        { name: 'With secret', baseUrl: 'https://a.example.com', clientId: 'a', clientSecret: SECRET },
        { name: 'Sandbox', baseUrl: 'https://b.example.com', secret: SECRET },
        { name: 'Plain', baseUrl: 'http://c.example.com', token: SECRET },
        { name: 'Without', baseUrl: 'https://d.example.com' },
      ],
    };
    const before = await member.snapshot();
    await member.state.importFile(picked(JSON.stringify(file)));

    const ignored = 'The client secret in the file was ignored: it is never stored.';
    expect(member.state.report.value.map((line) => line.outcome)).toEqual(['taken', 'kept', 'refused', 'taken']);
    expect(texts(member).map((line) => line.endsWith(` ${ignored}`))).toEqual([true, true, true, false]);
    expect(texts(member)[0]).toBe(`${t('importEnvironmentTaken', t('importEnvironmentNamed', 'With secret'))} ${ignored}`);
    expect(await member.snapshot()).not.toContain(SECRET);
    expect(before).not.toContain(SECRET);
    const added = (await member.handlers['ui-bg-environments-list'](undefined)).find((e) => e.name === 'With secret');
    expect(added).toMatchObject({ clientId: 'a', secretSet: false });
  });

  it('reports each entry of a mixed file, taking the good ones and refusing the rest with the reason', async () => {
    const member = worker();
    const file = {
      format: 'pim-qr-setup',
      version: 1,
      environments: [
        { name: 'Acceptance', baseUrl: 'https://acc.example.com', clientId: 'acc' },
        { name: 'Plain', baseUrl: 'http://plain.example.com' },
        { baseUrl: 'https://nameless.example.com' },
        { name: 'Wildcard', baseUrl: 'https://*.example.com' },
        { name: 'Odd client', baseUrl: 'https://odd.example.com', clientId: 42 },
        'not an environment',
        { name: 'Sandbox', baseUrl: 'https://sandbox.example.com' },
      ],
      defaults: { params: { redirect: 1 }, historySize: 500, keepHistory: true },
      placements: [{ ...placement, id: 'second' }, { ...placement, id: 'bad', origin: 'javascript:alert(1)' }],
    };

    await member.state.importFile(picked(JSON.stringify(file)));

    expect(texts(member)).toEqual([
      t('importEnvironmentTaken', t('importEnvironmentNamed', 'Acceptance')),
      t('importRefused', t('importEnvironmentNamed', 'Plain'), t('envErrInsecureHttp')),
      t('importRefused', t('importEnvironmentNumbered', 3), t('errRequired', t('fieldName'))),
      t('importRefused', t('importEnvironmentNamed', 'Wildcard'), t('envErrHostWildcard')),
      t('importRefused', t('importEnvironmentNamed', 'Odd client'), t('importBadClientId', 512)),
      t('importRefused', t('importEnvironmentNumbered', 6), t('importNotAnEnvironment')),
      t('importKeptYours', t('importEnvironmentNamed', 'Sandbox')),
      expect.stringContaining(`${t('importDefaults')}: refused.`),
      t('importPlacementTaken', t('importPlacementOn', 'https://shop.example/login')),
      t('importRefused', t('importPlacementNumbered', 2), t('importNotAPlacement')),
    ]);
    const custom = (await member.handlers['ui-bg-environments-list'](undefined)).filter((e) => e.kind === 'custom');
    expect(custom.map((e) => [e.name, e.clientId, e.secretSet])).toEqual([['Acceptance', 'acc', false]]);
    expect((await member.handlers['ui-bg-settings-get'](undefined)).defaults.historySize).toBe(20);
    expect((await member.send('ui-bg-placements-all', undefined)).map((p) => p.id)).toEqual(['second']);
  });

  const deep = `{"format":"pim-qr-setup","version":1,"environments":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
  const wrap = (environments: string) => `{"format":"pim-qr-setup","version":1,"environments":${environments}}`;
  it.each([
    ['text that is not JSON', 'name,baseUrl\nStaging,https://x', 'importProblemNotJson'],
    ['another format', '{"format":"something-else","version":1}', 'importProblemNotSetup'],
    ['an array', '[]', 'importProblemNotSetup'],
    ['a newer version', '{"format":"pim-qr-setup","version":2,"environments":[]}', 'importProblemNewerVersion'],
    ['a version as text', '{"format":"pim-qr-setup","version":"1"}', 'importProblemNotSetup'],
    ['environments that are no list', wrap('{"name":"Staging"}'), 'importProblemNotSetup'],
    ['deep nesting', deep, 'importProblemTooDeep'],
    ['a __proto__ key', wrap('[{"name":"Staging","baseUrl":"https://s.example.com","__proto__":{"polluted":true}}]'), 'importProblemHostile'],
    ['a constructor key', wrap('[{"name":"S","baseUrl":"https://s.example.com","constructor":{"prototype":{}}}]'), 'importProblemHostile'],
    ['markup in a name', wrap('[{"name":"<img src=x onerror=alert(1)>","baseUrl":"https://s.example.com"}]'), 'importProblemHostile'],
    ['a bidi override in a name', wrap('[{"name":"Staging\\u202Egnp.exe","baseUrl":"https://s.example.com"}]'), 'importProblemHostile'],
    ['a line break in a base URL', wrap('[{"name":"S","baseUrl":"https://s.example.com\\n"}]'), 'importProblemHostile'],
    ['too many entries', wrap(JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ name: `E${i}`, baseUrl: 'https://e.example.com' })))), 'importProblemTooMany'],
  ] as const)('refuses %s as a whole with one message, changing nothing', async (_name, text, key) => {
    const w = worker();
    await seed(w);
    const before = await w.snapshot();
    await w.state.importFile(picked(text));

    expect(w.state.problem.value).toBe(t(key));
    expect(w.state.report.value).toEqual([]);
    expect(await w.snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 50 MB file without reading it', async () => {
    const w = worker();
    await seed(w);
    const before = await w.snapshot();
    const text = vi.fn(async () => '{}');

    await w.state.importFile({ size: 50 * 1024 * 1024, text });

    expect(text).not.toHaveBeenCalled();
    expect(w.state.problem.value).toBe(t('importProblemTooLarge'));
    expect(await w.snapshot()).toBe(before);
    expect(readSetupFile(' '.repeat(SETUP_FILE_MAX_BYTES + 1))).toEqual({ ok: false, problem: 'too-large' });
  });

  it('lets the worker refuse a placement the page did not check', async () => {
    const w = worker();
    await expect(w.send('ui-bg-placement-take', { ...placement, origin: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'malformed-field' });
    expect(await w.send('ui-bg-placements-all', undefined)).toEqual([]);
  });
});
