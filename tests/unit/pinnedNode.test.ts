import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module of the scripts, without types
import { pinnedNodeVersion, runtimeDecision } from '../../scripts/pinnedNode.mjs';

const pinned = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { devDependencies: { node: string } }).devDependencies.node;

describe('scripts run on the pinned Node even when started with another', () => {
  it('reads the exact pinned version and refuses a range', () => {
    expect(pinnedNodeVersion(JSON.stringify({ devDependencies: { node: pinned } }))).toBe(pinned);
    expect(() => pinnedNodeVersion(JSON.stringify({ devDependencies: { node: '^22' } }))).toThrow(/exact/);
  });

  it('continues on the pinned Node, relaunches once on another, and otherwise says what to run', () => {
    expect(runtimeDecision({ running: pinned, pinned, pinnedBinaryExists: true, alreadyRelaunched: false })).toEqual({ action: 'continue' });
    expect(runtimeDecision({ running: '20.20.2', pinned, pinnedBinaryExists: true, alreadyRelaunched: false })).toEqual({ action: 'relaunch' });
    const loop = runtimeDecision({ running: '20.20.2', pinned, pinnedBinaryExists: true, alreadyRelaunched: true });
    expect(loop.action).toBe('fail');
    const missing = runtimeDecision({ running: '20.20.2', pinned, pinnedBinaryExists: false, alreadyRelaunched: false });
    expect(missing).toMatchObject({ action: 'fail' });
    expect(missing.message).toContain(`run on Node ${pinned}, but this is Node 20.20.2`);
    expect(missing.message).toMatch(/README/);
  });

  it('a script started by the machine’s own node runs on the pinned one', () => {
    const dir = mkdtempSync(join(process.cwd(), 'scripts', '.pinned-test-'));
    try {
      const script = join(dir, 'probe.mjs');
      writeFileSync(script, "import '../pinnedNode.mjs';\nconsole.log(process.versions.node);\n");
      // Whatever `node` the machine has first on a plain system PATH (20 on the CI machines).
      const out = execFileSync('node', [script], { env: { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' }, encoding: 'utf8' });
      expect(out.trim()).toBe(pinned);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
