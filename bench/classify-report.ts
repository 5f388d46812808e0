// Precision and recall of "worth notifying" (a human, non-repeat hit) on the labelled corpus, the
// reasons each rule gave and whether they were right, and the cost of a verdict and of a range
// lookup against a table the size of Apple's full egress list.
// Run: npx tsx bench/classify-report.ts
import { performance } from 'node:perf_hooks';
import { classifyHit, loadNetworkTable } from '../src-server/classify';
import { compileRanges } from '../src-server/classify/network-table';
import { CORPUS_GRACE_MS, contextOf, factsOf, loadCorpus, worthNotifying } from '../test/server/classify/corpus';

const corpus = loadCorpus();
const table = loadNetworkTable();
let tp = 0, fp = 0, fn = 0, tn = 0;
const perRule = new Map<string, { fired: number; right: number; wrong: string[] }>();
const misses: string[] = [];

for (const { c } of corpus) {
  const v = classifyHit(factsOf(c), contextOf(c), table);
  const predicted = worthNotifying(v.source, v.repeat);
  const actual = c.truth === 'human';
  if (predicted && actual) tp++;
  else if (predicted) { fp++; misses.push(`alerted on ${c.truth}: ${c.name}`); }
  else if (actual) { fn++; misses.push(`missed human: ${c.name}`); }
  else tn++;
  for (const reason of v.reasons) {
    const row = perRule.get(reason) ?? { fired: 0, right: 0, wrong: [] };
    row.fired++;
    if (c.truth === 'machine' || c.truth === 'self') row.right++;
    else row.wrong.push(c.name);
    perRule.set(reason, row);
  }
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`corpus: ${corpus.length} labelled hits (test/server/classify/fixtures), send grace ${CORPUS_GRACE_MS} ms, ranges taken ${table.takenAt}`);
console.log(`worth notifying: precision ${pct(tp, tp + fp)} (${tp}/${tp + fp}), recall ${pct(tp, tp + fn)} (${tp}/${tp + fn}); true negatives ${tn}`);
for (const m of misses) console.log(`  ${m}`);
console.log('\nper rule (hits it fired on; right = truly machine or self):');
for (const [reason, row] of [...perRule].sort((a, b) => b[1].fired - a[1].fired)) {
  console.log(`  ${reason.padEnd(16)} fired ${String(row.fired).padStart(3)}  right ${String(row.right).padStart(3)}${row.wrong.length ? `  wrong: ${row.wrong.join('; ')}` : ''}`);
}

function timeIt(label: string, runs: number, fn: (i: number) => void): void {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => (samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0) * 1000;
  console.log(`  ${label.padEnd(44)} median ${q(0.5).toFixed(1)} µs  p99 ${q(0.99).toFixed(1)} µs  (${runs} runs)`);
}

console.log('\ncost:');
const cases = corpus.map(({ c }) => ({ facts: factsOf(c), ctx: contextOf(c) }));
timeIt('classifyHit, corpus hits round-robin', 20_000, (i) => {
  const k = cases[i % cases.length]!;
  classifyHit(k.facts, k.ctx, table);
});
// Worst case: a user agent never seen before, so the parse cache does not help.
const cold = cases.find((k) => k.facts.type === 'open' && k.ctx.priorHits.length === 0)!;
timeIt('classifyHit, every user agent new', 5_000, (i) => {
  const headers = { ...cold.facts.headers, 'user-agent': `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${i}.0.0.0 Safari/537.36` };
  classifyHit({ ...cold.facts, headers }, cold.ctx, table);
});
// A synthetic table as large as Apple's full egress list (~287,000 rows), to show lookups stay cheap.
const big: string[] = [];
for (let i = 0; i < 287_000; i++) big.push(`${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/27`);
const t0 = performance.now();
const bigTable = compileRanges({ takenAt: '2026-12-04', networks: [{ id: 'big', label: 'big', reason: 'apple-mpp', opens: 'always', clicks: false, source: 'synthetic', cidrs: big }] });
console.log(`  compile 287,000 ranges                        ${(performance.now() - t0).toFixed(0)} ms once at startup`);
timeIt('lookup in 287,000 ranges', 100_000, (i) => {
  bigTable.networks[0]!.ranges.contains(`${100 + (i % 5)}.${i & 255}.${(i >> 8) & 255}.${i % 64}`);
});
console.log('\nreproduce: npx tsx bench/classify-report.ts');
