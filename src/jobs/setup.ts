/**
 * Set up tracker: adds whatever tabs, headers, settings and audit criteria are missing.
 * Idempotent; never changes a value the school has written.
 */
import type { CellValue } from '../ports';
import { AUDIT_TAB, INPUT_TABS, SETTINGS_TAB } from '../domain/schema';
import { SETTING_SPECS, readSettings } from '../domain/settings';
import { DEFAULT_AUDIT_CRITERIA } from '../domain/benchmarks';
import { isBlank } from '../domain/values';
import { academicYearOf } from '../domain/calendar';
import { layoutRow } from '../domain/write';
import { type JobContext, appendLog, loadTracker, nowFor } from './context';
import { columnFormats, ensureTabDetailed } from './tabs';

export interface SetupResult {
  tabsAdded: string[];
  columnsAdded: { tab: string; column: string }[];
  settingsAdded: string[];
  auditCriteriaAdded: number;
}

export function runSetup(ctx: JobContext): SetupResult {
  const result: SetupResult = { tabsAdded: [], columnsAdded: [], settingsAdded: [], auditCriteriaAdded: 0 };
  for (const spec of INPUT_TABS) {
    const ensured = ensureTabDetailed(ctx.workbook, spec);
    if (ensured.created) result.tabsAdded.push(spec.name);
    else for (const column of ensured.addedColumns) result.columnsAdded.push({ tab: spec.name, column });
    // Bold frozen header, drop-downs and date formats: formatting only, so re-applying it changes no value.
    ctx.workbook.formatTab(spec.name, ensured.header.headerRow || 1, columnFormats(spec, ensured.header));

    if (spec === SETTINGS_TAB) {
      const grid = ctx.workbook.readTab(spec.name);
      const present = readSettings(grid, []).rows;
      const missing = SETTING_SPECS.filter((s) => !present.has(s.key));
      if (missing.length > 0) {
        // Tracker year is written as the academic year that contains today, when setup creates it.
        const trackerYear = () => {
          const settings = readSettings(grid, []).settings;
          const today = ctx.clock.local(ctx.workbook.spreadsheetTimeZone() ?? settings.timeZone).day;
          return academicYearOf(today, settings.academicYearStart).name;
        };
        ctx.workbook.appendRows(spec.name, missing.map((s) => layoutRow(ensured.header, { setting: s.label, value: s.key === 'trackerYear' ? trackerYear() : s.defaultText })));
        result.settingsAdded = missing.map((s) => s.label);
      }
    }

    if (spec === AUDIT_TAB) {
      const grid = ctx.workbook.readTab(spec.name) ?? [];
      const hasRows = grid.slice(ensured.header.headerRow).some((r) => r.some((c) => !isBlank(c)));
      if (!hasRows) {
        const rows: CellValue[][] = [];
        for (const [bm, criteria] of Object.entries(DEFAULT_AUDIT_CRITERIA)) {
          for (const criterion of criteria) rows.push(layoutRow(ensured.header, { benchmark: Number(bm), criterion }));
        }
        ctx.workbook.appendRows(spec.name, rows);
        result.auditCriteriaAdded = rows.length;
      }
    }
  }
  const changed = result.tabsAdded.length + result.columnsAdded.length + result.settingsAdded.length + result.auditCriteriaAdded;
  if (changed > 0) {
    const tracker = loadTracker(ctx.workbook);
    appendLog(ctx, nowFor(ctx, tracker), [{
      job: 'setup', outcome: 'ok',
      details: `${result.tabsAdded.length} tabs, ${result.columnsAdded.length} columns, ${result.settingsAdded.length} settings, ${result.auditCriteriaAdded} audit criteria added`,
    }]);
  }
  return result;
}
