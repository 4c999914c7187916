/**
 * The Leavers view: checks due (overdue first), search by name, and a short form to log a check
 * (date, status in groups, provider, course or role, notes). Saving is one call; a failed save
 * keeps everything typed, and a double click saves once (the request id).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkProblems } from '../domain/leavers-view';
import type { LeaverItem, LeaversView } from './leavers-api';
import { ApiError, type MentorLogApiClient } from './client';
import { ErrorBox, Loading } from './chip';
import { FormError, SaveButton } from './form-parts';
import { newRequestId, plural, shortDay } from './format';

interface Draft {
  requestId: string;
  date: string;
  status: string;
  provider: string;
  course: string;
  notes: string;
}

const newCheck = (today: string): Draft => ({ requestId: newRequestId(), date: today, status: '', provider: '', course: '', notes: '' });

function LeaverRow({ l, onOpen }: { l: LeaverItem; onOpen: () => void }) {
  return (
    <li>
      <button type="button" class="mentee-row leaver-row" onClick={onOpen}>
        <span class="row-top"><span class="name">{l.name}</span></span>
        <span class="row-meta">
          Left {l.leaverYear}
          {l.daysDue !== null && <> · {l.overdue ? <strong>Overdue</strong> : 'Due'} {plural(l.daysDue, 'day')}</>}
          {l.lastStatus ? ` · ${l.lastStatus} (${shortDay(l.lastChecked)})` : ' · No check yet'}
          {!l.consentRecorded && ' · consent not recorded'}
        </span>
      </button>
    </li>
  );
}

export function LeaversPanel({ client, onBack }: { client: MentorLogApiClient; onBack: () => void }) {
  const [view, setView] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: LeaversView }>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<LeaverItem | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const savingNow = useRef(false);
  const drafts = useRef(new Map<string, Draft>());

  const load = () => {
    setView({ status: 'loading' });
    client.getLeavers().then((value) => setView({ status: 'ready', value }), (e) => setView({ status: 'error', message: e instanceof Error ? e.message : String(e) }));
  };
  useEffect(load, []);

  if (view.status === 'loading') return <Loading what="Loading leavers…" />;
  if (view.status === 'error') {
    return (
      <>
        <button type="button" class="link back" onClick={onBack}>‹ Back to the mentor log</button>
        <ErrorBox message={view.message} onRetry={load} />
      </>
    );
  }
  const v = view.value;

  if (open && draft) {
    const set = (k: keyof Draft, value: string) => {
      const d = { ...draft, [k]: value };
      drafts.current.set(open.id, d);
      setDraft(d);
    };
    const save = (e: Event) => {
      e.preventDefault();
      if (savingNow.current) return;
      const request = { ...draft, pupilId: open.id };
      const problems = checkProblems(request, v.today);
      if (problems.length) {
        setError(`Not saved yet: ${problems.join(' ')}`);
        return;
      }
      savingNow.current = true;
      setSaving(true);
      setError('');
      client.saveCheck(request).then((res) => {
        drafts.current.delete(open.id);
        setView({ status: 'ready', value: res.view });
        setNotice(res.message);
        setOpen(null);
        setDraft(null);
      }, (err) => {
        const code = err instanceof ApiError ? err.code : 'error';
        const said = err instanceof Error ? err.message : String(err);
        setError(code === 'refused' || code === 'invalid' ? `Not saved: ${said}` : `Not saved. ${said} Everything you typed is still here. Try again.`);
      }).then(() => {
        savingNow.current = false;
        setSaving(false);
      });
    };
    return (
      <section aria-labelledby="check-heading">
        <button type="button" class="link back" onClick={() => setOpen(null)} disabled={saving}>‹ Back to leavers</button>
        <h1 id="check-heading">Log a check</h1>
        <p class="muted">{open.name}, left {open.leaverYear}{open.lastStatus ? ` · last: ${open.lastStatus}` : ''}</p>
        <form onSubmit={save} noValidate>
          <div class="field">
            <label for="c-date">Date</label>
            <input id="c-date" type="date" value={draft.date} max={v.today} onInput={(e) => set('date', e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="c-status">Status</label>
            <select id="c-status" value={draft.status} onChange={(e) => set('status', e.currentTarget.value)}>
              <option value="">Choose…</option>
              {v.statuses.map((g) => (
                <optgroup label={g.group} key={g.group}>
                  {g.values.map((s) => <option value={s} key={s}>{s}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="c-provider">Provider</label>
            <input id="c-provider" type="text" maxLength={500} value={draft.provider} onInput={(e) => set('provider', e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="c-course">Course or role</label>
            <input id="c-course" type="text" maxLength={500} value={draft.course} onInput={(e) => set('course', e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="c-notes">Notes</label>
            <textarea id="c-notes" rows={3} maxLength={10000} value={draft.notes} onInput={(e) => set('notes', e.currentTarget.value)} />
          </div>
          <FormError message={error} />
          <div class="buttons">
            <SaveButton saving={saving} label="Save check" />
          </div>
        </form>
      </section>
    );
  }

  const openLeaver = (l: LeaverItem) => {
    const d = drafts.current.get(l.id) ?? newCheck(v.today);
    drafts.current.set(l.id, d);
    setOpen(l);
    setDraft(d);
    setError('');
    setNotice('');
  };
  const q = query.trim().toLowerCase();
  const found = q ? v.leavers.filter((l) => l.name.toLowerCase().includes(q) || l.id.toLowerCase().includes(q)).slice(0, 50) : [];
  return (
    <section aria-labelledby="leavers-heading">
      <button type="button" class="link back" onClick={onBack}>‹ Back to the mentor log</button>
      <h1 id="leavers-heading">Leavers</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      {v.message && <p class="empty">{v.message}</p>}
      <div class="field">
        <label for="leaver-search">Search by name</label>
        <input id="leaver-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      {q && (
        <ul class="mentees" aria-label="Leavers found">
          {found.map((l) => <LeaverRow l={l} key={l.id} onOpen={() => openLeaver(l)} />)}
          {found.length === 0 && <li class="muted">No leaver matches.</li>}
        </ul>
      )}
      <h2>Checks due ({v.due.length}, {v.due.filter((d) => d.overdue).length} overdue)</h2>
      {v.due.length === 0 ? <p class="muted">No check is due.</p> : (
        <ul class="mentees" aria-label="Checks due">
          {v.due.map((l) => <LeaverRow l={l} key={l.id} onOpen={() => openLeaver(l)} />)}
        </ul>
      )}
    </section>
  );
}
