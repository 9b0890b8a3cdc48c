// `npm run bench:views`: the views of issue 14 in real Chromium, one suite each (a file per
// suite: scripts/bench-views-<suite>.mjs). `--suite chart` runs one; default all.
//   options: --suite NAME  --nodes N --edges N (chart)
import './pinnedNode.mjs';
import { parseArgs } from 'node:util';
import { log } from './bench-common.mjs';
import { chartSuite } from './bench-views-chart.mjs';

const { values: opts } = parseArgs({ options: { suite: { type: 'string', default: 'all' }, nodes: { type: 'string', default: '2000' }, edges: { type: 'string', default: '5000' } } });

const SUITES = {
  chart: () => chartSuite({ nodes: Number(opts.nodes), edges: Number(opts.edges) }),
};

async function main() {
  const names = opts.suite === 'all' ? Object.keys(SUITES) : [opts.suite];
  for (const name of names) {
    if (!SUITES[name]) throw new Error(`no suite "${name}" (have: ${Object.keys(SUITES).join(', ')})`);
    await SUITES[name]();
  }
  log('done; results in bench-results/');
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
