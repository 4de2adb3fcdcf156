import { describe, expect, it } from 'vitest';
import { readManagedEnvironments } from '../../../src/core/managed-environments';

const good = { name: 'Team staging', baseUrl: 'https://staging.example.com/', clientId: ' team-client ' };

describe('readManagedEnvironments', () => {
  it('reads nothing without a policy', () => {
    expect(readManagedEnvironments(undefined)).toEqual({ environments: [], refused: [], secretsIgnored: [] });
  });

  it('takes a good entry as a managed environment with an id from its name and KPN paths', () => {
    const { environments, refused } = readManagedEnvironments([good]);
    expect(refused).toEqual([]);
    expect(environments).toEqual([
      expect.objectContaining({ id: 'managed-Team staging', name: 'Team staging', kind: 'custom', managed: true, baseUrl: 'https://staging.example.com', clientId: 'team-client' }),
    ]);
  });

  it('judges every entry on its own: the bad ones are refused with their field and reason, the rest are used', () => {
    const { environments, refused } = readManagedEnvironments([
      good,
      { name: 'Typed wrong', baseUrl: 42, clientId: 'x' },
      { name: 'Plain', baseUrl: 'http://plain.example.com', clientId: 'x' },
      { name: 'No client', baseUrl: 'https://noclient.example.com' },
      { name: 'Wildcard', baseUrl: 'https://*.example.com', clientId: 'x' },
      { name: 'team STAGING', baseUrl: 'https://other.example.com', clientId: 'x' },
      { name: 'Production', baseUrl: 'https://prod.example.com', clientId: 'x' },
      { name: 'Bidi\u202Egnp.exe', baseUrl: 'https://bidi.example.com', clientId: 'x' },
      'not an environment',
      { name: ['array'], baseUrl: 'https://a.example.com', clientId: 'x' },
      { name: 'Listed', baseUrl: ['https://a.example.com'], clientId: 'x' },
      { name: 'Numbered', baseUrl: 'https://a.example.com', clientId: 5 },
      { name: '<img src=x onerror=alert(1)>', baseUrl: 'https://img.example.com', clientId: 'x' },
      { name: 'Quoted', baseUrl: 'https://quoted.example.com', clientId: '"><b>x' },
      { name: 'Hidden', baseUrl: 'https://hidden.example.com', clientId: 'x\u2028y' },
      { name: 'Second', baseUrl: 'https://second.example.com', clientId: 'second', tokenPath: '/token' },
    ]);
    expect(environments.map((e) => [e.name, e.tokenPath])).toEqual([
      ['Team staging', expect.any(String)],
      ['Second', '/token'],
    ]);
    expect(refused).toEqual([
      { entry: 2, name: 'Typed wrong', field: 'baseUrl', code: 'not-text' },
      { entry: 3, name: 'Plain', field: 'baseUrl', code: 'insecure-http' },
      { entry: 4, name: 'No client', field: 'clientId', code: 'required' },
      { entry: 5, name: 'Wildcard', field: 'baseUrl', code: 'host-wildcard' },
      { entry: 6, name: 'team STAGING', field: 'name', code: 'duplicate-name' },
      { entry: 7, name: 'Production', field: 'name', code: 'duplicate-name' },
      { entry: 8, name: 'Bidi\u202Egnp.exe', field: 'name', code: 'hidden-characters' },
      { entry: 9, name: undefined, field: 'name', code: 'required' },
      { entry: 10, name: ['array'], field: 'name', code: 'not-text' },
      { entry: 11, name: 'Listed', field: 'baseUrl', code: 'not-text' },
      { entry: 12, name: 'Numbered', field: 'clientId', code: 'not-text' },
      { entry: 13, name: '<img src=x onerror=alert(1)>', field: 'name', code: 'markup' },
      { entry: 14, name: 'Quoted', field: 'clientId', code: 'markup' },
      { entry: 15, name: 'Hidden', field: 'clientId', code: 'hidden-characters' },
    ]);
  });

  it('refuses a name that hides an invisible character or reads as one already there, built-in ones in any language included', () => {
    const { environments, refused } = readManagedEnvironments([
      good,
      { name: 'Production\u200B', baseUrl: 'https://p.example.com', clientId: 'x' },
      { name: 'Sandbox\u2060', baseUrl: 'https://s.example.com', clientId: 'x' },
      { name: 'Productie', baseUrl: 'https://nl.example.com', clientId: 'x' },
      { name: 'TEAM\u3000STAGING', baseUrl: 'https://t.example.com', clientId: 'x' },
    ]);
    expect(environments.map((e) => e.name)).toEqual(['Team staging']);
    expect(refused.map(({ entry, field, code }) => [entry, field, code])).toEqual([
      [2, 'name', 'invisible-characters'],
      [3, 'name', 'invisible-characters'],
      [4, 'name', 'duplicate-name'],
      [5, 'name', 'duplicate-name'],
    ]);
  });

  it('ignores a secret an entry carries, under any of its usual names, and says which entries had one', () => {
    const { environments, secretsIgnored } = readManagedEnvironments([
      { ...good, clientSecret: 's' },
      { ...good, name: 'B', secret: 's' },
      { ...good, name: 'C', client_secret: 's' },
      { ...good, name: 'D', token: 's' },
      { ...good, name: 'E' },
    ]);
    expect(environments.map((e) => e.name)).toEqual(['Team staging', 'B', 'C', 'D', 'E']);
    expect(JSON.stringify(environments)).not.toContain('"s"');
    expect(secretsIgnored).toEqual([
      { entry: 1, name: 'Team staging' },
      { entry: 2, name: 'B' },
      { entry: 3, name: 'C' },
      { entry: 4, name: 'D' },
    ]);
  });

  it('reads a policy that is one entry rather than a list as that entry', () => {
    expect(readManagedEnvironments(good).environments.map((e) => e.name)).toEqual(['Team staging']);
    expect(readManagedEnvironments('text').refused).toEqual([{ entry: 1, name: undefined, field: 'name', code: 'required' }]);
  });

  it('keeps a __proto__ key of a policy entry from reaching any prototype', () => {
    const entry = JSON.parse('{"name":"Proto","baseUrl":"https://p.example.com","clientId":"x","__proto__":{"polluted":true}}') as unknown;
    expect(readManagedEnvironments([entry]).environments).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
