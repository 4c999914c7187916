/**
 * The meeting form: the agenda of a careers support meeting, agreed actions with due dates,
 * the next meeting, shared with parents, and the pupil's plans and application status.
 * The form's content lives in the App (a draft per pupil), so a failed save, or going back to
 * the summary, never loses what was typed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MeetingType } from '../domain/schema';
import { APPLICATION_STATUSES, MEETING_TYPES } from '../domain/schema';
import type { MenteeView, PlanFields, SaveMeetingRequest } from './api';
import { LIMITS } from './limits';
import { FormError, SaveButton } from './form-parts';
import { newRequestId } from './format';

export interface ActionRow {
  key: number;
  action: string;
  due: string;
  owner: 'Pupil' | 'Me';
}

export interface Draft {
  requestId: string;
  type: MeetingType;
  date: string;
  grades: string;
  needs: string;
  options: string;
  aspirations: string;
  motivation: string;
  notes: string;
  sharedWithParents: boolean;
  nextMeeting: string;
  actions: ActionRow[];
  plan: PlanFields;
  shown: PlanFields;
}

let nextKey = 1;
const emptyAction = (): ActionRow => ({ key: nextKey++, action: '', due: '', owner: 'Pupil' });

export function newDraft(m: MenteeView): Draft {
  const shown: PlanFields = { planA: m.pupil.planA ?? '', planB: m.pupil.planB ?? '', status: m.pupil.status ?? '' };
  return {
    requestId: newRequestId(), type: m.defaultType, date: m.today, grades: '', needs: '', options: '',
    aspirations: '', motivation: '', notes: '', sharedWithParents: false, nextMeeting: '',
    actions: [emptyAction()], plan: { ...shown }, shown,
  };
}

/** What is sent: action rows left completely blank are dropped. */
export function toRequest(pupilId: string, d: Draft): SaveMeetingRequest {
  return {
    requestId: d.requestId, pupilId, type: d.type, date: d.date, grades: d.grades, needs: d.needs,
    options: d.options, aspirations: d.aspirations, motivation: d.motivation, notes: d.notes,
    sharedWithParents: d.sharedWithParents, nextMeeting: d.nextMeeting,
    actions: d.actions.filter((a) => a.action.trim() !== '' || a.due !== '').map((a) => ({ action: a.action, due: a.due, owner: a.owner })),
    plan: d.plan, shown: d.shown,
  };
}

type TextKey = 'grades' | 'needs' | 'options' | 'aspirations' | 'motivation' | 'notes';
const AGENDA: { key: TextKey; label: string; hint: string }[] = [
  { key: 'grades', label: 'Grades', hint: 'Grades achieved so far' },
  { key: 'needs', label: 'Needs', hint: 'Emotional, behavioural and academic needs' },
  { key: 'options', label: 'Options', hint: 'Option choices' },
  { key: 'aspirations', label: 'Aspirations', hint: 'Post-16 aspirations' },
  { key: 'motivation', label: 'Motivation', hint: 'What motivates them' },
  { key: 'notes', label: 'Notes', hint: '' },
];

const ACTION_IDEAS = [
  'Research careers in ', 'Research college courses', 'Complete college application', 'Apply for apprenticeships',
  'Write personal statement', 'Write CV', 'Log in to the application platform', 'Book a college visit',
];

