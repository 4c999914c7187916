/**
 * In Google Sheets too: a tab of the school's own whose name only differs in case from an output
 * tab is never cleared; a title row above the headers and error cells read as on the command line.
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/jobs/check';
import { TabClashError } from '../../src/domain/tab-names';
import { gasJobContext, installFake, loadTabs } from '../gas/helpers';
import { simpleSpec, tabsOf } from '../bulletin/build';

describe('tabs and cells in Google Sheets', () => {
  it('a "problems" tab the jobs did not write is a clash, left as it was', () => {
    const fake = installFake();
    loadTabs(fake, { ...tabsOf(simpleSpec(3)), problems: [['Our own list'], ['Broken printer']] });
    expect(() => runCheck(gasJobContext(fake))).toThrow(TabClashError);
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('problems')!;
    expect(sheet.getName()).toBe('problems');
    expect(sheet.getDataRange().getValues()).toEqual([['Our own list'], ['Broken printer']]);
  });

  it('a title row above the Pupils headers and a #REF! cell are read as on the command line', () => {
    const fake = installFake();
    const tabs = tabsOf(simpleSpec(3));
    tabs.Pupils = [['Year 11 tracker'], [''], ...tabs.Pupils];
    tabs.Pupils[3][0] = '#REF!';
    loadTabs(fake, tabs);
    const problems = runCheck(gasJobContext(fake)).problems;
    expect(problems.filter((p) => p.tab === 'Pupils')).toEqual([
      expect.objectContaining({ row: 4, column: 'Pupil ID', value: '#REF!' }),
    ]);
  });
});
