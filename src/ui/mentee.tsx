/**
 * One mentee: plans, application status, open actions (with Done), history newest first.
 */
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ActionView, MeetingView, MenteeView } from './api';
import { ErrorBox, StatusChip } from './chip';
import { daysAgo, plural, shortDay } from './format';
import { RecordButtons } from './record-buttons';

export function MenteeSummary(props: {
  mentee: MenteeView;
  notice: string;
  actionError: string;
  pendingRows: number[];
  hasDraft: boolean;
  onBack: () => void;
  onLog: () => void;
  onDone: (action: ActionView) => void;
}) {
  const { mentee } = props;
  const p = mentee.pupil;
  const heading = useRef<HTMLHeadingElement>(null);
  const noticeBox = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), [p.id]);
  // After a save or a Done, focus goes to what happened (the Done button itself is gone).
  useEffect(() => {
    if (props.notice) noticeBox.current?.focus();
  }, [props.notice]);
  const overdue = mentee.openActions.filter((a) => a.overdue).length;

  return (
    <section aria-labelledby="mentee-heading">
      <button type="button" class="link back" onClick={props.onBack}>‹ Back to the list</button>
      <div class="title-row">
        <h1 id="mentee-heading" ref={heading} tabIndex={-1}>{p.name}</h1>
        <StatusChip chip={mentee.chip} />
      </div>
      <p class="muted">
        {[p.year !== null ? `Year ${p.year}` : '', p.form ?? '', p.mentor ? `Mentor ${p.mentorName ? `${p.mentorName} (${p.mentor})` : p.mentor}` : 'No mentor'].filter(Boolean).join(' · ')}
      </p>
      {props.notice && <p class="notice" role="status" tabIndex={-1} ref={noticeBox}>{props.notice}</p>}
      {mentee.reasons.length > 0 && (
        <div class={`reasons reasons-${mentee.chip}`}>
          <p class="label">Why {mentee.chip}:</p>
          <ul>{mentee.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      )}

      <dl class="facts">
        <dt>Plan A</dt><dd>{p.planA ?? <span class="muted">not recorded</span>}</dd>
        <dt>Plan B</dt><dd>{p.planB ?? <span class="muted">not recorded</span>}</dd>
        <dt>Application</dt><dd>{p.status ?? (p.statusUnreadable !== undefined ? <span>unreadable: “{p.statusUnreadable}” (correct it in the Pupils tab)</span> : <span class="muted">not recorded</span>)}</dd>
        {(p.provider || p.course) && <><dt>Provider</dt><dd>{[p.provider, p.course].filter(Boolean).join(', ')}</dd></>}
        <dt>Last met</dt><dd>{mentee.lastMeeting ? `${shortDay(mentee.lastMeeting)} (${daysAgo(mentee.daysSinceLastMeeting ?? 0)})` : 'no meetings yet'}</dd>
        {mentee.nextMeeting && <><dt>Next meeting</dt><dd>{shortDay(mentee.nextMeeting)}</dd></>}
      </dl>

      <button type="button" class="primary wide" onClick={props.onLog}>{props.hasDraft ? 'Continue logging the meeting' : 'Log a meeting'}</button>
      <RecordButtons pupilId={p.id} />

      <h2 id="actions-heading">Open actions{mentee.openActions.length ? ` (${mentee.openActions.length})` : ''}</h2>
      {overdue > 0 && <p class="overdue">{plural(overdue, 'action')} overdue</p>}
      {props.actionError && <ErrorBox message={props.actionError} />}
      {mentee.openActions.length === 0 ? (
        <p class="muted">No open actions.</p>
      ) : (
        <ul class="actions" aria-labelledby="actions-heading">
          {mentee.openActions.map((a) => {
            const pending = props.pendingRows.includes(a.row);
            return (
              <li key={a.row} class={a.overdue ? 'is-overdue' : ''}>
                <div class="action-text">
                  <span>{a.action}</span>
                  <span class="row-meta">
                    Due {shortDay(a.due)}{a.overdue ? ' (overdue)' : ''} · {a.owner === 'Pupil' ? 'Pupil' : a.ownerName ?? a.owner ?? 'No owner'}
                  </span>
                </div>
                <button type="button" class="secondary small" disabled={pending} aria-busy={pending}
                  aria-label={`Mark done: ${a.action}`} onClick={() => props.onDone(a)}>
                  {pending ? 'Saving…' : 'Done'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {mentee.doneActions.length > 0 && (
        <details class="done-actions">
          <summary>Recently done ({mentee.doneActions.length})</summary>
          <ul>
            {mentee.doneActions.map((a) => (
              <li key={a.row}>{a.action} <span class="row-meta">· done {a.doneOn ? shortDay(a.doneOn) : ''}</span></li>
            ))}
          </ul>
        </details>
      )}

      <h2>History{mentee.meetings.length ? ` (${mentee.meetings.length})` : ''}</h2>
      {mentee.meetings.length === 0 ? (
        <p class="muted">No meetings logged yet.</p>
      ) : (
        <ol class="history">
          {mentee.meetings.map((m, i) => <MeetingEntry key={m.row} meeting={m} open={i < HISTORY_OPEN} />)}
        </ol>
      )}
    </section>
  );
}

const AGENDA: [keyof MeetingView, string][] = [
  ['grades', 'Grades'], ['needs', 'Needs'], ['options', 'Options'], ['aspirations', 'Aspirations'],
  ['motivation', 'Motivation'], ['notes', 'Notes'],
];

/** The newest meetings show in full; older ones open with a click, so the list stays short. */
const HISTORY_OPEN = 2;

function MeetingEntry({ meeting: m, open }: { meeting: MeetingView; open: boolean }) {
  const fields = AGENDA.filter(([k]) => m[k]);
  return (
    <li class="meeting">
      <details open={open}>
        <summary><h3>{shortDay(m.date)} · {m.type}</h3></summary>
        <MeetingDetails meeting={m} fields={fields} />
      </details>
    </li>
  );
}

function MeetingDetails({ meeting: m, fields }: { meeting: MeetingView; fields: [keyof MeetingView, string][] }) {
  return (
    <>
      <p class="row-meta">With {m.staffName ? `${m.staffName} (${m.staff})` : m.staff}{m.shared && m.shared !== 'No' ? ` · shared with parents${m.shared === 'Yes' ? '' : ` ${shortDay(m.shared)}`}` : ''}</p>
      {fields.length > 0 && (
        <dl class="agenda">
          {fields.map(([k, label]) => (
            <Fragment key={k}>
              <dt>{label}</dt>
              <dd>{m[k] as string}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      {m.nextMeeting && <p class="row-meta">Next meeting {shortDay(m.nextMeeting)}</p>}
    </>
  );
}
