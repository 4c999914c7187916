/**
 * Menu: Pseudonymise old leavers…: a dry run first, then the careers leader types the number of
 * leavers to confirm. Irreversible, and the dialog says so.
 */
import { withPermission_ } from '../run';
import { runPseudonymise } from '../../jobs/pseudonymise';

const TITLE = 'Pseudonymise old leavers';

function sha256Hex_(text: string): string {
  return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

export function pseudonymiseOldLeavers(): void {
  withPermission_('pseudonymise', TITLE, (ctx, ui) => {
    const documentId = SpreadsheetApp.getActiveSpreadsheet().getId();
    const dry = runPseudonymise(ctx, { apply: false, documentId, sha256Hex: sha256Hex_ });
    if (dry.leavers === 0) return `No leaver of ${dry.firstKept - 1} or earlier is left to pseudonymise. Nothing changed.`;
    const counts = Object.entries(dry.rows).map(([t, n]) => `${t}: ${n} rows`).join('\n');
    const answer = ui.prompt(TITLE,
      `${dry.leavers} leavers of ${dry.firstKept - 1} or earlier are past retention (Keep leavers setting). Their Pupil ID becomes a code, `
      + `their name becomes Redacted, and their email, date of birth, postcode, form, mentor and meeting notes are removed. `
      + `Figures such as destinations and SEND are kept.\n\n${counts}\n\nThis cannot be undone. To go ahead, type ${dry.leavers}:`,
      ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return 'Cancelled. Nothing changed.';
    const typed = answer.getResponseText().trim();
    if (typed !== String(dry.leavers)) return `You typed "${typed.slice(0, 20)}", not ${dry.leavers}. Nothing changed.`;
    const done = runPseudonymise(ctx, { apply: true, documentId, sha256Hex: sha256Hex_, confirm: dry.leavers });
    return `${done.leavers} leavers pseudonymised. The Log records the counts.`;
  });
}
