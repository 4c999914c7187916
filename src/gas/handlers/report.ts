/**
 * Menu: Governors' report… A dialog (build/report.html) asks getGovernorsReport for the report's
 * figures, renders the very HTML the command line prints, and on request sends the document back
 * (its chart drawn as a PNG) to emailGovernorsReport, which turns it into a PDF (Blob.getAs, no
 * extra scope) and emails it to the member of staff who asked, and only to them.
 */
import * as z from 'zod/mini';
import { gasContext } from '../context';
import { permissionFor } from '../../jobs/permission';
import { gatherReportData } from '../../jobs/report';
import { appendLog, loadTracker, nowFor } from '../../jobs/context';
import type { JobContext } from '../../jobs/context';

const TITLE = 'Governors\' report';
type Answer<T> = { ok: true; value: T } | { ok: false; message: string };

export function openGovernorsReport(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const refused = allowed_(gasContext());
    if (refused) ui.alert(TITLE, refused, ui.ButtonSet.OK);
    else ui.showModalDialog(HtmlService.createHtmlOutputFromFile('report').setWidth(900).setHeight(640), TITLE);
  } catch (e) {
    ui.alert(TITLE, `Something went wrong: ${(e as Error).message}`, ui.ButtonSet.OK);
  }
}

/** null when the caller may run the report; else why not. */
function allowed_(ctx: JobContext): string | null {
  const p = permissionFor(ctx, 'report');
  return p.ok ? null : p.message;
}

function answer_<T>(work: (ctx: JobContext) => T): Answer<T> {
  try {
    const ctx = gasContext();
    const refused = allowed_(ctx);
    return refused ? { ok: false, message: refused } : { ok: true, value: work(ctx) };
  } catch (e) {
    console.error(`${TITLE}: ${(e as Error)?.message}`);
    return { ok: false, message: `Something went wrong in the tracker: ${(e as Error)?.message ?? String(e)}` };
  }
}

export function getGovernorsReport(): Answer<unknown> {
  return answer_((ctx) => gatherReportData(ctx));
}

const EmailRequest = z.object({ html: z.string(), fileName: z.string() });

export function emailGovernorsReport(request: unknown): Answer<{ to: string }> {
  const parsed = EmailRequest.safeParse(request);
  // The document the dialog rendered (at most 3 MB), and a plain file name.
  if (!parsed.success || parsed.data.html.length > 3_000_000 || !parsed.data.html.startsWith('<!DOCTYPE html>') || !/^[\w ,.'()-]{1,80}\.pdf$/.test(parsed.data.fileName)) return { ok: false, message: 'The report could not be read. Close the dialog and open the report again.' };
  return answer_((ctx) => {
    const to = ctx.user!.email();
    if (!to) throw new Error('Careers Tracker cannot see which account you are signed in with');
    const { html, fileName } = parsed.data;
    const pdf = Utilities.newBlob(html, 'text/html', fileName.replace(/\.pdf$/, '.html')).getAs('application/pdf').setName(fileName);
    MailApp.sendEmail({
      to, subject: fileName.replace(/\.pdf$/, ''), name: 'Careers Tracker',
      body: 'The governors\' report you asked for is attached as a PDF. It holds figures only: no pupil is named.',
      attachments: [pdf],
    });
    const tracker = loadTracker(ctx.workbook);
    ctx.lock!.withLock(() => appendLog(ctx, nowFor(ctx, tracker), [{ job: 'report', outcome: 'sent', details: `Governors' report emailed as a PDF (${fileName})`, recipient: to }], tracker));
    return { to };
  });
}
