import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { NodeClock } from '../../src/node/clock';
import { runScore } from '../../src/jobs/score';

const SAMPLE = path.resolve(__dirname, '../../sample');
const present = fs.existsSync(path.join(SAMPLE, 'tracker.xlsx')) && fs.existsSync(path.join(SAMPLE, 'README.md'));

/** The "Benchmark scores" table of sample/README.md, worked out by make-sample.ts from the data it designs. */
function expected() {
  const readme = fs.readFileSync(path.join(SAMPLE, 'README.md'), 'utf8');
  const section = readme.split('### Benchmark scores')[1].split('###')[0];
  const achieved = Number(/Achieved: (\d) of 8/.exec(section)![1]);
  const rows = section.split('\n').filter((l) => /^\| \d /.test(l)).map((l) => {
    const [bm, criteria, score, status, rag] = l.split('|').slice(1, -1).map((c) => c.trim());
    const measured = [...criteria.matchAll(/`([a-z0-9.-]+)` (\d+)\/(\d+)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    return { id: Number(bm.split(' ')[0]), score: score === '–' ? null : Number(score), status, rag: rag === '–' ? null : rag, measured };
  });
  return { achieved, rows };
}

describe.skipIf(!present)('Score benchmarks on the bundled sample (2 March 2026)', () => {
  it('agrees with the figures the sample was designed to give', async () => {
    const wb = await XlsxWorkbook.fromBuffer(fs.readFileSync(path.join(SAMPLE, 'tracker.xlsx')));
    const r = runScore({ workbook: wb, clock: new NodeClock('2026-03-02') });
    const want = expected();
    expect(want.rows).toHaveLength(8);
    expect(r.achieved).toBe(want.achieved);
    for (const row of want.rows) {
      const b = r.benchmarks[row.id - 1];
      expect({ id: b.id, score: b.score, status: b.status, rag: b.rag }).toEqual({ id: row.id, score: row.score, status: row.status, rag: row.rag });
      const measured = b.criteria.flatMap((c) => (c.key === 'audit' ? [] : [[c.key, c.met, c.cohort]]));
      expect(measured).toEqual(row.measured);
    }
  });
});
