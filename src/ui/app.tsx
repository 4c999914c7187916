/**
 * The mentor log sidebar: list → mentee → meeting form. One call loads the list; opening a
 * pupil loads their summary; saving is one call. Drafts are kept per pupil until saved or
 * discarded, so nothing typed is lost when a save fails or the user goes back.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { meetingProblems } from '../domain/mentor-log';
import type { ActionView, MenteeView, MentorLogView } from './api';
import { ApiError, type MentorLogApiClient, api } from './client';
import { ErrorBox, Loading } from './chip';
import { type ListFilter, MenteeList, initialFilter } from './list';
import { MenteeSummary } from './mentee';
import { type Draft, MeetingForm, newDraft, toRequest } from './meeting-form';
import { LeaversPanel } from './leavers';
import { LEAVERS_ROLES } from '../domain/leavers-view';

type Loadable<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };
type Route = { name: 'list' } | { name: 'mentee'; id: string } | { name: 'form'; id: string };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Why a save failed, and that nothing typed is lost. */
function saveFailure(e: unknown): string {
  const code = e instanceof ApiError ? e.code : 'error';
  const said = message(e).trim();
  const why = /[.!?]$/.test(said) ? said : `${said}.`;
  const kept = 'Your meeting is not saved yet; everything you typed is still here.';
  return code === 'refused' || code === 'invalid' ? `Not saved: ${why}` : `Not saved. ${why} ${kept} Try again.`;
}

