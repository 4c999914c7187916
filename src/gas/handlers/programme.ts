/**
 * Menu: Careers programme (what is overdue and due soon), Add annual-plan checklist.
 */
import { runFromMenu_, showTab_ } from '../run';
import { runProgramme } from '../../jobs/programme';
import { addChecklist } from '../../jobs/checklists';
import { formatLongDay } from '../../domain/calendar';

export function programmeSummary(): void {
  runFromMenu_('programme', 'Careers programme', (ctx) => {
    const s = runProgramme(ctx, { remind: false }).summary;
    showTab_('Programme');
    const open = s.items.filter((i) => i.state === 'overdue' || i.state === 'due soon').slice(0, 25);
    return [
      `${s.actions} actions: ${s.done} done (${s.onTime} on time), ${s.overdue} overdue, ${s.dueSoon} due in the next 14 days, ${s.dropped} dropped.`,
      s.onTimePct === null ? 'Nothing is due yet.' : `${s.onTimePct}% of the ${s.dueSoFar} actions due so far were done on time.`,
      open.map((i) => `${i.state === 'overdue' ? 'Overdue' : 'Due soon'}: ${i.action} (${formatLongDay(i.due)}${i.owners.length ? `, ${i.owners.join(', ')}` : ', no owner'})`).join('\n'),
      'Owners are reminded by email each Monday when the weekly jobs are scheduled.',
    ].filter(Boolean).join('\n\n');
  });
}

export function addAnnualPlanChecklist(): void {
  runFromMenu_('programme', 'Add annual-plan checklist', (ctx) => {
    const r = addChecklist(ctx, 'annual-plan');
    showTab_('Checklists');
    return r.existed ? `The Checklists tab already has "${r.name}": nothing was added.` : `Added "${r.name}" to the Checklists tab: ${r.added} items. Mark each one Done (Yes) as you complete it.`;
  });
}
