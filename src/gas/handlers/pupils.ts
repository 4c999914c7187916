/**
 * Menu: Import pupils from MIS export…, Start new academic year…; and the import dialog's server
 * functions. The dialog parses the CSV in the browser and sends the rows; a Drive link is read
 * here (a CSV's bytes, or a Google Sheet exported as CSV through the Drive API) and handed back
 * for the dialog to parse the same way. Careers leader and admin only; writes under the lock.
 */
import * as z from 'zod/mini';
import { gasContext } from '../context';
import { showTab_, withPermission_ } from '../run';
import { permissionFor } from '../../jobs/permission';
import { LockBusyError } from '../../ports';
import type { JobContext } from '../../jobs/context';
import { runImportPupils } from '../../jobs/import-pupils';
import { runNewYear } from '../../jobs/new-year';
import { PupilImportError } from '../../domain/pupils-import';

const IMPORT_TITLE = 'Import pupils from MIS export';
const YEAR_TITLE = 'Start new academic year';

type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

const ROWS = z.array(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(200))).check(z.minLength(1), z.maxLength(20000));
const LINK = z.string().check(z.minLength(10), z.maxLength(500));

export function importPupilsFromMis(): void {
  withPermission_('import', IMPORT_TITLE, (_ctx, ui) => {
    const html = HtmlService.createHtmlOutputFromFile('import-pupils').setWidth(720).setHeight(560);
    ui.showModalDialog(html, IMPORT_TITLE);
    return null;
  });
}

/** Role check, then the work; every failure comes back as a message for the dialog. */
function answer_<T>(work: (ctx: JobContext) => T): Answer<T> {
  try {
    const ctx = gasContext();
    const permission = permissionFor(ctx, 'import');
    if (!permission.ok) return { ok: false, message: permission.message };
    return { ok: true, value: work(ctx) };
  } catch (e) {
    const err = e as Error;
    if (err instanceof PupilImportError || err instanceof LockBusyError) return { ok: false, message: err.message };
    console.error(`${IMPORT_TITLE}: ${err?.message}`);
    return { ok: false, message: `Something went wrong: ${err?.message ?? String(e)}. Nothing was imported.` };
  }
}

function importRows_(rows: unknown, apply: boolean) {
  const parsed = ROWS.safeParse(rows);
  if (!parsed.success) return { ok: false as const, message: 'The file could not be sent to the tracker (it must be a table of at most 20,000 rows). Nothing was imported.' };
  return answer_((ctx) => {
    const { plan: _plan, ...r } = runImportPupils(ctx, parsed.data, { apply });
    if (apply && r.applied) showTab_('Pupils');
    return { ...r, names: Object.fromEntries([..._plan.added, ..._plan.changed, ..._plan.absent].map((p) => [p.id, p.name])) };
  });
}

/** The dry run: what the import would do. */
export function previewPupilImport(rows: unknown) {
  return importRows_(rows, false);
}

/** Applies the import (the plan is made again under the lock, from the tracker as it is now). */
export function applyPupilImport(rows: unknown) {
  return importRows_(rows, true);
}

/** A Drive link's file as base64 bytes, for the dialog to parse: a CSV, or a Google Sheet exported as CSV. */
export function readPupilExportFromDrive(link: unknown): Answer<{ name: string; base64: string }> {
  const parsed = LINK.safeParse(link);
  const id = parsed.success ? (/\/d\/([-\w]{20,})/.exec(parsed.data) ?? /[?&]id=([-\w]{20,})/.exec(parsed.data) ?? /^([-\w]{20,})$/.exec(parsed.data.trim()))?.[1] : undefined;
  if (!id) return { ok: false, message: 'That is not a link to a file in Google Drive. In Drive, right-click the file, choose Share ▸ Copy link, and paste it here.' };
  return answer_(() => {
    let file: GoogleAppsScript.Drive.File;
    try {
      file = DriveApp.getFileById(id);
    } catch {
      throw new PupilImportError('That file cannot be opened: check the link, and that your account can open the file. Nothing was imported.');
    }
    const type = file.getMimeType();
    const name = file.getName();
    const sheet = type === 'application/vnd.google-apps.spreadsheet';
    if (!sheet && (/spreadsheetml|ms-excel\.sheet|vnd\.google-apps/.test(type) || /\.xlsx?$/i.test(name))) {
      throw new PupilImportError(`"${name}" is not a CSV. Open it with Google Sheets (File ▸ Save as Google Sheets) and give the link to that, or save it from Excel as CSV. Nothing was imported.`);
    }
    // Through the Drive API, with the read-only Drive permission the add-on has: a Google Sheet's
    // first sheet exported as CSV, or the CSV file's own bytes.
    const res = UrlFetchApp.fetch(`https://www.googleapis.com/drive/v3/files/${id}${sheet ? '/export?mimeType=text%2Fcsv' : '?alt=media'}`, {
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true,
    });
    if (res.getResponseCode() !== 200) throw new PupilImportError(`Google Drive would not give "${name}" as CSV (error ${res.getResponseCode()}). Nothing was imported.`);
    return { name, base64: Utilities.base64Encode(res.getContent()) };
  });
}

export function startNewAcademicYear(): void {
  withPermission_('setup', YEAR_TITLE, (ctx, ui) => {
    const dry = runNewYear(ctx, { apply: false });
    if (dry.refused) return dry.message;
    const moves = Object.entries(dry.moved).map(([k, n]) => `Year ${k}: ${n} pupils`).join('\n');
    const choice = ui.alert(
      YEAR_TITLE,
      `This moves the tracker from ${dry.from} to ${dry.to}:\n\n${moves}\nNew leavers (Year blank, Leaver year set): ${dry.leavers.length}\n\n`
        + `${dry.warning ? `Careful: ${dry.warning}\n\n` : ''}Only the Year and Leaver year columns and the Tracker year setting change. Start ${dry.to} now?`,
      ui.ButtonSet.YES_NO,
    );
    if (choice !== ui.Button.YES) return 'Nothing was changed.';
    const done = runNewYear(ctx, { apply: true });
    if (done.applied) showTab_('Pupils');
    return done.message;
  }, (e) => (e instanceof LockBusyError ? e.message : `Something went wrong: ${e.message}. Nothing was changed.`));
}
