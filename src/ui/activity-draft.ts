/**
 * The "Log an activity" form's state, who it lists as attendees (the server's rule, attendees.ts,
 * over what the form was given) and the request it sends.
 */
import { academicYearOf } from '../domain/calendar';
import { yearGroupIn } from '../domain/year-group';
import type { ActivityFormView, ActivityInput, SaveActivityRequest } from './api';
import { newRequestId } from './format';

/** The form as filled in: the request's fields, with pupils added by name and those unticked. */
export interface ActivityDraft extends Omit<ActivityInput, 'pupils' | 'absent'> {
  requestId: string;
  named: string[];
  /** Pupil IDs unticked in the attendee list */
  unticked: string[];
}

export function newActivityDraft(view: ActivityFormView): ActivityDraft {
  const t = view.types[0];
  return {
    requestId: newRequestId(), date: view.today, title: '', type: t.value, provider: '', benchmarks: [...t.benchmarks],
    providerAccess: t.providerAccess, evidence: '', yearGroups: [], forms: [], named: [], unticked: [],
  };
}

const norm = (s: string | null) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/** An attendee as the form lists them: a pupil on roll, or a leaver who was in a ticked year group then. */
export type Attendee = { id: string; name: string; hint: string };

/** Everyone the draft says attended (before absentees), in the form's order: the server's rule (attendees.ts). */
export function attendeesOf(view: ActivityFormView, d: ActivityDraft): Attendee[] {
  const start = view.academicYearStart;
  const current = view.yearColumnStartYear ?? academicYearOf(view.today, start).startYear;
  const then = /^\d{4}-\d{2}-\d{2}$/.test(d.date) ? academicYearOf(d.date, start).startYear : current;
  const forms = new Set(d.forms.map(norm));
  const named = new Set(d.named);
  const inYearGroup = (p: { year: number } | { leaverYear: number }) => {
    const y = yearGroupIn(p, then, current);
    return y !== null && d.yearGroups.includes(y);
  };
  const onRoll = view.pupils
    .filter((p) => named.has(p.id) || inYearGroup(p) || (p.form !== null && forms.has(norm(p.form))))
    .map((p) => ({ id: p.id, name: p.name, hint: `Y${p.year}${p.form ? ` ${p.form}` : ''}` }));
  const leavers = (view.leavers ?? [])
    .filter(inYearGroup)
    .map((l) => ({ id: l.id, name: l.name, hint: `left ${l.leaverYear}` }));
  return [...onRoll, ...leavers];
}

export function toActivityRequest(view: ActivityFormView, d: ActivityDraft): SaveActivityRequest {
  const attending = new Set(attendeesOf(view, d).map((p) => p.id));
  return {
    requestId: d.requestId, date: d.date, title: d.title, type: d.type, provider: d.provider, benchmarks: [...d.benchmarks].sort(),
    providerAccess: d.providerAccess, evidence: d.evidence, yearGroups: d.yearGroups, forms: d.forms, pupils: d.named,
    absent: d.unticked.filter((id) => attending.has(id)),
  };
}
