/**
 * The weekly jobs the hourly schedule runs (rules.md, "The schedule"). Each job says whether this
 * week's work is complete; one that is not (a failure, or mail deferred by the quota) is simply
 * run again by the next hourly tick.
 */
import type { JobContext } from './context';

export interface WeeklyRun {
  /** true when nothing is left to do for this ISO week */
  complete: boolean;
  summary: string;
}

export interface WeeklyJob {
  id: string;
  label: string;
  run(ctx: JobContext): WeeklyRun;
}
