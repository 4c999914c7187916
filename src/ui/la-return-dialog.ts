/**
 * The "Export for the local authority" dialog: asks the server for one return's rows and offers
 * the CSV file (UTF-8 with BOM, CRLF, made by papaparse here in the browser) as a download.
 * Nothing is written to Drive.
 */
import Papa from 'papaparse';
import { type LaReturnData, type LaReturnKind, type LaReturnTable, type Unparse, buildLaReturn, laReturnCsv } from '../domain/la-return';
import { readTracker } from '../domain/tracker';

interface Run {
  withSuccessHandler(f: (v: unknown) => void): Run;
  withFailureHandler(f: (e: unknown) => void): Run;
  getLaReturnData(): void;
}

const status = () => document.getElementById('status')!;

function say(text: string, error = false): void {
  const el = status();
  el.textContent = text;
  el.className = error ? 'error' : '';
}

/** The file's text, for the download and the tests. */
export function csvFor(table: LaReturnTable): string {
  return laReturnCsv(Papa.unparse as unknown as Unparse, table);
}

/** One return's table from the tabs the server sent. */
export function tableFor(data: LaReturnData, kind: LaReturnKind): LaReturnTable {
  return buildLaReturn(readTracker(data.tabs), kind, data.today);
}

function download(table: LaReturnTable): void {
  const blob = new Blob([csvFor(table)], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${table.name}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  say(`${table.name}.csv: ${table.rows.length} row${table.rows.length === 1 ? '' : 's'}. Check your downloads folder.`);
}

function fetchReturn(kind: LaReturnKind): void {
  const run = (window as unknown as { google?: { script?: { run?: Run } } }).google?.script?.run;
  if (!run) {
    say('This only works inside the tracker (Extensions ▸ Careers Tracker ▸ Export for the local authority…).', true);
    return;
  }
  say('Preparing the file…');
  run
    .withSuccessHandler((v) => {
      const r = v as { ok: boolean; value?: LaReturnData; message?: string };
      if (r && r.ok && r.value) download(tableFor(r.value, kind));
      else say(r?.message ?? 'The tracker sent back an answer this dialog does not understand.', true);
    })
    .withFailureHandler((e) => say(`The tracker could not be reached: ${e instanceof Error ? e.message : String(e)}`, true))
    .getLaReturnData();
}

if (typeof document !== 'undefined') {
  document.querySelectorAll<HTMLButtonElement>('button[data-kind]').forEach((b) => {
    b.addEventListener('click', () => fetchReturn(b.dataset.kind as LaReturnKind));
  });
}
