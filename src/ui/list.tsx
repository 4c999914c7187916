/**
 * The list: my mentees (everyone, for the careers leader and adviser) with status chip, days
 * since the last meeting and overdue actions.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { MenteeListItem, MentorLogView, Viewer } from './api';
import { StatusChip } from './chip';
import { daysAgo, plural, shortDay } from './format';

export interface ListFilter {
  query: string;
  /** 'all' or a year group */
  year: string;
}

/** Rows drawn at once: more than this, and the search narrows them. */
export const LIST_LIMIT = 150;

export function initialFilter(log: MentorLogView): ListFilter {
  const hasYear11 = log.mentees.some((m) => m.year === 11);
  return { query: '', year: log.viewer?.seesEveryone && hasYear11 ? '11' : 'all' };
}

function matches(m: MenteeListItem, filter: ListFilter): boolean {
  if (filter.year !== 'all' && String(m.year) !== filter.year) return false;
  const q = filter.query.trim().toLowerCase();
  if (!q) return true;
  return m.name.toLowerCase().includes(q) || m.id.toLowerCase().includes(q) || (m.form ?? '').toLowerCase() === q;
}

/** A form tutor sees their forms' pupils as well as any mentees: "My mentees" would be wrong. */
function listHeading(viewer: Viewer): string {
  if (viewer.seesEveryone) return 'All pupils';
  return viewer.forms.length > 0 ? `My pupils (${viewer.forms.join(', ')})` : 'My mentees';
}

export function MenteeList(props: {
  log: MentorLogView;
  filter: ListFilter;
  onFilter: (f: ListFilter) => void;
  onOpen: (id: string) => void;
  onRefresh: () => void;
  focusId: string | null;
}) {
  const { log, filter } = props;
  const viewer = log.viewer;
  const heading = useRef<HTMLHeadingElement>(null);
  const focusRow = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (focusRow.current ?? heading.current)?.focus();
  }, []);

  if (!viewer) {
    return (
      <section aria-labelledby="list-heading">
        <h1 id="list-heading" ref={heading} tabIndex={-1}>Mentor log</h1>
        <div class="empty" role="status">
          <p>{log.message}</p>
        </div>
        <button type="button" class="secondary" onClick={props.onRefresh}>Check again</button>
      </section>
    );
  }

  const years = Array.from(new Set(log.mentees.map((m) => m.year).filter((y): y is number => y !== null))).sort((a, b) => a - b);
  const filtered = log.mentees.filter((m) => matches(m, filter));
  const shown = filtered.slice(0, LIST_LIMIT);
  const count = (chip: string) => filtered.filter((m) => m.chip === chip).length;
  const summary = [
    plural(filtered.length, viewer.seesEveryone || viewer.forms.length > 0 ? 'pupil' : 'mentee'),
    count('red') ? `${count('red')} red` : '',
    count('amber') ? `${count('amber')} amber` : '',
    count('placed') ? `${count('placed')} placed` : '',
  ].filter(Boolean).join(' · ');

  return (
    <section aria-labelledby="list-heading">
      <div class="title-row">
        <h1 id="list-heading" ref={heading} tabIndex={-1}>{listHeading(viewer)}</h1>
        <button type="button" class="link" onClick={props.onRefresh}>Refresh</button>
      </div>
      <p class="muted">Signed in as {viewer.name} ({viewer.initials})</p>
      {log.mentees.length === 0 ? (
        <div class="empty" role="status"><p>{log.message}</p></div>
      ) : (
        <>
          <div class="filters">
            <div class="field grow">
              <label for="find">Find a pupil</label>
              <input id="find" type="search" value={filter.query} autoComplete="off"
                onInput={(e) => props.onFilter({ ...filter, query: (e.target as HTMLInputElement).value })} />
            </div>
            {years.length > 1 && (
              <div class="field">
                <label for="year">Year</label>
                <select id="year" value={filter.year} onChange={(e) => props.onFilter({ ...filter, year: (e.target as HTMLSelectElement).value })}>
                  <option value="all">All</option>
                  {years.map((y) => <option key={y} value={String(y)}>Year {y}</option>)}
                </select>
              </div>
            )}
          </div>
          <p class="muted" role="status" aria-live="polite">{summary}</p>
          {filtered.length === 0 ? (
            <p class="empty">No pupil matches. Clear the search or choose another year.</p>
          ) : (
            <ul class="mentees" aria-label={viewer.seesEveryone ? 'Pupils' : listHeading(viewer)}>
              {shown.map((m) => (
                <li key={m.id}>
                  <button type="button" class="mentee-row" data-pupil-id={m.id} onClick={() => props.onOpen(m.id)}
                    ref={m.id === props.focusId ? focusRow : undefined}>
                    <span class="row-top">
                      <span class="name">{m.name}</span>
                      <StatusChip chip={m.chip} />
                    </span>
                    <span class="row-meta">
                      {[m.year !== null ? `Year ${m.year}` : '', m.form ?? '', viewer.seesEveryone ? (m.mentor ? `Mentor ${m.mentor}` : m.year === 11 ? 'No mentor' : '') : ''].filter(Boolean).join(' · ')}
                    </span>
                    <span class="row-meta">
                      {m.daysSinceLastMeeting === null ? 'No meetings yet' : `Last met ${daysAgo(m.daysSinceLastMeeting)}`}
                      {m.nextMeeting && ` · next ${shortDay(m.nextMeeting).replace(/ \d{4}$/, '')}`}
                      {m.overdueActions > 0 && <span class="overdue"> · {plural(m.overdueActions, 'overdue action')}</span>}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {filtered.length > shown.length && (
            <p class="muted">Showing the first {shown.length} of {filtered.length.toLocaleString('en-GB')}. Type a name to find the others.</p>
          )}
        </>
      )}
    </section>
  );
}
