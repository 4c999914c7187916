/**
 * The "Log an activity" view: loads the form once, keeps the draft while it is open (a failed
 * save keeps everything typed), and saves once however often the button is pressed.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActivityFormView, Viewer } from './api';
import { ApiError, type MentorLogApiClient } from './client';
import { ErrorBox, Loading } from './chip';
import { ActivityForm } from './activity-form';
import { type ActivityDraft, newActivityDraft, toActivityRequest } from './activity-draft';

const LOGGERS = ['Careers leader', 'Careers adviser', 'Admin', 'Form tutor'];

export function canLogActivities(viewer: Viewer | null): boolean {
  return !!viewer && viewer.roles.some((r) => LOGGERS.includes(r));
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: ActivityFormView } | { status: 'refused'; message: string };

export function ActivityLog({ client, onBack }: { client: MentorLogApiClient; onBack: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const savingNow = useRef(false);

  const load = () => {
    setState({ status: 'loading' });
    client.getActivityForm().then(
      (r) => {
        if ('types' in r) {
          setState({ status: 'ready', view: r });
          setDraft((d) => d ?? newActivityDraft(r));
        } else {
          setState({ status: 'refused', message: r.message });
        }
      },
      (e) => setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  useEffect(load, []);

  const back = <button type="button" class="link back" onClick={onBack}>‹ Back to the list</button>;
  if (state.status === 'loading') return <>{back}<Loading what="Loading…" /></>;
  if (state.status === 'error') return <>{back}<ErrorBox message={state.message} onRetry={load} /></>;
  if (state.status === 'refused') return <>{back}<div class="empty" role="status"><p>{state.message}</p></div></>;
  const view = state.view;
  const d = draft ?? newActivityDraft(view);

  const save = () => {
    if (savingNow.current) return;
    savingNow.current = true;
    setSaving(true);
    setError('');
    setNotice('');
    client.saveActivity(toActivityRequest(view, d)).then(
      (r) => {
        setDraft(newActivityDraft(view));
        setNotice(r.message);
      },
      (e) => {
        const said = e instanceof Error ? e.message : String(e);
        const refused = e instanceof ApiError && (e.code === 'refused' || e.code === 'invalid');
        setError(refused ? `Not saved: ${said}` : `Not saved. ${said} Everything you entered is still here. Try again.`);
      },
    ).then(() => {
      savingNow.current = false;
      setSaving(false);
    });
  };

  return (
    <ActivityForm view={view} draft={d} saving={saving} error={error} notice={notice}
      onChange={(x) => { setDraft(x); setNotice(''); }} onSave={save} onBack={onBack} />
  );
}
