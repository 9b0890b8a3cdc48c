import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
const pinned = pkg.devDependencies.node;

describe('the project runs on its pinned Node 22 LTS', () => {
  it('pins an exact Node 22 release as a dev dependency (npm puts its binary first on the scripts’ PATH)', () => {
    expect(pinned).toMatch(/^22\.\d+\.\d+$/);
    expect(pkg.engines.node).toBe('>=22.12');
  });

  it('these tests run on that Node, not on the machine’s own', () => {
    expect(process.versions.node).toBe(pinned);
  });

  it('the README’s set-up commands and CI install with the same Node, so npm ci checks engines against it', () => {
    const setups = readme.match(/npx -y -p node@[\d.]+ -- npm ci/g) ?? [];
    expect(setups.length).toBeGreaterThanOrEqual(2);
    for (const line of setups) expect(line).toContain(`node@${pinned} `);
    expect(readme).toContain(`Node.js ${pinned}`);
    expect(ci).toMatch(/npx -y -p "node@\$node_version" -- npm ci/);
    expect(ci).toContain("require('./package.json').devDependencies.node");
  });
});
