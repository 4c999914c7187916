/**
 * careers-tracker score: scores the benchmarks; writes Scores and Coverage.
 */
import type { Command } from './commands';
import { runScore } from '../jobs/score';
import { table } from './output';

export const score: Command = {
  name: 'score',
  summary: 'scores the benchmarks; writes Scores and Coverage',
  run({ ctx }) {
    const r = runScore(ctx);
    const fixed = (n: number | null) => (n === null ? '–' : n.toFixed(1));
    const rows = r.benchmarks.map((b) => [
      `BM${b.id}`, b.name, fixed(b.measured), fixed(b.selfAssessed), fixed(b.score), b.status, b.rag ?? '',
    ]);
    const text = [
      `Benchmark scores for ${r.academicYear}, as of ${r.asOf} (indicative: the Compass formula is not public)`,
      '',
      table(['', 'Benchmark', 'Measured', 'Self-assessed', 'Score', 'Status', 'RAG'], rows),
      '',
      `${r.headline}.`,
      r.footnote,
      `Coverage: ${r.coverage.pupils} pupils on roll, ${r.coverage.notMet} gaps, each one pupil not yet meeting one criterion (see the Coverage tab).`,
      ...(r.problems > 0 ? [`The tracker has ${r.problems} ${r.problems === 1 ? 'problem' : 'problems'}; run "careers-tracker check" to see them.`] : []),
    ].join('\n');
    return { json: r, text };
  },
};