export function MeetingForm(props: {
  mentee: MenteeView;
  draft: Draft;
  saving: boolean;
  error: string;
  onChange: (d: Draft) => void;
  onSave: () => void;
  onBack: () => void;
  onDiscard: () => void;
}) {
  const { mentee, draft: d, saving } = props;
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => props.onChange({ ...d, [key]: value });
  const setPlan = (key: keyof PlanFields, value: string) => set('plan', { ...d.plan, [key]: value } as PlanFields);
  const setAction = (i: number, patch: Partial<ActionRow>) => set('actions', d.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const value = (e: Event) => (e.target as HTMLInputElement).value;

  return (
    <section aria-labelledby="form-heading">
      <button type="button" class="link back" onClick={props.onBack} disabled={saving}>‹ Back to {mentee.pupil.name}</button>
      <h1 id="form-heading" ref={heading} tabIndex={-1}>Log a meeting</h1>
      <p class="muted">with {mentee.pupil.name}</p>
      <form onSubmit={(e) => { e.preventDefault(); props.onSave(); }} noValidate>
        <fieldset disabled={saving}>
          <div class="two">
            <div class="field">
              <label for="f-type">Type</label>
              <select id="f-type" value={d.type} onChange={(e) => set('type', value(e) as MeetingType)}>
                {(mentee.meetingTypes ?? MEETING_TYPES.map((t) => t.value)).map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="f-date">Date</label>
              <input id="f-date" type="date" required max={mentee.today} value={d.date} onInput={(e) => set('date', value(e))} />
            </div>
          </div>

          <fieldset class="group">
            <legend>Agenda</legend>
            {AGENDA.map((f) => (
              <div class="field" key={f.key}>
                <label for={`f-${f.key}`}>{f.label}{f.hint && <span class="hint"> · {f.hint}</span>}</label>
                <textarea id={`f-${f.key}`} rows={f.key === 'notes' ? 4 : 2} maxLength={LIMITS.text} value={d[f.key]}
                  onInput={(e) => set(f.key, value(e))} />
              </div>
            ))}
          </fieldset>

          <fieldset class="group">
            <legend>Agreed actions</legend>
            <datalist id="action-ideas">{ACTION_IDEAS.map((a) => <option key={a} value={a} />)}</datalist>
            {d.actions.length === 0 && <p class="muted">No actions agreed.</p>}
            {d.actions.map((a, i) => (
              <div class="action-row" key={a.key} role="group" aria-label={`Agreed action ${i + 1}`}>
                <div class="field">
                  <label for={`a-text-${a.key}`}>Action {i + 1}</label>
                  <input id={`a-text-${a.key}`} type="text" list="action-ideas" maxLength={LIMITS.action} value={a.action}
                    onInput={(e) => setAction(i, { action: value(e) })} />
                </div>
                <div class="two">
                  <div class="field">
                    <label for={`a-due-${a.key}`}>Due</label>
                    <input id={`a-due-${a.key}`} type="date" min={d.date || undefined} value={a.due} onInput={(e) => setAction(i, { due: value(e) })} />
                  </div>
                  <div class="field">
                    <label for={`a-owner-${a.key}`}>Who</label>
                    <select id={`a-owner-${a.key}`} value={a.owner} onChange={(e) => setAction(i, { owner: value(e) as 'Pupil' | 'Me' })}>
                      <option value="Pupil">Pupil</option>
                      <option value="Me">Me ({mentee.viewer.initials})</option>
                    </select>
                  </div>
                </div>
                <button type="button" class="link danger" aria-label={`Remove action ${i + 1}`}
                  onClick={() => set('actions', d.actions.filter((_, j) => j !== i))}>Remove</button>
              </div>
            ))}
            {d.actions.length < LIMITS.actions && (
              <button type="button" class="secondary" onClick={() => set('actions', [...d.actions, emptyAction()])}>Add an action</button>
            )}
          </fieldset>

          <fieldset class="group">
            <legend>Next steps</legend>
            <div class="field">
              <label for="f-next">Next meeting</label>
              <input id="f-next" type="date" min={d.date || undefined} value={d.nextMeeting} onInput={(e) => set('nextMeeting', value(e))} />
            </div>
            <div class="check">
              <input id="f-shared" type="checkbox" checked={d.sharedWithParents} onChange={(e) => set('sharedWithParents', (e.target as HTMLInputElement).checked)} />
              <label for="f-shared">Shared with parents</label>
            </div>
          </fieldset>

          <fieldset class="group">
            <legend>Plans and application</legend>
            {(['planA', 'planB'] as const).map((k) => (
              <div class="field" key={k}>
                <label for={`f-${k}`}>{k === 'planA' ? 'Plan A' : 'Plan B'}</label>
                <input id={`f-${k}`} type="text" maxLength={LIMITS.plan} value={d.plan[k]} disabled={!mentee.editable[k]}
                  aria-describedby={mentee.editable[k] ? undefined : `f-${k}-missing`} onInput={(e) => setPlan(k, value(e))} />
                {!mentee.editable[k] && <p class="hint" id={`f-${k}-missing`}>The Pupils tab has no {k === 'planA' ? 'Plan A' : 'Plan B'} column.</p>}
              </div>
            ))}
            <div class="field">
              <label for="f-status">Application status</label>
              <select id="f-status" value={d.plan.status} disabled={!mentee.editable.status} onChange={(e) => setPlan('status', value(e))}>
                <option value="">Not recorded</option>
                {APPLICATION_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            </div>
          </fieldset>
        </fieldset>

        <FormError message={props.error} />
        <div class="buttons">
          <SaveButton saving={saving} label="Save meeting" />
          {confirmDiscard ? (
            <>
              <button type="button" class="link danger" disabled={saving} onClick={props.onDiscard}>Yes, discard it</button>
              <button type="button" class="link" onClick={() => setConfirmDiscard(false)}>Keep it</button>
            </>
          ) : (
            <button type="button" class="link danger" disabled={saving} onClick={() => setConfirmDiscard(true)}>Discard</button>
          )}
        </div>
      </form>
    </section>
  );
}
