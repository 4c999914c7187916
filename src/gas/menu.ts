/**
 * The add-on menu (Extensions ▸ Careers Tracker). Only items that work are listed; each names the
 * top-level function it calls.
 */
export interface MenuItem {
  caption: string;
  functionName: string;
  /** a separator goes before this item */
  separatorBefore?: boolean;
}

export const MENU_ITEMS: MenuItem[] = [
  { caption: 'Set up tracker', functionName: 'setUpTracker' },
  { caption: 'Open mentor log', functionName: 'openMentorLog' },
  { caption: 'Score benchmarks', functionName: 'scoreBenchmarks' },
  { caption: 'Flag unplaced Year 11s', functionName: 'flagUnplacedYear11s' },
  { caption: 'Send bulletin now', functionName: 'sendBulletinNow' },
  { caption: 'Import vacancies', functionName: 'importVacancies' },
  { caption: 'Report on evidence folders', functionName: 'reportOnEvidenceFolders' },
  { caption: 'Transition documents for Year 11', functionName: 'transitionDocumentsForYear11' },
  { caption: 'Subject access request…', functionName: 'subjectAccessRequest' },
  { caption: "Check leavers' destinations", functionName: 'checkLeaversDestinations' },
  { caption: 'Export for the local authority…', functionName: 'exportForLocalAuthority' },
  { caption: 'Pseudonymise old leavers…', functionName: 'pseudonymiseOldLeavers' },
  { caption: 'Import pupils from MIS export…', functionName: 'importPupilsFromMis', separatorBefore: true },
  { caption: 'Start new academic year…', functionName: 'startNewAcademicYear' },
  { caption: 'Careers programme', functionName: 'programmeSummary' },
  { caption: 'Add annual-plan checklist', functionName: 'addAnnualPlanChecklist' },
  { caption: 'Governors\' report…', functionName: 'openGovernorsReport' },
  { caption: 'Check tracker for problems', functionName: 'checkTracker', separatorBefore: true },
  { caption: 'Schedule weekly jobs', functionName: 'scheduleWeeklyJobs', separatorBefore: true },
  { caption: 'Stop weekly jobs', functionName: 'stopWeeklyJobs' },
  { caption: 'Settings', functionName: 'openSettings', separatorBefore: true },
  { caption: 'Set vacancy API key', functionName: 'setVacancyApiKey' },
];

/** Builds the menu with the Ui service alone, as `onOpen` must in a limited-authorisation context. */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item.separatorBefore) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}
