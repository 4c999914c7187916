/**
 * Pupils' records in Google Sheets: the sidebar's "Record for pupil and parents" and "Transition
 * document" (server function makeRecord), the menu's "Subject access request…" and "Transition
 * documents for Year 11". The HTML becomes a PDF through Apps Script's own conversion
 * (Blob.getAs), a SAR's workbook a zip of one CSV per tab (Utilities.zip): neither needs a scope.
 * The files are emailed to whoever asked (MailApp, already in the manifest), split so each
 * message stays under MailApp's attachment limits.
 */
import { gasContext } from '../context';
import { withPermission_ } from '../run';
import type { JobContext } from '../../jobs/context';
import { type MadeRecord, Refusal, callRecordApi, findRequestedPupil, makeRecords } from '../../jobs/records';
import { splitForMail, toCsv } from '../../domain/records';
import type { ApiResult } from '../../ui/api';

/** Stop converting after this long, leaving time to send (Apps Script stops a run at 6 minutes). */
const BUDGET_MS = 240000;

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Converts and emails the records to `to`; returns how many were delivered within the time budget. */
function emailRecords_(ctx: JobContext, made: MadeRecord[], to: string, subject: string): number {
  const started = ctx.clock.now().getTime();
  const blobs: GoogleAppsScript.Base.Blob[] = [];
  let done = 0;
  for (const m of made) {
    if (done > 0 && ctx.clock.now().getTime() - started > BUDGET_MS) break;
    blobs.push(Utilities.newBlob(m.html, 'text/html', `${m.fileBase}.html`).getAs('application/pdf').setName(`${m.fileBase}.pdf`));
    if (m.sar) {
      const csvs = m.sar.map((t) => Utilities.newBlob(`\ufeff${toCsv(t.rows)}`, 'text/csv', `${t.name}.csv`));
      blobs.push(Utilities.zip(csvs, `${m.fileBase} - workbook (one CSV per tab).zip`));
    }
    done++;
  }
  const groups = splitForMail(blobs.map((b) => b.getBytes().length));
  if (MailApp.getRemainingDailyQuota() < groups.length) {
    throw new Refusal(`Your daily email limit is used up, so the ${made.length === 1 ? 'record' : 'records'} could not be sent. Try again tomorrow.`);
  }
  const url = ctx.workbook.url();
  groups.forEach((g, i) => {
    const files = g.map((j) => blobs[j].getName()).join('\n');
    MailApp.sendEmail({
      to,
      subject: groups.length > 1 ? `${subject} (${i + 1} of ${groups.length})` : subject,
      body: `Made by Careers Tracker${url ? ` from ${url}` : ''}, as you asked:\n\n${files}\n\n`
        + 'These files hold a pupil\'s personal data. Keep them in the school\'s own systems, share them only with the people they are for, and delete this email when you have done so.',
      name: 'Careers Tracker',
      attachments: g.map((j) => blobs[j]),
    });
  });
  return done;
}

function email_(ctx: JobContext): string {
  return ctx.user?.email().trim().toLowerCase() ?? '';
}

/** Sidebar: "Record for pupil and parents" (kind `pupil`) and "Transition document" (`transition`). */
export function makeRecord(pupilId: unknown, kind: unknown): ApiResult<unknown> {
  try {
    const ctx = gasContext();
    const to = email_(ctx);
    const subject = kind === 'transition' ? 'Transition document' : kind === 'sar' ? 'Subject access request' : 'Careers record';
    return callRecordApi(ctx, [pupilId, kind], (made) => emailRecords_(ctx, made, to, `${subject}: ${made[0].pupil.name}`), `emailed to you (${to})`);
  } catch (e) {
    return { ok: false, code: 'error', message: `Something went wrong in the tracker: ${(e as Error)?.message ?? String(e)}` };
  }
}

const SAR_TITLE = 'Subject access request';

/** Menu (careers leader): Subject access request… — pick a pupil by name or ID, get everything by email. */
export function subjectAccessRequest(): void {
  withPermission_('sar', SAR_TITLE, (ctx, ui) => {
    const answer = ui.prompt(SAR_TITLE, 'Everything the tracker holds about one pupil is emailed to you: a workbook (one CSV per tab, in a zip) and their careers record (PDF).\n\nThe pupil\'s ID or full name:', ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return null;
    const found = findRequestedPupil(ctx, answer.getResponseText());
    if ('message' in found) return found.message;
    const { pupil } = found;
    const r = callRecordApi(ctx, [pupil.id, 'sar'], (made) => emailRecords_(ctx, made, email_(ctx), `${SAR_TITLE}: ${pupil.name}`), `emailed to you (${email_(ctx)})`);
    return r.ok ? `${r.value.message}\n\nAnswer the request within one month of receiving it.` : r.message;
  });
}

const BATCH_TITLE = 'Transition documents for Year 11';

/** Menu: one transition document per Year 11 with Consent to share, in one email (or a few); lists those without. */
export function transitionDocumentsForYear11(): void {
  withPermission_('transitions', BATCH_TITLE, (ctx) => {
    const to = email_(ctx);
    try {
      const r = makeRecords(ctx, { kind: 'transition', year: 11 }, {
        checkRoles: true, skipMadeToday: true, deliver: (made) => emailRecords_(ctx, made, to, BATCH_TITLE),
      });
      const lines = [r.made.length ? `${plural(r.made.length, 'transition document')} emailed to you (${to}).` : 'No transition document was made.'];
      if (r.alreadyMade.length) lines.push(`${plural(r.alreadyMade.length, 'pupil')} already had theirs made by you today, so they were not made again.`);
      if (r.notYet.length) lines.push(`${plural(r.notYet.length, 'pupil')} not done yet (Google's time limit): run this again to make the rest.`);
      if (r.withoutConsent.length) {
        lines.push('', `Without "Yes" in Consent to share, so no document (${r.withoutConsent.length}):`, ...r.withoutConsent.map((p) => `${p.name} (${p.id})`));
      }
      return lines.join('\n');
    } catch (e) {
      if (e instanceof Refusal) return e.message;
      throw e;
    }
  });
}
