/**
 * Menu: Settings.
 */
import { runFromMenu_, showTab_ } from '../run';
import { settingsSummary } from '../../jobs/settings-summary';
import { API_KEY_PROPERTY } from './import-vacancies';

export function openSettings(): void {
  runFromMenu_('settings', 'Careers Tracker settings', (ctx) => {
    showTab_('Settings');
    return settingsSummary(ctx, { apiKeySaved: ctx.userProperties?.get(API_KEY_PROPERTY) != null });
  });
}
