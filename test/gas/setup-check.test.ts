import { describe, expect, it } from 'vitest';
import { installFake, gasJobContext, loadTabs } from './helpers';
import { runSetup } from '../../src/jobs/setup';
import { runCheck } from '../../src/jobs/check';
import { syntheticTracker } from '../support/synthetic';
import { INPUT_TABS } from '../../src/domain/schema';

describe('setup and check through the Apps Script adapters', () => {
  it('sets up an empty spreadsheet that then checks clean, with drop-downs, dates and a frozen bold header', () => {
    const fake = installFake();
    const ctx = gasJobContext(fake);
    const r = runSetup(ctx);
    expect(r.tabsAdded).toEqual(INPUT_TABS.map((t) => t.name));
    expect(runCheck(ctx).problems).toEqual([]);
    const pupils = fake.sheetFormats('Pupils');
    expect(pupils.frozenRows).toBe(1);
    expect(JSON.stringify(pupils.validations)).toContain('EHCP');
    expect(JSON.stringify(fake.sheetFormats('Meetings').numberFormats)).toContain('dd/mm/yyyy');
    const problems = fake.sheetValues('Problems');
    expect(problems[1][0]).toBe('No problems found.');
    expect(problems[0][2]).toBeInstanceOf(Date);
  });

  it('changes no value the second time', () => {
    const fake = installFake();
    const ctx = gasJobContext(fake);
    runSetup(ctx);
    const before = Object.fromEntries(INPUT_TABS.filter((t) => t.name !== 'Log').map((t) => [t.name, JSON.stringify(fake.sheetValues(t.name))]));
    const second = runSetup(ctx);
    expect(second.tabsAdded.length + second.columnsAdded.length + second.settingsAdded.length + second.auditCriteriaAdded).toBe(0);
    const after = Object.fromEntries(INPUT_TABS.filter((t) => t.name !== 'Log').map((t) => [t.name, JSON.stringify(fake.sheetValues(t.name))]));
    expect(after).toEqual(before);
  });

  it('keeps text as text when it appends (leading zeros, day-month settings)', () => {
    const fake = installFake();
    const ctx = gasJobContext(fake);
    runSetup(ctx);
    ctx.workbook.appendRows('Pupils', [['0123', 'Amy', 11]]);
    const pupils = fake.sheetValues('Pupils');
    expect(pupils[pupils.length - 1][0]).toBe('0123');
    const settings = fake.sheetValues('Settings');
    expect(settings.find((r) => r[0] === 'Academic year start')![1]).toBe('1 September');
  });

  it('neutralises formula text on write', () => {
    const fake = installFake();
    const ctx = gasJobContext(fake);
    runSetup(ctx);
    ctx.workbook.appendRows('Staff', [['=IMPORTXML("http://evil")', '+Name', 'a@b.example', 'Mentor', 'No']]);
    expect(fake.sheetFormats('Staff').formulas.flat().filter(Boolean)).toEqual([]);
    const staff = fake.sheetValues('Staff');
    expect(staff[staff.length - 1].slice(0, 2)).toEqual(['=IMPORTXML("http://evil")', '+Name']);
  });

  it('reads dates as the day the sheet shows, in the spreadsheet time zone', () => {
    const fake = installFake({ timeZone: 'Europe/London' });
    const ctx = gasJobContext(fake);
    const tabs = syntheticTracker({ pupils: 10 });
    loadTabs(fake, tabs);
    const meetings = ctx.workbook.readTab('Meetings')!;
    expect(meetings[1][0]).toEqual(tabs.Meetings[1][0]);
  });

  it('checks with the same number of spreadsheet calls at 100, 1,000 and 10,000 pupils', () => {
    const counts: number[] = [];
    const problems: number[] = [];
    for (const pupils of [100, 1_000, 10_000]) {
      const fake = installFake();
      loadTabs(fake, syntheticTracker({ pupils }));
      const ctx = gasJobContext(fake);
      fake.calls.reset();
      problems.push(runCheck(ctx).problems.length);
      counts.push(fake.calls.total('spreadsheet'));
    }
    expect(problems).toEqual([0, 0, 0]);
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });

  it('finds a bad value at the row the user sees', () => {
    const fake = installFake();
    const tabs = syntheticTracker({ pupils: 20 });
    tabs.Pupils[5][9] = 'ninety';
    loadTabs(fake, tabs);
    const { problems } = runCheck(gasJobContext(fake));
    expect(problems).toEqual([expect.objectContaining({ tab: 'Pupils', row: 6, column: 'Attendance', value: 'ninety' })]);
    expect(fake.sheetValues('Problems')[4].slice(0, 4)).toEqual(['Pupils', 6, 'Attendance', 'ninety']);
  });
});
