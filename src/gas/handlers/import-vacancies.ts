/**
 * Menu: Import vacancies, and Set vacancy API key. The key lives in the user's own properties,
 * never in the sheet or the code. The web requests run before the document lock is taken.
 */
import * as z from 'zod/mini';
import { showTab_, withPermission_ } from '../run';
import { VACANCIES_TAB } from '../../domain/schema';
import { VacancyImportError, fetchVacancies, saveVacancies } from '../../jobs/import-vacancies';

/** User property holding the Display advert API key. */
export const API_KEY_PROPERTY = 'vacancyApiKey';
const TITLE = 'Import vacancies';
const KEY_TITLE = 'Set vacancy API key';
const API_KEY = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/));

export function importVacancies(): void {
  withPermission_('import', TITLE, (ctx) => {
    const key = ctx.userProperties!.get(API_KEY_PROPERTY);
    if (!key) {
      return 'You have not set a Find an apprenticeship API key yet. Get a Display advert API key from developer.apprenticeships.education.gov.uk, then choose Extensions ▸ Careers Tracker ▸ Set vacancy API key.';
    }
    const fetched = fetchVacancies(ctx, { apiKey: key });
    const result = ctx.lock!.withLock(() => saveVacancies(ctx, fetched));
    if (result.added > 0) showTab_(VACANCIES_TAB.name);
    return result.message;
  }, (e) => (e instanceof VacancyImportError ? e.message : `Something went wrong: ${e.message}. Nothing was imported.`));
}

export function setVacancyApiKey(): void {
  withPermission_('import', KEY_TITLE, (ctx, ui) => {
    const props = ctx.userProperties!;
    const had = props.get(API_KEY_PROPERTY) !== null;
    const answer = ui.prompt(
      KEY_TITLE,
      `Paste your Find an apprenticeship Display advert API key. It is kept in your own Google account, not in the spreadsheet, and only you can use it.${had ? ' A key is already saved: leave this empty and press OK to remove it.' : ''}`,
      ui.ButtonSet.OK_CANCEL,
    );
    if (answer.getSelectedButton() !== ui.Button.OK) return null;
    const text = answer.getResponseText().trim();
    if (text === '') {
      if (had) props.delete(API_KEY_PROPERTY);
      return had ? 'Your API key was removed.' : 'No key was entered, so nothing was saved.';
    }
    const key = API_KEY.safeParse(text);
    if (!key.success) return 'That does not look like an API key (letters and numbers, usually 32 of them). Nothing was saved.';
    props.set(API_KEY_PROPERTY, key.data);
    return 'Saved. Choose Import vacancies to fetch new vacancies near the school (set the Vacancy search setting first).';
  });
}
