/**
 * The weekly programme reminders (programme.md): each owner's overdue and due-soon actions, one
 * email per owner (by Staff email address), none to an owner with nothing due. No pupil data: the
 * action text is shown with any pupil's name or ID replaced (redact.ts). Pure.
 */
import type { MailMessage } from '../ports';
import { type Day, formatLongDay, mondayOf } from './calendar';
import { escapeHtml } from './html';
import type { ProgrammeItem, ProgrammeSummary } from './programme';
import type { Redactor } from './redact';
import type { Tracker } from './tracker';

export interface ProgrammeReminder extends MailMessage {
  /** the owner's initials (several when two Staff rows share an address) */
  owners: string[];
  overdue: number;
  dueSoon: number;
}

export function buildProgrammeReminders(
  tracker: Tracker, summary: ProgrammeSummary, today: Day, url: string | null, redact: Redactor,
): ProgrammeReminder[] {
  const byEmail = new Map<string, { owners: string[]; name: string; items: ProgrammeItem[] }>();
  for (const i of summary.items) {
    if (i.state !== 'overdue' && i.state !== 'due soon') continue;
    for (const initials of i.owners) {
      const m = tracker.staffByInitials.get(initials);
      if (!m) continue;
      const r = byEmail.get(m.email) ?? { owners: [], name: m.name, items: [] };
      if (!r.owners.includes(initials)) r.owners.push(initials);
      if (!r.items.includes(i)) r.items.push(i);
      byEmail.set(m.email, r);
    }
  }
  const school = tracker.settings.schoolName;
  const week = formatLongDay(mondayOf(today));
  return [...byEmail.entries()].map(([to, r]) => {
    const items = [...r.items].sort((a, b) => (a.state === b.state ? (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) : a.state === 'overdue' ? -1 : 1));
    const overdue = items.filter((i) => i.state === 'overdue').length;
    const dueSoon = items.length - overdue;
    const counts = [overdue ? `${overdue} overdue` : '', dueSoon ? `${dueSoon} due soon` : ''].filter(Boolean).join(', ');
    const subject = `Careers programme: ${counts} – week of ${week}${school ? ` (${school})` : ''}`;
    const greeting = `Hello ${r.name},`;
    const intro = `These careers programme actions are yours (${r.owners.join(', ')} in the Programme tab): ${counts}. Due soon means within the next 14 days.`;
    const how = 'When one is done, set its Status to Done and fill in Done on in the Programme tab; if it is no longer needed, set Status to Dropped.';
    const footer = 'Sent each Monday by Careers Tracker (programme reminders).';
    const line = (i: ProgrammeItem) => [
      // The Term label is free text too: a pupil named in it is redacted like the action.
      i.state === 'overdue' ? 'Overdue' : 'Due soon', redact(i.action), formatLongDay(i.due), i.term ? redact(i.term) : '',
      i.benchmarks.length ? i.benchmarks.map((b) => `BM${b}`).join(', ') : '',
    ];
    const text = [greeting, '', intro, '', ...items.map((i) => {
      const [state, action, due, term, bms] = line(i);
      return `- ${state}: ${action} (due ${due}${term ? `, ${term}` : ''}${bms ? `, ${bms}` : ''})`;
    }), '', how, ...(url ? [`Open the tracker: ${url}`] : []), '', footer].join('\n');
    const th = (s: string) => `<th align="left" style="padding:4px 8px;border-bottom:2px solid #ccc">${s}</th>`;
    const td = (s: string) => `<td valign="top" style="padding:4px 8px;border-bottom:1px solid #eee">${escapeHtml(s)}</td>`;
    const html = [
      '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124">',
      `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p>`,
      `<table style="border-collapse:collapse"><thead><tr>${th('')}${th('Action')}${th('Due')}${th('Term')}${th('Benchmarks')}</tr></thead>`,
      `<tbody>${items.map((i) => `<tr>${line(i).map(td).join('')}</tr>`).join('')}</tbody></table>`,
      `<p>${escapeHtml(how)}</p>`,
      url ? `<p><a href="${escapeHtml(url)}">Open the tracker</a></p>` : '',
      `<p style="color:#5f6368;font-size:12px">${escapeHtml(footer)}</p></body></html>`,
    ].join('\n');
    return { to, subject: subject.slice(0, 250), text, html, name: 'Careers Tracker', owners: r.owners, overdue, dueSoon };
  });
}
