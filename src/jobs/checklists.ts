/**
 * Add a checklist from a template (`add-checklist annual-plan`): its items are appended to the
 * Checklists tab (made when missing) unless a checklist of that name is already there.
 */
import { CHECKLISTS_TAB } from '../domain/schema';
import { CHECKLIST_TEMPLATES, hasChecklist } from '../domain/checklists';
import { layoutRow } from '../domain/write';
import { type JobContext, appendLog, loadTracker, nowFor } from './context';
import { ensureTab } from './tabs';

export interface AddChecklistResult {
  name: string;
  /** items added; 0 when the checklist was already there */
  added: number;
  existed: boolean;
}

export class UnknownChecklistError extends Error {}

export function addChecklist(ctx: JobContext, key: string): AddChecklistResult {
  const template = CHECKLIST_TEMPLATES[key];
  if (!template) throw new UnknownChecklistError(`Unknown checklist "${key}". Checklists: ${Object.keys(CHECKLIST_TEMPLATES).join(', ')}`);
  const tracker = loadTracker(ctx.workbook);
  if (hasChecklist(tracker.checklists, template.name)) return { name: template.name, added: 0, existed: true };
  const header = ensureTab(ctx.workbook, CHECKLISTS_TAB);
  ctx.workbook.appendRows(CHECKLISTS_TAB.name, template.items.map((item) => layoutRow(header, { checklist: template.name, item, done: 'No' })));
  appendLog(ctx, nowFor(ctx, tracker), [{ job: 'add-checklist', outcome: 'ok', details: `${template.name}: ${template.items.length} items added` }]);
  return { name: template.name, added: template.items.length, existed: false };
}
