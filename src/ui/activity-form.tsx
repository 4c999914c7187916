/**
 * "Log an activity": date, activity, type (with what it counts for), provider, benchmarks and
 * provider access preset from the type, evidence link; who attended: tick year groups and/or
 * forms, add named pupils by name; every attendee is then listed, ticked, and unticking a pupil
 * records them as absent. Saving appends one Activities row, once only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActivityFormView } from './api';
import { LIMITS } from './limits';
import { FormError, SaveButton } from './form-parts';
import { plural } from './format';
import { type ActivityDraft, attendeesOf } from './activity-draft';

const SHOWN_MATCHES = 8;

/** What each type counts as (tracker.md, Activities), under the Type field. */
export const COUNTS_AS: Record<string, string> = {
  'Careers information': 'careers and labour market information (BM2)',
  'Curriculum link': 'careers learning in a subject (BM4)',
  'Employer encounter': 'a meaningful employer encounter (BM5)',
  'Workplace experience': 'an experience of a workplace (BM6)',
  'Further education': 'an encounter with a post-16 provider (BM7)',
  'Higher education': 'an encounter with a post-16 provider (BM7)',
  'Technical provider': 'a post-16 provider and provider access encounter (BM7)',
  Other: 'nothing unless you tick benchmarks',
};

