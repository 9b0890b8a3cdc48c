// `npm run bench:views`: the views of issue 14 in real Chromium. Suites: timeline, map and
// gazetteer (scripts/bench-views-canvas.mjs, 10,000 events + 10,000 actors) and chart
// (scripts/bench-views-chart.mjs, 2,000 nodes / 5,000 edges). Each prints its figures beside
// same-run references and the load average.
//   npm run bench:views [-- --suite timeline,map,gazetteer,chart|all] [--events N] [--actors N]
//                       [--nodes N] [--edges N] [--no-build]
import './pinnedNode.mjs';
import { parseArgs } from 'node:util';
import { log } from './bench-common.mjs';
import { CANVAS_SUITES, canvasSuites } from './bench-views-canvas.mjs';
import { chartSuite } from './bench-views-chart.mjs';

const { values: opts } = parseArgs({
  options: {
    suite: { type: 'string', default: 'all' },
    events: { type: 'string', default: '10000' },
    actors: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20261206' },
    frames: { type: 'string', default: '160' },
    nodes: { type: 'string', default: '2000' },
    edges: { type: 'string', default: '5000' },
    'no-build': { type: 'boolean', default: false },
  },
});

const ALL = [...CANVAS_SUITES, 'chart'];
const chosen = opts.suite === 'all' ? ALL : opts.suite.split(',');
for (const name of chosen) if (!ALL.includes(name)) throw new Error(`unknown suite ${name}: ${ALL.join(', ')}`);

const canvas = chosen.filter((name) => CANVAS_SUITES.includes(name));
if (canvas.length > 0) {
  const config = { events: Number(opts.events), actors: Number(opts.actors), seed: Number(opts.seed), frames: Number(opts.frames) };
  await canvasSuites(canvas, config, { skipBuild: opts['no-build'] });
}
if (chosen.includes('chart')) await chartSuite({ nodes: Number(opts.nodes), edges: Number(opts.edges), skipBuild: opts['no-build'] });
log('done; results in bench-results/');
