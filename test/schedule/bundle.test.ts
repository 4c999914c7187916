/**
 * The schedule in the bundled script, loaded in a plain JavaScript context as Apps Script loads
 * it: the trigger handler is a real top-level function, loading touches no service, and the menu
 * item and the hourly handler work end to end. Built in memory (same options as scripts/build.mjs),
 * so this test never races another build of build/.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { build } from 'esbuild';
import { createGasFake } from '../fakes/gas';
import { toSheetValues } from '../support/synthetic';
import { pupil, tabsOf } from '../unplaced/build';

const root = path.resolve(__dirname, '../..');
let code = '';

beforeAll(async () => {
  const { entryPoints } = await import(path.join(root, 'scripts/build.mjs'));
  const names: string[] = await entryPoints();
  const out = await build({
    entryPoints: [path.join(root, 'src/gas/addon.ts')], bundle: true, format: 'iife', globalName: 'CareersTracker', target: 'es2019',
    platform: 'neutral', mainFields: ['module', 'main'], minify: true, legalComments: 'none', charset: 'utf8', write: false,
    footer: { js: names.map((n) => `function ${n}() { return CareersTracker.${n}.apply(this, arguments); }`).join('\n') },
  });
  code = out.outputFiles[0].text;
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T08:30:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the schedule in the bundle', () => {
  it('declares the menu and trigger functions at top level and touches no service when loading', () => {
    for (const name of ['flagUnplacedYear11s', 'scheduleWeeklyJobs', 'stopWeeklyJobs', 'runWeeklyJobs']) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    const touched: string[] = [];
    const trap = (name: string) => new Proxy({}, { get: (_t, prop) => { touched.push(`${name}.${String(prop)}`); throw new Error('used at load time'); } });
    const names = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'Session', 'Utilities', 'MailApp', 'ScriptApp'];
    vm.runInContext(code, vm.createContext(Object.fromEntries(names.map((n) => [n, trap(n)]))));
    expect(touched).toEqual([]);
  });

  it('schedules from the menu, then the hourly handler sends the alerts once, with no UI', () => {
    const fake = createGasFake({ user: 'cl@school.example' });
    const tabs = tabsOf({ pupils: [pupil('A1', { Name: 'Zoe Rejected', 'Application status': 'Rejected' })] });
    for (const [name, grid] of Object.entries(tabs)) fake.setSheet(name, toSheetValues(grid));
    const context = vm.createContext({ ...fake.globals, Date });
    vm.runInContext(code, context);
    vm.runInContext('scheduleWeeklyJobs(); scheduleWeeklyJobs();', context);
    expect(fake.triggers).toHaveLength(1);
    fake.setUiAvailable(false);
    vm.runInContext('runWeeklyJobs(); runWeeklyJobs();', context);
    const alerts = fake.sentMail.filter((m) => m.subject.includes('Year 11'));
    expect(alerts.map((m) => m.to)).toEqual([['cl@school.example'], ['fr@school.example']]);
    expect(fake.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
