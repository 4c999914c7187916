/**
 * The add-on's entry points, and nothing else. Apps Script sees each export as a top-level
 * function (the build adds a forwarding declaration for each). Nothing runs a service at load time.
 * Names ending in `_` are private to Apps Script, so none is exported here.
 */
import { buildMenu } from './menu';

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}

export function onInstall(): void {
  onOpen();
}

export { setUpTracker, checkTracker } from './handlers/setup';
export { openMentorLog, getMentorLog, getMentee, saveMeeting, markActionDone, getLeavers, saveCheck, getActivityForm, saveActivity } from './handlers/mentor-log';
export { scoreBenchmarks } from './handlers/score';
export { flagUnplacedYear11s } from './handlers/unplaced';
export { sendBulletinNow } from './handlers/bulletin';
export { importVacancies, setVacancyApiKey } from './handlers/import-vacancies';
export { scheduleWeeklyJobs, stopWeeklyJobs, runWeeklyJobs } from './handlers/schedule';
export { reportOnEvidenceFolders } from './handlers/evidence';
export { openSettings } from './handlers/settings';
export { makeRecord, subjectAccessRequest, transitionDocumentsForYear11 } from './handlers/records';
export { importPupilsFromMis, previewPupilImport, applyPupilImport, readPupilExportFromDrive, startNewAcademicYear } from './handlers/pupils';
export { checkLeaversDestinations } from './handlers/destinations';
export { exportForLocalAuthority, getLaReturnData } from './handlers/la-return';
export { pseudonymiseOldLeavers } from './handlers/pseudonymise';
export { programmeSummary, addAnnualPlanChecklist } from './handlers/programme';
export { openGovernorsReport, getGovernorsReport, emailGovernorsReport } from './handlers/report';
