/**
 * Menu: Score benchmarks.
 */
import { runFromMenu_, showTab_ } from '../run';
import { runScore } from '../../jobs/score';

export function scoreBenchmarks(): void {
  runFromMenu_('score', 'Score benchmarks', (ctx) => {
    const r = runScore(ctx);
    showTab_('Scores');
    return [
      `${r.headline}.`,
      r.benchmarks.map((b) => `Benchmark ${b.id}: ${b.score === null ? 'not assessed' : `${b.score}% (${b.status.toLowerCase()}; measured ${b.measured ?? '–'}, self-assessed ${b.selfAssessed ?? '–'})`}`).join('\n'),
      'These scores are indicative: the Compass evaluation\'s own formula is not public.',
      `The Coverage tab shows each pupil on roll against each criterion (${r.coverage.notMet} gaps: each is one pupil not yet meeting one criterion, so a pupil can count several times).`,
    ].join('\n\n');
  });
}
