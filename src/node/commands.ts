/**
 * The command-line commands. Each one runs a job through the Node adapters and says what to print.
 */
import type { JobContext } from '../jobs/context';
import type { XlsxWorkbook } from './xlsx-workbook';
import { runSetup } from '../jobs/setup';
import { runCheck } from '../jobs/check';
import { table } from './output';
import { evidence } from './command-evidence';
import { unplaced } from './command-unplaced';
import { score } from './command-score';
import { bulletin } from './command-bulletin';
import { importVacancies } from './command-import-vacancies';
import { record } from './command-record';
import { importPupils } from './command-import-pupils';
import { newYear } from './command-new-year';
import { destinations } from './command-destinations';
import { laReturn } from './command-la-return';
import { pseudonymise } from './command-pseudonymise';
import { addChecklistCommand, programme } from './command-programme';
import { report } from './command-report';

export interface CliOptions {
  workbook?: string;
  evidence?: string;
  outbox?: string;
  today?: string;
  quota?: number;
  json: boolean;
  apiKey?: string;
  fromFile?: string;
  /** record: --pupil ID, --year 11 (with --kind and --out) */
  pupil?: string;
  year?: string;
  kind?: string;
  /** `la-return --out FILE`, `report --out FILE` */
  out?: string;
  /** --apply: commands that change many rows are dry runs without it */
  apply?: boolean;
  /** the demo's MIS export for import-pupils (--from-file serves the vacancy import there) */
  misExport?: string;
  /** the demo applies the import */
  applyImport?: boolean;
  /** the word after the command, for commands that take one (`add-checklist annual-plan`) */
  argument?: string;
  /** the demo's governors' report: a PDF, or HTML when there is no Chromium to print it */
  reportOut?: string;
}

export interface CommandRun {
  options: CliOptions;
  workbook: XlsxWorkbook;
  ctx: JobContext;
}

export interface CommandOutput {
  json: unknown;
  text: string;
  /** false when the job wrote nothing, so the file need not be saved */
  changed?: boolean;
  /** asynchronous work after the job (files printed through Chromium), done before the workbook is saved */
  finish?: () => Promise<void>;
  /** the job could not do its work (exit 1, `error` on stderr, nothing saved) */
  exitCode?: number;
  error?: string;
}

export interface Command {
  name: string;
  summary: string;
  /** what the one word after the command names, when it takes one */
  argument?: string;
  run(run: CommandRun): CommandOutput | Promise<CommandOutput>;
}

const setup: Command = {
  name: 'setup',
  summary: 'adds whatever tabs, headers, settings and audit criteria are missing',
  run({ ctx }) {
    const r = runSetup(ctx);
    const changed = r.tabsAdded.length + r.columnsAdded.length + r.settingsAdded.length + r.auditCriteriaAdded > 0;
    const lines = changed
      ? [
          r.tabsAdded.length ? `Tabs added: ${r.tabsAdded.join(', ')}` : '',
          r.columnsAdded.length ? `Columns added: ${r.columnsAdded.map((c) => `${c.tab} › ${c.column}`).join(', ')}` : '',
          r.settingsAdded.length ? `Settings added: ${r.settingsAdded.join(', ')}` : '',
          r.auditCriteriaAdded ? `Audit criteria added: ${r.auditCriteriaAdded}` : '',
        ].filter(Boolean)
      : ['The tracker already has every tab, column and setting: nothing to add.'];
    return { json: r, text: lines.join('\n') };
  },
};

const check: Command = {
  name: 'check',
  summary: 'lists the problems in the tracker and writes the Problems tab',
  run({ ctx }) {
    const { problems, missingTabs, notices } = runCheck(ctx);
    const missing = (missingTabs.length > 0 ? `\nTabs missing: ${missingTabs.join(', ')}. Run "careers-tracker setup" to add them.` : '') +
      (notices.length > 0 ? `\n\nNotices (no row is left out for these):\n${notices.map((n) => `- ${n.message}`).join('\n')}` : '');
    const text = problems.length === 0
      ? `No problems found.${missing}`
      : `${problems.length} problem${problems.length === 1 ? '' : 's'} found (also in the Problems tab):\n\n` +
        table(['Tab', 'Row', 'Column', 'Value', 'Problem'], problems.map((p) => [p.tab, p.row, p.column, truncate(p.value, 24), p.message]));
    return { json: { problems, missingTabs, notices }, text: problems.length === 0 ? text : `${text}${missing}` };
  },
};

export function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** In the order `demo` runs them. Later jobs add themselves here. */
export const COMMANDS: Command[] = [setup, check, score, unplaced, importVacancies, bulletin, evidence, destinations, programme, report, importPupils, newYear];
/** Run on their own, never by `demo`: they write files or rewrite users' rows. */
export const OTHER_COMMANDS: Command[] = [laReturn, pseudonymise, record, addChecklistCommand];
