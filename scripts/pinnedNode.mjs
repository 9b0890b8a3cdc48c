// Import this first in every script meant to be run as `node scripts/….mjs`: the project's
// scripts run on the Node 22 LTS that package.json pins (npm's `node` package, installed
// into node_modules/.bin). `npm run …` already puts that binary first on the PATH; a script
// started by hand with an older system Node re-runs itself on the pinned one instead of
// failing half-way or measuring the wrong runtime.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The exact Node version package.json pins as the `node` dev dependency. */
export function pinnedNodeVersion(packageJsonText) {
  const version = JSON.parse(packageJsonText).devDependencies?.node;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error('package.json pins no exact node version');
  return version;
}

/** What to do about the running Node: nothing, re-run on the pinned binary, or stop with a message. */
export function runtimeDecision({ running, pinned, pinnedBinaryExists, alreadyRelaunched }) {
  if (running === pinned) return { action: 'continue' };
  if (pinnedBinaryExists && !alreadyRelaunched) return { action: 'relaunch' };
  return {
    action: 'fail',
    message: `Casefile's scripts run on Node ${pinned}, but this is Node ${running}. Run the set-up command in the README (it installs Node ${pinned} into node_modules), then use npm run.`,
  };
}

const pinned = pinnedNodeVersion(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pinnedBinary = `${root}node_modules/node/bin/node`;
const decision = runtimeDecision({
  running: process.versions.node,
  pinned,
  pinnedBinaryExists: existsSync(pinnedBinary),
  alreadyRelaunched: process.env.CASEFILE_PINNED_NODE === pinned,
});
if (decision.action === 'relaunch') {
  const result = spawnSync(pinnedBinary, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, CASEFILE_PINNED_NODE: pinned },
  });
  process.exit(result.status ?? 1);
} else if (decision.action === 'fail') {
  console.error(decision.message);
  process.exit(1);
}
