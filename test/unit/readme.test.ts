import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARAM_LIMITS } from '../../src/core/params';
import { SANDBOX_FAULTS } from '../../src/core/sandbox/dev/faults';
import { SANDBOX_DEFAULTS } from '../../src/core/sandbox/handler';
import { GECKO_ID } from '../../scripts/manifest-for-firefox';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

// README is the user's manual: these keep its tables in step with the code they describe.
describe('README', () => {
  it.each(SANDBOX_FAULTS.map((f) => [f.name]))('documents the sandbox fault %s', (name) => {
    expect(readme).toMatch(new RegExp(`\\| \`${name}[=\\[\`]`));
  });

  it('gives the sandbox credentials the sandbox accepts', () => {
    expect(readme).toContain(`client_id=${SANDBOX_DEFAULTS.clientId}&client_secret=${SANDBOX_DEFAULTS.clientSecret}`);
  });

  it('states the form limits the code applies', () => {
    expect(readme).toContain(`at most ${PARAM_LIMITS.titleMaxLength} characters`);
    expect(readme).toContain(`at most ${PARAM_LIMITS.descriptionMaxLength} characters`);
    expect(readme).toContain(`from ${PARAM_LIMITS.sizeMin} to ${PARAM_LIMITS.sizeMax}`);
  });

  it('names the Firefox add-on id the policy examples need', () => {
    expect(readme).toContain(`"${GECKO_ID}": {`);
    expect(readme).toContain(`managed-storage/${GECKO_ID}.json`);
  });
});