export function App({ client = api }: { client?: MentorLogApiClient }) {
  const [log, setLog] = useState<Loadable<MentorLogView>>({ status: 'loading' });
  const [filter, setFilter] = useState<ListFilter | null>(null);
  const [route, setRoute] = useState<Route>({ name: 'list' });
  const [mentee, setMentee] = useState<Loadable<MenteeView>>({ status: 'loading' });
  const [notice, setNotice] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const [pendingRows, setPendingRows] = useState<number[]>([]);
  const [actionError, setActionError] = useState('');
  const drafts = useRef(new Map<string, Draft>());
  const savingNow = useRef(false);
  const wanted = useRef<string | null>(null);
  const lastOpened = useRef<string | null>(null);
  const [leavers, setLeavers] = useState(false);

  const loadList = () => {
    setLog({ status: 'loading' });
    client.getMentorLog().then(
      (value) => {
        setLog({ status: 'ready', value });
        setFilter((f) => f ?? initialFilter(value));
      },
      (e) => setLog({ status: 'error', message: message(e) }),
    );
  };
  useEffect(loadList, []);

  /** Keeps the list's chip, last meeting and overdue count in step with a mentee just changed. */
  const patchList = (m: MenteeView) => {
    setLog((l) => {
      if (l.status !== 'ready') return l;
      const mentees = l.value.mentees.map((x) => (x.id === m.pupil.id ? {
        ...x, chip: m.chip, daysSinceLastMeeting: m.daysSinceLastMeeting, nextMeeting: m.nextMeeting,
        overdueActions: m.openActions.filter((a) => a.overdue).length,
      } : x));
      return { status: 'ready', value: { ...l.value, mentees } };
    });
  };

  const loadMentee = (id: string) => {
    wanted.current = id;
    setMentee({ status: 'loading' });
    client.getMentee(id).then(
      (value) => {
        if (wanted.current !== id) return;
        setMentee({ status: 'ready', value });
        patchList(value);
      },
      (e) => wanted.current === id && setMentee({ status: 'error', message: message(e) }),
    );
  };

  const openMentee = (id: string) => {
    lastOpened.current = id;
    setNotice('');
    setActionError('');
    setRoute({ name: 'mentee', id });
    loadMentee(id);
  };

  const backToList = () => {
    wanted.current = null;
    setNotice('');
    setRoute({ name: 'list' });
  };

  const openForm = (m: MenteeView) => {
    const d = drafts.current.get(m.pupil.id) ?? newDraft(m);
    drafts.current.set(m.pupil.id, d);
    setDraft(d);
    setSaveError('');
    setNotice('');
    setRoute({ name: 'form', id: m.pupil.id });
  };

  const changeDraft = (id: string, d: Draft) => {
    drafts.current.set(id, d);
    setDraft(d);
  };

  const save = (m: MenteeView, d: Draft) => {
    // A second click before the first answer arrives does nothing (the button is disabled too).
    if (savingNow.current) return;
    const request = toRequest(m.pupil.id, d);
    const problems = meetingProblems(request, m.today, m.editable);
    if (problems.length > 0) {
      setSaveError(`Not saved yet: ${problems.join(' ')}`);
      return;
    }
    savingNow.current = true;
    setSaving(true);
    setSaveError('');
    client.saveMeeting(request).then(
      (res) => {
        drafts.current.delete(m.pupil.id);
        setDraft(null);
        setMentee({ status: 'ready', value: res.mentee });
        patchList(res.mentee);
        setNotice(res.message);
        setRoute({ name: 'mentee', id: m.pupil.id });
      },
      (e) => setSaveError(saveFailure(e)),
    ).then(() => {
      savingNow.current = false;
      setSaving(false);
    });
  };

  const markDone = (m: MenteeView, a: ActionView) => {
    if (pendingRows.includes(a.row)) return;
    setPendingRows((rows) => [...rows, a.row]);
    setActionError('');
    setNotice('');
    client.markActionDone({ pupilId: m.pupil.id, row: a.row, action: a.action, due: a.due }).then(
      (res) => {
        setMentee({ status: 'ready', value: res.mentee });
        patchList(res.mentee);
        setNotice(res.message);
      },
      (e) => {
        setActionError(`Not marked done: ${message(e)}`);
        if (e instanceof ApiError && e.code === 'refused') loadMentee(m.pupil.id);
      },
    ).then(() => setPendingRows((rows) => rows.filter((r) => r !== a.row)));
  };

  if (leavers) return <LeaversPanel client={client} onBack={() => setLeavers(false)} />;
  if (route.name === 'list') {
    if (log.status === 'loading') return <Loading what="Loading your mentees…" />;
    if (log.status === 'error') return <ErrorBox message={log.message} onRetry={loadList} />;
    const seesLeavers = log.value.viewer?.roles.some((r) => LEAVERS_ROLES.includes(r));
    return (
      <>
      {seesLeavers && <button type="button" class="link" id="open-leavers" onClick={() => setLeavers(true)}>Leavers' destinations ›</button>}
      <MenteeList log={log.value} filter={filter ?? initialFilter(log.value)} onFilter={setFilter}
        onOpen={openMentee} onRefresh={loadList} focusId={lastOpened.current} />
      </>
    );
  }

  if (mentee.status === 'loading') {
    return (
      <>
        <button type="button" class="link back" onClick={backToList}>‹ Back to the list</button>
        <Loading what="Loading…" />
      </>
    );
  }
  if (mentee.status === 'error') {
    return (
      <>
        <button type="button" class="link back" onClick={backToList}>‹ Back to the list</button>
        <ErrorBox message={mentee.message} onRetry={() => loadMentee(route.id)} />
      </>
    );
  }
  const m = mentee.value;
  if (route.name === 'form' && draft) {
    return (
      <MeetingForm mentee={m} draft={draft} saving={saving} error={saveError}
        onChange={(d) => changeDraft(m.pupil.id, d)}
        onSave={() => save(m, draft)}
        onBack={() => setRoute({ name: 'mentee', id: m.pupil.id })}
        onDiscard={() => {
          drafts.current.delete(m.pupil.id);
          setDraft(null);
          setRoute({ name: 'mentee', id: m.pupil.id });
        }} />
    );
  }
  return (
    <MenteeSummary mentee={m} notice={notice} actionError={actionError} pendingRows={pendingRows}
      hasDraft={drafts.current.has(m.pupil.id)} onBack={backToList} onLog={() => openForm(m)} onDone={(a) => markDone(m, a)} />
  );
}