export function ActivityForm(props: {
  view: ActivityFormView;
  draft: ActivityDraft;
  saving: boolean;
  error: string;
  notice: string;
  onChange: (d: ActivityDraft) => void;
  onSave: () => void;
  onBack: () => void;
}) {
  const { view, draft: d, saving } = props;
  const [query, setQuery] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const set = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => props.onChange({ ...d, [key]: value });
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const toggle = <T,>(xs: T[], x: T, on: boolean) => (on ? [...xs.filter((y) => y !== x), x] : xs.filter((y) => y !== x));
  const type = view.types.find((t) => t.value === d.type) ?? view.types[0];
  const attendees = attendeesOf(view, d);
  const absent = new Set(d.unticked);
  const present = attendees.filter((p) => !absent.has(p.id)).length;
  const q = query.trim().toLowerCase();
  const matches = q.length < 2 ? [] : view.pupils.filter((p) => !d.named.includes(p.id) && (p.name.toLowerCase().includes(q) || p.id.toLowerCase() === q)).slice(0, SHOWN_MATCHES);
  const byId = new Map(view.pupils.map((p) => [p.id, p]));

  return (
    <section aria-labelledby="activity-heading">
      <button type="button" class="link back" onClick={props.onBack} disabled={saving}>‹ Back to the list</button>
      <h1 id="activity-heading" ref={heading} tabIndex={-1}>Log an activity</h1>
      {!view.anyone && <p class="muted">For your form{view.forms.length === 1 ? '' : 's'}: {view.forms.join(', ')}</p>}
      {props.notice && <p class="notice" role="status">{props.notice}</p>}
      <form onSubmit={(e) => { e.preventDefault(); props.onSave(); }} noValidate>
        <fieldset disabled={saving}>
          <div class="field">
            <label for="a-title">Activity</label>
            <input id="a-title" type="text" maxLength={LIMITS.plan} value={d.title} onInput={(e) => set('title', value(e))} />
          </div>
          <div class="field">
            <label for="a-date">Date</label>
            <input id="a-date" type="date" max={view.today} value={d.date} onInput={(e) => set('date', value(e))} />
          </div>
          <div class="field">
            <label for="a-type">Type</label>
            <select id="a-type" value={d.type} aria-describedby="a-type-hint" onChange={(e) => {
              const t = view.types.find((x) => x.value === value(e)) ?? view.types[0];
              props.onChange({ ...d, type: t.value, benchmarks: [...t.benchmarks], providerAccess: t.providerAccess });
            }}>
              {view.types.map((t) => <option key={t.value} value={t.value}>{t.value}</option>)}
            </select>
          </div>
          <p class="hint" id="a-type-hint">Counts as {COUNTS_AS[type.value] ?? 'what its benchmarks say'}.</p>
          <div class="field">
            <label for="a-provider">Provider <span class="hint">· employer, college, university</span></label>
            <input id="a-provider" type="text" maxLength={LIMITS.plan} value={d.provider} onInput={(e) => set('provider', value(e))} />
          </div>
          <fieldset class="group">
            <legend>Counts for benchmarks</legend>
            <div class="ticks">
              {[1, 2, 3, 4, 5, 6, 7, 8].map((b) => (
                <label class="tick" key={b}>
                  <input type="checkbox" checked={d.benchmarks.includes(b)} onChange={(e) => set('benchmarks', toggle(d.benchmarks, b, (e.target as HTMLInputElement).checked))} />
                  <span>BM{b}</span>
                </label>
              ))}
            </div>
            <div class="check">
              <input id="a-pal" type="checkbox" checked={d.providerAccess} onChange={(e) => set('providerAccess', (e.target as HTMLInputElement).checked)} />
              <label for="a-pal">Provider access encounter</label>
            </div>
          </fieldset>
          <div class="field">
            <label for="a-evidence">Evidence link <span class="hint">· register, photos</span></label>
            <input id="a-evidence" type="url" maxLength={LIMITS.plan} placeholder="https://" value={d.evidence} onInput={(e) => set('evidence', value(e))} />
          </div>

          <fieldset class="group">
            <legend>Who attended</legend>
            {view.yearGroups.length > 0 && (
              <div role="group" aria-label="Year groups">
                <p class="sub">Year groups</p>
                <div class="ticks">
                  {view.yearGroups.map((y) => (
                    <label class="tick" key={y}>
                      <input type="checkbox" checked={d.yearGroups.includes(y)} onChange={(e) => set('yearGroups', toggle(d.yearGroups, y, (e.target as HTMLInputElement).checked))} />
                      <span>Y{y}</span>
                    </label>
                  ))}
                </div>
              </div>
            )}
            {view.forms.length > 0 && (
              <div role="group" aria-label="Forms">
                <p class="sub">Forms</p>
                <div class="ticks">
                  {view.forms.map((f) => (
                    <label class="tick" key={f}>
                      <input type="checkbox" checked={d.forms.includes(f)} onChange={(e) => set('forms', toggle(d.forms, f, (e.target as HTMLInputElement).checked))} />
                      <span>{f}</span>
                    </label>
                  ))}
                </div>
              </div>
            )}
            <div class="field">
              <label for="a-find">Add a pupil by name</label>
              <input id="a-find" type="search" autoComplete="off" value={query} onInput={(e) => setQuery(value(e))} />
            </div>
            {matches.length > 0 && (
              <ul class="matches" aria-label="Matching pupils">
                {matches.map((p) => (
                  <li key={p.id}>
                    <button type="button" class="link" onClick={() => { set('named', [...d.named, p.id]); setQuery(''); }}>
                      Add {p.name}
                    </button>
                    <span class="row-meta">Year {p.year}{p.form ? ` · ${p.form}` : ''}</span>
                  </li>
                ))}
              </ul>
            )}
            {d.named.length > 0 && (
              <ul class="named" aria-label="Pupils added by name">
                {d.named.map((id) => (
                  <li key={id}>
                    <span>{byId.get(id)?.name ?? id}</span>
                    <button type="button" class="link danger" aria-label={`Remove ${byId.get(id)?.name ?? id}`} onClick={() => set('named', d.named.filter((x) => x !== id))}>Remove</button>
                  </li>
                ))}
              </ul>
            )}
            <p class="muted" role="status" aria-live="polite">
              {attendees.length === 0 ? 'Nobody yet: tick a year group or a form, or add pupils by name.' : `${plural(present, 'pupil')} attended${attendees.length > present ? `, ${attendees.length - present} absent` : ''}. Untick anyone who was absent.`}
            </p>
            {attendees.length > 0 && (
              <ul class="attendees" aria-label="Attendees">
                {attendees.map((p) => (
                  <li key={p.id}>
                    <label class="check">
                      <input type="checkbox" data-pupil-id={p.id} checked={!absent.has(p.id)}
                        onChange={(e) => set('unticked', toggle(d.unticked, p.id, !(e.target as HTMLInputElement).checked))} />
                      <span>{p.name} <span class="hint">{p.hint}</span></span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </fieldset>
        <FormError message={props.error} />
        <div class="buttons">
          <SaveButton saving={saving} label="Save activity" />
        </div>
      </form>
    </section>
  );
}
