/**
 * What a school hits in its first weeks on real Apps Script (issue 10), through the fake, which
 * models Google's documented contracts: triggers found the same way in a bound script and an
 * add-on, a null document lock or properties store said plainly, partial consent, the sidebar's
 * meta tag and the several-accounts failure, the manifest's URL allowlist.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installFake, loadTabs } from '../gas/helpers';
import { syntheticTracker } from '../support/synthetic';
import { runWeeklyJobs, scheduleWeeklyJobs, stopWeeklyJobs } from '../../src/gas/handlers/schedule';
import { sendBulletinNow } from '../../src/gas/handlers/bulletin';
import { openMentorLog } from '../../src/gas/handlers/mentor-log';
import { OWNER_KEY } from '../../src/jobs/schedule';
import { failureMessage } from '../../src/ui/client';
import { VACANCY_API_URL } from '../../src/domain/vacancy-api';
import type { GasFake } from '../fakes/gas';
import { MONDAY, simpleSpec, tabsOf } from '../bulletin/build';

const LEADER = 'cl@school.example';
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'));
});
afterEach(() => vi.useRealTimers());

function logOf(fake: GasFake) {
  const [header, ...rows] = fake.sheetValues('Log');
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])) as Record<string, unknown>);
}

describe('Schedule weekly jobs finds its own trigger in every deployment', () => {
  for (const deployment of ['bound', 'addon'] as const) {
    it(`${deployment}: scheduling twice leaves one trigger, and Stop removes it`, () => {
      const fake = installFake({ user: LEADER, deployment });
      loadTabs(fake, syntheticTracker({ pupils: 20 }));
      scheduleWeeklyJobs();
      scheduleWeeklyJobs();
      expect(fake.triggers).toHaveLength(1);
      expect(fake.ui.alerts[1].prompt).toContain('already scheduled by you');
      stopWeeklyJobs();
      expect(fake.triggers).toHaveLength(0);
    });
  }

  it('add-on: a trigger of the same user in another tracker is left alone', () => {
    const fake = installFake({ user: LEADER });
    loadTabs(fake, syntheticTracker({ pupils: 20 }));
    fake.triggers.push({ id: 'other-doc', handler: 'runWeeklyJobs', eventType: 'CLOCK', source: 'CLOCK', sourceId: null, owner: LEADER, documentId: 'another-tracker', schedule: { everyHours: 1 } });
    scheduleWeeklyJobs();
    expect(fake.triggers.map((t) => t.documentId)).toEqual(['another-tracker', fake.spreadsheet._id]);
    stopWeeklyJobs();
    expect(fake.triggers.map((t) => t.id)).toEqual(['other-doc']);
  });
});

describe('outside the tracker (no document lock or properties)', () => {
  it('the hourly run says what is wrong in the Log instead of passing for "busy"', () => {
    const fake = installFake({ user: LEADER, uiAvailable: false });
    loadTabs(fake, syntheticTracker({ pupils: 20 }));
    fake.propertyStore('document')[OWNER_KEY] = LEADER;
    fake.setDocumentContext(false);
    runWeeklyJobs();
    const last = logOf(fake).at(-1)!;
    expect(last).toMatchObject({ Job: 'schedule', Outcome: 'failed' });
    expect(String(last.Details)).toContain('not running inside the tracker spreadsheet');
    expect(fake.sentMail).toEqual([]);
  });

  it('a menu item says so to the user', () => {
    const fake = installFake({ user: LEADER });
    loadTabs(fake, syntheticTracker({ pupils: 20 }));
    fake.setDocumentContext(false);
    scheduleWeeklyJobs();
    expect(fake.ui.alerts[0].prompt).toContain('not running inside the tracker spreadsheet');
    expect(fake.triggers).toEqual([]);
  });
});

describe('partial consent', () => {
  const ALL_BUT_MAIL = [
    'https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/script.scriptapp',
  ];

  it('Send bulletin now names the missing permission before anything runs, then lets Google ask for it', () => {
    const fake = installFake({ user: 'fr@school.example', grantedScopes: ALL_BUT_MAIL });
    loadTabs(fake, tabsOf(simpleSpec(3)));
    sendBulletinNow();
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].prompt).toContain('"Send email as you"');
    expect(fake.calls.count('ScriptApp.requireScopes')).toBe(1);
    expect(fake.sentMail).toEqual([]);
    expect(fake.sheetValues('Log').length).toBeLessThanOrEqual(1);
  });

  it('the hourly run records a missing permission in the Log', () => {
    const fake = installFake({ user: LEADER, uiAvailable: false, grantedScopes: ALL_BUT_MAIL });
    loadTabs(fake, tabsOf(simpleSpec(3)));
    runWeeklyJobs();
    expect(String(logOf(fake).at(-1)!.Details)).toContain('"Send email as you"');
    expect(fake.sentMail).toEqual([]);
  });

  it('a job whose permissions were all granted runs as before', () => {
    const fake = installFake({ user: 'fr@school.example', grantedScopes: [...ALL_BUT_MAIL, 'https://www.googleapis.com/auth/script.send_mail'] });
    loadTabs(fake, tabsOf(simpleSpec(3)));
    fake.ui.respondWith('YES');
    sendBulletinNow();
    expect(fake.sentMail).toHaveLength(3);
    expect(MONDAY).toBe('2026-03-02');
  });
});

describe('the sidebar', () => {
  it('sets its viewport through HtmlOutput.addMetaTag', () => {
    const fake = installFake({ user: LEADER, files: { sidebar: '<!doctype html><p>hi</p>' } });
    openMentorLog();
    expect(fake.ui.sidebars[0].meta).toEqual({ viewport: 'width=device-width, initial-scale=1' });
  });

  it('on a permission-style failure, says to use a window signed in to one account', () => {
    for (const raw of [
      new Error('Exception: Authorization is required to perform that action.'),
      'ScriptError: We\'re sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.',
    ]) {
      expect(failureMessage(raw)).toContain('more than one Google account is signed in to this browser');
    }
    expect(failureMessage(new Error('NetworkError: Connection failure'))).not.toContain('account');
  });
});

describe('the manifest', () => {
  it('allows UrlFetchApp to reach only the vacancy API and a Drive file (an MIS export), each key given once', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../appsscript.json'), 'utf8');
    // JSON.parse keeps the last of two equal keys: a second list would silently replace the first.
    const keys = [...text.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(4);
    expect(new Set(keys).size).toBe(keys.length);
    const manifest = JSON.parse(text);
    expect(manifest.urlFetchWhitelist).toEqual(['https://api.apprenticeships.education.gov.uk/vacancies/', 'https://www.googleapis.com/drive/v3/files/']);
    expect(VACANCY_API_URL.startsWith(manifest.urlFetchWhitelist[0])).toBe(true);
  });
});
