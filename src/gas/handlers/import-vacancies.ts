/**
 * Menu: Import vacancies, and Set vacancy API key. The key lives in the user's own properties,
 * never in the sheet or the code. The web requests run before the document lock is taken.
 */
import * as z from 'zod/mini';
import { gasContext } from '../context';
import { readStaff_, showTab_ } from '../run';
import { mayRun } from '../../domain/roles';
import { VACANCIES_TAB } from '../../domain/schema';
import { VacancyImportError, fetchVacancies, saveVacancies } from '../../jobs/import-vacancies';

/** User property holding the Display advert API key. */
export const API_KEY_PROPERTY = 'vacancyApiKey';
const TITLE = 'Import vacancies';
const KEY_TITLE = 'Set vacancy API key';
const API_KEY = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/));

export function importVacancies(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ctx = gasContext();
    const permission = mayRun(readStaff_(ctx), ctx.user!.email(), 'import');
    if (!permission.ok) {
      ui.alert(TITLE, permission.message, ui.ButtonSet.OK);
      return;
    }
    const key = ctx.userProperties!.get(API_KEY_PROPERTY);
    if (!key) {
      ui.alert(TITLE, 'You have not set a Find an apprenticeship API key yet. Get a Display advert API key from developer.apprenticeships.education.gov.uk, then choose Extensions ▸ Careers Tracker ▸ Set vacancy API key.', ui.ButtonSet.OK);
      return;
    }
    const fetched = fetchVacancies(ctx, { apiKey: key });
    const result = ctx.lock!.withLock(() => saveVacancies(ctx, fetched));
    if (result.added > 0) showTab_(VACANCIES_TAB.name);
    ui.alert(TITLE, result.message, ui.ButtonSet.OK);
  } catch (e) {
    const message = e instanceof VacancyImportError ? e.message : `Something went wrong: ${(e as Error).message}. Nothing was imported.`;
    ui.alert(TITLE, message, ui.ButtonSet.OK);
  }
}

export function setVacancyApiKey(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const ctx = gasContext();
    const permission = mayRun(readStaff_(ctx), ctx.user!.email(), 'import');
    if (!permission.ok) {
      ui.alert(KEY_TITLE, permission.message, ui.ButtonSet.OK);
      return;
    }
    const props = ctx.userProperties!;
    const had = props.get(API_KEY_PROPERTY) !== null;
    const answer = ui.prompt(
      KEY_TITLE,
      `Paste your Find an apprenticeship Display advert API key. It is kept in your own Google account, not in the spreadsheet, and only you can use it.${had ? ' A key is already saved: leave this empty and press OK to remove it.' : ''}`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const text = answer.getResponseText().trim();
    if (text === '') {
      if (had) props.delete(API_KEY_PROPERTY);
      ui.alert(KEY_TITLE, had ? 'Your API key was removed.' : 'No key was entered, so nothing was saved.', ui.ButtonSet.OK);
      return;
    }
    const key = API_KEY.safeParse(text);
    if (!key.success) {
      ui.alert(KEY_TITLE, 'That does not look like an API key (letters and numbers, usually 32 of them). Nothing was saved.', ui.ButtonSet.OK);
      return;
    }
    props.set(API_KEY_PROPERTY, key.data);
    ui.alert(KEY_TITLE, 'Saved. Choose Import vacancies to fetch new vacancies near the school (set the Vacancy search setting first).', ui.ButtonSet.OK);
  } catch (e) {
    ui.alert(KEY_TITLE, `Something went wrong: ${(e as Error).message}`, ui.ButtonSet.OK);
  }
}
