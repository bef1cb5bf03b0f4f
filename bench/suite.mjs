// `node bench/suite.mjs`: how long `npm test` takes on this machine, with a reference for the
// machine's speed at that moment. This machine's speed swings by half from hour to hour (the same
// tree took 24 s and 46 s on the same day), so a suite time means little without one: before each
// run, the median of seven `node -e 0` (without the machine's extra CA bundle, as the suite's own
// Node processes start). BENCH_RUNS sets the number of suite runs (default 3). Prints a Markdown
// row per run and the medians; exits non-zero when a run fails.
//
// CPU is the machine's busy time over the run (/proc/stat, all cores; see suite-measure.mjs).
// Run it with nothing else busy on the machine; bench/suite-vs-baseline.mjs takes the machine's
// speed out of the comparison by timing an older tree in turns with this one.
import { median } from './measure.mjs';
import { reference, suiteRun } from './suite-measure.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const rows = [];
console.log('| `node -e 0` (ms) | `npm test` wall (s) | machine CPU (s) | tests |');
console.log('|---|---|---|---|');
for (let i = 0; i < RUNS; i++) {
  const ms = reference();
  const run = suiteRun(ROOT);
  rows.push({ ms, ...run });
  console.log(
    `| ${ms.toFixed(0)} | ${run.wall.toFixed(1)} | ${run.cpu.toFixed(1)} | ${run.counts} |`,
  );
}
const pick = (key) => median(rows.map((row) => row[key]));
console.log(
  `\nmedians: node -e 0 ${pick('ms').toFixed(0)} ms, npm test ${pick('wall').toFixed(1)} s wall, ${pick('cpu').toFixed(1)} s machine CPU`,
);
process.exit(rows.every((row) => row.ok) ? 0 : 1);
