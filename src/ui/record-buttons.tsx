/**
 * On a pupil: "Record for pupil and parents" and "Transition document". The server makes the PDF
 * and emails it to the member of staff signed in; the button says so, or why not.
 */
import { useState } from 'preact/hooks';
import { type MentorLogApiClient, api } from './client';
import { ErrorBox } from './chip';

type RecordKind = 'pupil' | 'transition';

export function RecordButtons({ pupilId, client = api }: { pupilId: string; client?: MentorLogApiClient }) {
  const [busy, setBusy] = useState<RecordKind | null>(null);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  const make = (kind: RecordKind) => {
    if (busy) return;
    setBusy(kind);
    setDone('');
    setError('');
    client.makeRecord(pupilId, kind).then(
      (r) => setDone(r.message),
      (e) => setError(e instanceof Error ? e.message : String(e)),
    ).then(() => setBusy(null));
  };
  return (
    <div class="records">
      <div class="buttons">
        <button type="button" class="secondary" disabled={!!busy} aria-busy={busy === 'pupil'} onClick={() => make('pupil')}>
          {busy === 'pupil' ? 'Making the record…' : 'Record for pupil and parents'}
        </button>
        <button type="button" class="secondary" disabled={!!busy} aria-busy={busy === 'transition'} onClick={() => make('transition')}>
          {busy === 'transition' ? 'Making the document…' : 'Transition document'}
        </button>
      </div>
      {done && <p class="notice" role="status">{done}</p>}
      {error && <ErrorBox message={error} />}
    </div>
  );
}
