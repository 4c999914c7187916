/**
 * Menu: Set up tracker, Check tracker for problems.
 */
import { runFromMenu_, showTab_ } from '../run';
import { runSetup } from '../../jobs/setup';
import { runCheck } from '../../jobs/check';

export function setUpTracker(): void {
  runFromMenu_('setup', 'Set up tracker', (ctx) => {
    const r = runSetup(ctx);
    const added = r.tabsAdded.length + r.columnsAdded.length + r.settingsAdded.length + r.auditCriteriaAdded;
    if (added === 0) return 'The tracker already has every tab, column and setting. Nothing was changed.';
    return [
      r.tabsAdded.length ? `Tabs added: ${r.tabsAdded.join(', ')}.` : '',
      r.columnsAdded.length ? `Columns added: ${r.columnsAdded.map((c) => `${c.tab} › ${c.column}`).join(', ')}.` : '',
      r.settingsAdded.length ? `Settings added with their defaults: ${r.settingsAdded.length}.` : '',
      r.auditCriteriaAdded ? `Audit criteria added: ${r.auditCriteriaAdded}.` : '',
      'Nothing you had written was changed.',
    ].filter(Boolean).join('\n');
  });
}

export function checkTracker(): void {
  runFromMenu_('check', 'Check tracker for problems', (ctx) => {
    const { problems } = runCheck(ctx);
    showTab_('Problems');
    return problems.length === 0
      ? 'No problems found.'
      : `${problems.length} problem${problems.length === 1 ? '' : 's'} found. They are listed in the Problems tab, with the tab, row and column of each.`;
  });
}
