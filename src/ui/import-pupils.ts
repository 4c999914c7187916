/**
 * The "Import pupils from MIS export" dialog (plain DOM, no framework). The CSV is read and
 * parsed here in the browser (csv.ts: BOM, Windows-1252, `,` `;` or tab); the server gets the
 * rows, answers with the dry run, and applies it only when the user presses Apply. Every value
 * from the file is put on the page as text, never as HTML.
 */
import { readCsvBytes } from '../domain/csv';

interface Skipped { row: number; column: string; value: string; message: string }
interface Report {
  applied: boolean;
  added: string[];
  changed: { id: string; fields: Record<string, [string, string]> }[];
  absent: string[];
  skipped: Skipped[];
  unchanged: number;
  newColumns: string[];
  message: string;
  names: Record<string, string>;
}
type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

declare const google: { script: { run: any; host: { close(): void } } };

const $ = (id: string) => document.getElementById(id)!;
let rows: string[][] | null = null;

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function status(text: string, bad = false): void {
  const s = $('status');
  s.textContent = text;
  s.className = bad ? 'bad' : '';
}

function call<T>(name: string, arg: unknown, done: (value: T) => void): void {
  (document.getElementById('apply') as HTMLButtonElement).disabled = true;
  google.script.run
    .withSuccessHandler((a: Answer<T>) => (a && a.ok ? done(a.value) : status(a ? a.message : 'No answer from the tracker.', true)))
    .withFailureHandler((e: Error) => status(`The tracker could not be reached: ${e.message}`, true))[name](arg);
}

function table(title: string, headers: string[], body: string[][]): void {
  if (body.length === 0) return;
  const out = $('report');
  out.appendChild(el('h3', `${title} (${body.length})`));
  const t = el('table');
  const head = el('tr');
  headers.forEach((h) => head.appendChild(el('th', h)));
  t.appendChild(head);
  body.forEach((r) => {
    const tr = el('tr');
    r.forEach((c) => tr.appendChild(el('td', c)));
    t.appendChild(tr);
  });
  out.appendChild(t);
}

function show(r: Report): void {
  const out = $('report');
  out.textContent = '';
  out.appendChild(el('p', r.message, 'summary'));
  const name = (id: string) => r.names[id] || '';
  table('Pupils to add', ['Pupil ID', 'Name'], r.added.map((id) => [id, name(id)]));
  table('Changes (old → new)', ['Pupil ID', 'Name', 'Column', 'Old', 'New'],
    r.changed.reduce<string[][]>((acc, c) => acc.concat(Object.keys(c.fields).map((f) => [c.id, name(c.id), f, c.fields[f][0], c.fields[f][1]])), []));
  table('On roll in the tracker but not in the export (left as they are)', ['Pupil ID', 'Name'], r.absent.map((id) => [id, name(id)]));
  table('Skipped: values in the file that cannot be read', ['Row', 'Column', 'Value', 'Problem'], r.skipped.map((s) => [String(s.row), s.column, s.value, s.message]));
  const todo = r.added.length + r.changed.length + r.newColumns.length > 0;
  (document.getElementById('apply') as HTMLButtonElement).disabled = r.applied || !todo;
  status(r.applied ? 'Done. The Pupils tab is updated and the Log has a line for this import.' : todo ? 'Nothing has changed yet. Press Apply to make these changes.' : '');
}

function preview(parsed: string[][]): void {
  rows = parsed;
  status('Checking the export against the Pupils tab…');
  call<Report>('previewPupilImport', parsed, show);
}

function readFile(file: File): void {
  if (/\.xlsx?$/i.test(file.name)) {
    status('This is an Excel file. In Excel choose File ▸ Save As ▸ CSV UTF-8 and pick that file here; or upload it to Drive, open it with Google Sheets and paste its link below.', true);
    return;
  }
  const reader = new FileReader();
  reader.onload = () => preview(readCsvBytes(new Uint8Array(reader.result as ArrayBuffer)));
  reader.onerror = () => status('The file could not be read.', true);
  reader.readAsArrayBuffer(file);
}

function fromDrive(): void {
  const link = ($('link') as HTMLInputElement).value.trim();
  if (!link) return;
  status('Reading the file from Drive…');
  call<{ name: string; base64: string }>('readPupilExportFromDrive', link, (f) => {
    const raw = atob(f.base64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    preview(readCsvBytes(bytes));
  });
}

$('file').addEventListener('change', (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (f) readFile(f);
});
$('read-link').addEventListener('click', fromDrive);
$('apply').addEventListener('click', () => {
  if (!rows) return;
  status('Applying…');
  call<Report>('applyPupilImport', rows, show);
});
$('close').addEventListener('click', () => google.script.host.close());
