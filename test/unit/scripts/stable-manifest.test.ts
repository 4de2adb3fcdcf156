// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { withSortedResources } from '../../../scripts/stable-manifest';

describe('withSortedResources', () => {
  it('gives one manifest whatever order the injected scripts were built in', () => {
    const entry = (resources: string[]) => ({ matches: ['https://*/*'], resources, use_dynamic_url: true });
    const one = withSortedResources({ name: 'x', web_accessible_resources: [entry(['src/scanner/page-scanner.js', 'src/content/content-script.js'])] });
    const other = withSortedResources({ name: 'x', web_accessible_resources: [entry(['src/content/content-script.js', 'src/scanner/page-scanner.js'])] });
    expect(JSON.stringify(one)).toBe(JSON.stringify(other));
    expect(one.web_accessible_resources[0]?.resources).toEqual(['src/content/content-script.js', 'src/scanner/page-scanner.js']);
  });

  it('leaves a manifest without web-accessible resources as it is', () => {
    const manifest = { name: 'x' };
    expect(withSortedResources(manifest)).toBe(manifest);
  });
});
