/**
 * careers-tracker programme: the careers programme summary (overdue, due soon, done on time, per
 * term and benchmark), and this week's reminders to owners drafted into the outbox.
 * careers-tracker add-checklist annual-plan: adds the county annual careers plan checklist.
 */
import type { Command } from './commands';
import { UsageError } from './errors';
import { programmeJson, runProgramme } from '../jobs/programme';
import { UnknownChecklistError, addChecklist } from '../jobs/checklists';
import { CHECKLIST_TEMPLATES } from '../domain/checklists';
import { formatUkDay } from '../domain/calendar';
import { table } from './output';

const pct = (p: number | null) => (p === null ? '–' : `${p}%`);

export const programme: Command = {
  name: 'programme',
  summary: "the careers programme: overdue, due soon, done on time; drafts this week's reminders to owners into the outbox",
  run({ ctx }) {
    const r = runProgramme(ctx);
    const s = r.summary;
    const lines = [
      `Careers programme as of ${r.asOf}: ${s.actions} actions; ${s.done} done (${s.onTime} on time), ${s.overdue} overdue, ${s.dueSoon} due in the next 14 days, ${s.dropped} dropped.`,
      `Done on time, of the ${s.dueSoFar} due so far: ${pct(s.onTimePct)}. ${s.thisTerm.name}: ${s.thisTerm.done} done, ${s.thisTerm.onTime} on time, ${s.thisTerm.overdue} overdue.`,
    ];
    if (s.byTerm.length > 0) {
      lines.push('', table(['Term', 'Actions', 'Done', 'On time', 'Overdue', 'Dropped', 'On time %'],
        s.byTerm.map((t) => [t.term, t.actions, t.done, t.onTime, t.overdue, t.dropped, pct(t.onTimePct)])));
    }
    const open = s.items.filter((i) => i.state === 'overdue' || i.state === 'due soon');
    if (open.length > 0) {
      lines.push('', table(['', 'Due', 'Action', 'Owner', 'BM'],
        open.map((i) => [i.state === 'overdue' ? 'Overdue' : 'Due soon', formatUkDay(i.due), i.action.length > 60 ? `${i.action.slice(0, 59)}…` : i.action, i.owners.join(', ') || '(none)', i.benchmarks.join(', ')])));
    }
    lines.push('', r.recipients === 0
      ? 'No reminders: nothing overdue or due soon has an owner in the Staff tab.'
      : `Reminders drafted into the outbox: ${r.sent}${r.alreadySent ? ` (${r.alreadySent} already drafted for ${r.weekKey})` : ''}${r.deferred ? `; ${r.deferred} left over${r.failure ? ` (${r.failure})` : ' (quota)'}` : ''}.`);
    if (r.unowned > 0) lines.push(`${r.unowned} overdue or due-soon action${r.unowned === 1 ? ' has' : 's have'} no owner in the Staff tab, so no one is reminded.`);
    return { json: programmeJson(r), text: lines.join('\n') };
  },
};

export const addChecklistCommand: Command = {
  name: 'add-checklist',
  summary: `adds a checklist's items to the Checklists tab (${Object.keys(CHECKLIST_TEMPLATES).join(', ')})`,
  argument: 'checklist',
  run({ ctx, options }) {
    if (!options.argument) throw new UsageError(`Say which checklist, e.g. careers-tracker add-checklist annual-plan --workbook tracker.xlsx (checklists: ${Object.keys(CHECKLIST_TEMPLATES).join(', ')})`);
    let r;
    try {
      r = addChecklist(ctx, options.argument);
    } catch (e) {
      if (e instanceof UnknownChecklistError) throw new UsageError(e.message);
      throw e;
    }
    return {
      json: r,
      text: r.existed ? `The Checklists tab already has a checklist called "${r.name}": nothing added.` : `Added "${r.name}" to the Checklists tab: ${r.added} items, all marked not done. Mark each Done as you complete it.`,
      changed: !r.existed,
    };
  },
};
