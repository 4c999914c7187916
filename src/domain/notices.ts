/**
 * Notices (pupils-import.md): what the tracker lacks, said once. Beside the problems, never
 * skipping a row: optional columns a job uses that a tab lacks, headers two of which mean the
 * same column, and headers that match no column.
 */
import { INPUT_TABS, LOG_TAB } from './schema';
import type { HeaderMap } from './table';

export interface Notice {
  tab: string;
  column?: string;
  message: string;
}

/** What goes unused when a tab has no such column. */
export const COLUMN_USES: Record<string, Record<string, string>> = {
  Pupils: {
    form: 'the Unplaced tab and the mentor log cannot show pupils\' forms',
    mentor: 'mentors see no mentees in the mentor log and get no unplaced alerts',
    leaverYear: 'leavers cannot be told apart, so the bulletin and destinations cannot reach them',
    send: 'the unplaced flags and the SEND breakdowns cannot use SEND',
    lookedAfter: 'the unplaced flags and the breakdowns cannot use looked-after status',
    disadvantaged: 'the unplaced flags and the disadvantaged breakdowns cannot use it',
    attendance: 'low attendance cannot count as a risk factor in the unplaced flags',
    email: 'the weekly bulletin has no one to send to',
    status: 'every Year 11 is unplaced, as no application status can be read',
    platformLogin: 'the unplaced flags cannot say who has not logged into the application platform',
  },
  Meetings: {
    nextMeeting: 'the mentor log cannot show when the next meeting is due',
  },
  Activities: {
    benchmarks: 'each activity counts for its type\'s default benchmarks only',
  },
};

/** The notices for the tabs as read (header maps by tab name; a missing tab has no notices). */
export function trackerNotices(headers: Record<string, HeaderMap>): Notice[] {
  const notices: Notice[] = [];
  for (const spec of INPUT_TABS) {
    const h = headers[spec.name];
    if (!h || h.headerRow === 0 || spec === LOG_TAB) continue;
    const uses = COLUMN_USES[spec.name] ?? {};
    for (const col of spec.columns) {
      if (h.columns.has(col.key) || !uses[col.key]) continue;
      notices.push({ tab: spec.name, column: col.header, message: `${spec.name} has no ${col.header} column: ${uses[col.key]}.` });
    }
    for (const x of h.ignored ?? []) {
      const col = spec.columns.find((c) => c.key === x.key)!;
      notices.push({
        tab: spec.name, column: h.headers[x.at],
        message: `"${h.headers[x.at]}" and "${h.headers[x.used]}" both mean ${col.header}: "${h.headers[x.used]}" is read and "${h.headers[x.at]}" is ignored (never read or written). Rename or remove one of them.`,
      });
    }
    for (const at of h.unknown ?? []) {
      notices.push({ tab: spec.name, column: h.headers[at], message: `"${h.headers[at]}" matches no column the tracker reads: ignored; rename it if it should be read.` });
    }
  }
  return notices;
}
