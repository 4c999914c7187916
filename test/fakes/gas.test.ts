import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { createGasFake, formatDate, type GasFake } from './gas';

const errorOf = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
};

describe('call counting', () => {
  it('counts every call by service and method; helpers are not counted; reset clears', () => {
    const fake = createGasFake();
    fake.setSheet('Data', [['a', 'b'], [1, 2]]);
    fake.sheetValues('Data');
    fake.sheetFormats('Data');
    expect(fake.calls.total()).toBe(0);

    const { SpreadsheetApp, PropertiesService } = fake.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data')!;
    sheet.getRange(1, 1, 2, 2).getValues();
    sheet.getRange('A1').getValue();
    PropertiesService.getDocumentProperties()!.getProperty('x');

    expect(fake.calls.total('spreadsheet')).toBe(6);
    expect(fake.calls.total('properties')).toBe(2);
    expect(fake.calls.total()).toBe(8);
    expect(fake.calls.byMethod('spreadsheet')).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.getValue': 1,
    });
    expect(fake.calls.count('Sheet.getRange')).toBe(2);
    expect(fake.calls.log[0]).toBe('SpreadsheetApp.getActiveSpreadsheet');
    fake.calls.reset();
    expect(fake.calls.total()).toBe(0);
    expect(fake.calls.byMethod()).toEqual({});
  });

  it('counts builders, ui, session, utilities, logger and console under their services', () => {
    const fake = createGasFake();
    const g = fake.globals;
    g.SpreadsheetApp.newDataValidation().requireValueInList(['a']).build();
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi();
    g.Session.getActiveUser().getEmail();
    g.Utilities.formatDate(new Date(0), 'UTC', 'yyyy');
    g.Logger.log('x');
    g.console.log('y');
    expect(fake.calls.total('spreadsheet')).toBe(4); // newDataValidation, requireValueInList, build, getUi
    expect(fake.calls.total('ui')).toBe(3);
    expect(fake.calls.total('session')).toBe(2);
    expect(fake.calls.total('utilities')).toBe(1);
    expect(fake.calls.total('logger')).toBe(1);
    expect(fake.calls.total('console')).toBe(1);
    expect(fake.logs.map((l) => l.message)).toEqual(['x', 'y']);
  });
});

describe('SpreadsheetApp: spreadsheet and sheets', () => {
  it('exposes id, url, name, time zone; openById only knows this spreadsheet', () => {
    const fake = createGasFake({ spreadsheetId: 'abc', name: 'Tracker', timeZone: 'America/New_York' });
    const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getId()).toBe('abc');
    expect(ss.getUrl()).toContain('abc');
    expect(ss.getName()).toBe('Tracker');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(fake.globals.SpreadsheetApp.openById('abc')).toBe(ss);
    expect(() => fake.globals.SpreadsheetApp.openById('other')).toThrow(/openById/);
  });

  it('getSheetByName returns null when absent; insertSheet refuses an existing name (case-insensitive)', () => {
    const fake = createGasFake();
    const ss = fake.spreadsheet;
    expect(ss.getSheetByName('Events')).toBeNull();
    const s = ss.insertSheet('Events');
    expect(s.getName()).toBe('Events');
    expect(ss.getSheetByName('events')!.getSheetId()).toBe(s.getSheetId());
    const e = errorOf(() => ss.insertSheet('EVENTS'));
    expect(e.message).toBe('A sheet with the name "EVENTS" already exists. Please enter another name.');
    expect(e.name).toBe('Exception');
    expect(String(e)).toMatch(/^Exception: A sheet/);
    expect(ss.getSheets().map((x) => x.getName())).toEqual(['Sheet1', 'Events']);
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    expect(() => ss.deleteSheet(ss.getSheetByName('Events')!)).toThrow(/all the sheets/);
  });

  it('toast is recorded', () => {
    const fake = createGasFake();
    fake.spreadsheet.toast('Saved', 'Careers', 5);
    expect(fake.ui.toasts).toEqual([{ message: 'Saved', title: 'Careers', timeoutSeconds: 5 }]);
  });

  it('hide/show, tab colour, frozen rows, column widths are recorded', () => {
    const fake = createGasFake();
    fake.setSheet('A', [['x']]);
    const s = fake.spreadsheet.getSheetByName('A')!;
    s.setFrozenRows(1);
    s.setColumnWidth(2, 180);
    s.setColumnWidths(3, 2, 90);
    s.autoResizeColumns(1, 1);
    s.setTabColor('#ff0000');
    s.hideSheet();
    expect(s.isSheetHidden()).toBe(true);
    expect(s.getFrozenRows()).toBe(1);
    const f = fake.sheetFormats('A');
    expect(f).toMatchObject({ frozenRows: 1, columnWidths: { 2: 180, 3: 90, 4: 90 }, autoResized: [1], hidden: true, tabColor: '#ff0000' });
    // the other visible sheet is Sheet1; hiding it too would hide every sheet
    expect(() => fake.spreadsheet.getSheetByName('Sheet1')!.hideSheet()).toThrow(/hide all/);
  });
});

describe('Sheet.getRange', () => {
  const sheet = (fake: GasFake) => fake.spreadsheet.getSheetByName('Sheet1')!;

  it('is 1-based and validates its arguments with the Sheets messages', () => {
    const s = sheet(createGasFake());
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => s.getRange(2, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => s.getRange(2, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => s.getRange(undefined as unknown as number, 1)).toThrow(/don't match the method signature/);
    const r = s.getRange(2, 3, 4, 5);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn()]).toEqual([2, 3, 4, 5, 5, 7]);
    expect(r.getA1Notation()).toBe('C2:G5');
  });

  it('throws beyond max rows/columns; appendRow and insertRowsAfter grow the sheet', () => {
    const fake = createGasFake();
    const s = sheet(fake);
    expect(s.getMaxRows()).toBe(1000);
    expect(s.getMaxColumns()).toBe(26);
    expect(() => s.getRange(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => s.getRange(999, 1, 3, 1)).toThrow('Those rows are out of bounds.');
    expect(() => s.getRange(1, 27)).toThrow('Those columns are out of bounds.');
    s.insertRowsAfter(1000, 5);
    expect(s.getMaxRows()).toBe(1005);
    expect(s.getRange(1005, 1).getValue()).toBe('');
    s.insertColumnsAfter(26, 1);
    expect(s.getRange(1, 27).getValue()).toBe('');
    fake.setSheet('Big', Array.from({ length: 1200 }, (_, i) => [i]));
    const big = fake.spreadsheet.getSheetByName('Big')!;
    expect(big.getMaxRows()).toBe(1200);
    big.appendRow(['last']);
    expect(big.getMaxRows()).toBe(1201);
    expect(big.getLastRow()).toBe(1201);
  });

  it('supports A1 notation including open-ended ranges', () => {
    const fake = createGasFake();
    const s = sheet(fake);
    expect(s.getRange('B2').getA1Notation()).toBe('B2');
    expect(s.getRange('a1:c3').getNumColumns()).toBe(3);
    expect(s.getRange('$A$1:$B$4').getNumRows()).toBe(4);
    expect(s.getRange('A:C').getNumRows()).toBe(1000);
    expect(s.getRange('A2:B').getNumRows()).toBe(999);
    expect(s.getRange('2:3').getNumColumns()).toBe(26);
    expect(fake.spreadsheet.getRange("'Sheet1'!B2:C3").getA1Notation()).toBe('B2:C3');
    expect(() => s.getRange('nonsense!')).toThrow('Range not found');
  });

  it('insertRowsAfter shifts existing content down; deleteRows shifts up', () => {
    const fake = createGasFake();
    fake.setSheet('S', [['h'], ['a'], ['b']]);
    const s = fake.spreadsheet.getSheetByName('S')!;
    s.insertRowsAfter(1, 2);
    expect(fake.sheetValues('S')).toEqual([['h'], [''], [''], ['a'], ['b']]);
    s.deleteRows(2, 2);
    expect(fake.sheetValues('S')).toEqual([['h'], ['a'], ['b']]);
    expect(s.getMaxRows()).toBe(1000);
  });
});

describe('Range values', () => {
  it('getValues is rectangular, empty cells are "", types are preserved and dates are copies', () => {
    const fake = createGasFake();
    const d = new Date('2024-03-01T09:00:00Z');
    fake.setSheet('S', [['name', 3, true], ['', d], [null as unknown as string]]);
    const s = fake.spreadsheet.getSheetByName('S')!;
    const v = s.getRange(1, 1, 4, 4).getValues();
    expect(v).toEqual([['name', 3, true, ''], ['', d, '', ''], ['', '', '', ''], ['', '', '', '']]);
    expect(v[1][1]).toBeInstanceOf(Date);
    (v[1][1] as Date).setFullYear(1999);
    expect((s.getRange(2, 2).getValue() as Date).getTime()).toBe(d.getTime());
  });

  it('getDataRange covers content; on an empty sheet it is A1 with [[""]]; getLastRow/Column are 0', () => {
    const fake = createGasFake();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    expect(s.getLastRow()).toBe(0);
    expect(s.getLastColumn()).toBe(0);
    expect(s.getDataRange().getA1Notation()).toBe('A1');
    expect(s.getDataRange().getValues()).toEqual([['']]);
    s.getRange('C4').setValue('x');
    s.getRange('A1').setBackground('#eeeeee'); // formatting is not content
    s.getRange('E1').setBackground('#eeeeee');
    expect(s.getLastRow()).toBe(4);
    expect(s.getLastColumn()).toBe(3);
    expect(s.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('setValues and the other grid setters check dimensions with the Sheets messages', () => {
    const fake = createGasFake();
    const r = fake.spreadsheet.getSheetByName('Sheet1')!.getRange(1, 1, 2, 3);
    expect(() => r.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2, 3], [1, 2]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => r.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(/don't match the method signature/);
    const bad = [['x', 'x']];
    for (const m of ['setBackgrounds', 'setFontWeights', 'setNumberFormats', 'setDataValidations', 'setFontColors', 'setWraps'] as const) {
      expect(() => (r[m] as (v: unknown) => unknown)(bad), m).toThrow(/number of rows in the data/);
    }
    expect(fake.sheetValues('Sheet1')).toEqual([]);
    r.setValues([[1, 2, 3], [4, 5, 6]]);
    expect(fake.sheetValues('Sheet1')).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('strings starting with "=" become formulas that read back ""; a leading quote stores literal text', () => {
    const fake = createGasFake();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange(1, 1, 1, 3).setValues([['=SUM(B2:B9)', "'=1+1", "'007"]]);
    s.appendRow(['=TODAY()', 'plain']);
    expect(s.getRange(1, 1, 1, 3).getValues()).toEqual([['', '=1+1', '007']]);
    expect(s.getRange(1, 1, 1, 3).getFormulas()).toEqual([['=SUM(B2:B9)', '', '']]);
    expect(fake.sheetFormats('Sheet1').formulas).toEqual([['=SUM(B2:B9)', '', ''], ['=TODAY()', '', '']]);
    expect(fake.sheetValues('Sheet1')).toEqual([['', '=1+1', '007'], ['', 'plain', '']]);
    fake.setFormulaResult('Sheet1', 1, 1, 42);
    expect(s.getRange('A1').getValue()).toBe(42);
    s.getRange('A1').setValue(5); // overwriting a formula removes it
    expect(s.getRange('A1').getFormula()).toBe('');
  });

  it('parses typed strings like Sheets unless the cell is formatted as plain text', () => {
    const fake = createGasFake();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange('B1').setNumberFormat('@');
    s.getRange(1, 1, 1, 6).setValues([['007', '007', 'TRUE', '2024-09-05', '05/09/2024', '12.5%']]);
    const v = s.getRange(1, 1, 1, 6).getValues()[0];
    expect(v.slice(0, 3)).toEqual([7, '007', true]);
    const london = (d: unknown) => formatDate(d as Date, 'Europe/London', 'yyyy-MM-dd HH:mm');
    expect(london(v[3])).toBe('2024-09-05 00:00');
    expect(london(v[4])).toBe('2024-09-05 00:00');
    expect(v[5]).toBe(0.125);
    const raw = createGasFake({ parseStrings: false });
    raw.spreadsheet.getSheetByName('Sheet1')!.getRange('A1').setValue('007');
    expect(raw.sheetValues('Sheet1')).toEqual([['007']]);
  });

  it('Dates written are stored as Dates (from any realm) and display in the spreadsheet time zone', () => {
    const fake = createGasFake();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    const foreign = vm.runInNewContext('new Date(Date.UTC(2024, 6, 1, 23, 30))') as Date;
    expect(foreign instanceof Date).toBe(false);
    s.getRange(1, 1, 1, 2).setValues([[foreign, new Date(Date.UTC(2024, 0, 2))]]);
    const v = s.getRange(1, 1, 1, 2).getValues()[0];
    expect(v[0]).toBeInstanceOf(Date);
    expect((v[0] as Date).getTime()).toBe(Date.UTC(2024, 6, 1, 23, 30));
    s.getRange('B1').setNumberFormat('d mmm yyyy');
    expect(s.getRange(1, 1, 1, 2).getDisplayValues()).toEqual([['02/07/2024 00:30:00', '2 Jan 2024']]);
  });

  it('getDisplayValues renders booleans, numbers and number formats', () => {
    const fake = createGasFake();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange(1, 1, 1, 4).setValues([[true, 0.256, 1234.5, 3]]);
    s.getRange(1, 2, 1, 3).setNumberFormats([['0%', '#,##0.00', '0.0']]);
    expect(s.getRange(1, 1, 1, 4).getDisplayValues()).toEqual([['TRUE', '26%', '1,234.50', '3.0']]);
  });

  it('setValue fills the whole range; clear/clearContent/clearFormats remove the right things', () => {
    const fake = createGasFake();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    const r = s.getRange(1, 1, 2, 2);
    r.setValue('x').setBackground('#ff0000').setNote('n');
    expect(fake.sheetValues('Sheet1')).toEqual([['x', 'x'], ['x', 'x']]);
    r.clearContent();
    expect(fake.sheetValues('Sheet1')).toEqual([]);
    expect(fake.sheetFormats('Sheet1').backgrounds[1][1]).toBe('#ff0000');
    s.clearFormats();
    expect(fake.sheetFormats('Sheet1').backgrounds).toEqual([['#ffffff', '#ffffff'], ['#ffffff', '#ffffff']]);
    expect(fake.sheetFormats('Sheet1').notes[0][0]).toBe('n');
  });
});

describe('formatting, validation, rich text and charts are recorded', () => {
  it('records backgrounds, font weights, number formats, wraps, alignment', () => {
    const fake = createGasFake();
    fake.setSheet('S', [['a', 'b'], ['c', 'd']]);
    const r = fake.spreadsheet.getSheetByName('S')!.getRange(1, 1, 2, 2);
    r.setBackgrounds([['#111111', null as unknown as string], ['#333333', '#444444']]);
    r.setFontWeights([['bold', 'bold'], ['normal', null as unknown as string]]);
    r.setNumberFormats([['@', '0'], ['dd/mm/yyyy', '0.0']]);
    r.setWraps([[true, false], [false, true]]);
    r.setHorizontalAlignment('center');
    const f = fake.sheetFormats('S');
    expect(f.backgrounds).toEqual([['#111111', '#ffffff'], ['#333333', '#444444']]);
    expect(f.fontWeights).toEqual([['bold', 'bold'], ['normal', 'normal']]);
    expect(f.numberFormats).toEqual([['@', '0'], ['dd/mm/yyyy', '0.0']]);
    expect(f.wraps).toEqual([[true, false], [false, true]]);
    expect(f.horizontalAlignments[1][1]).toBe('center');
    expect(r.getBackgrounds()[0][0]).toBe('#111111');
  });

  it('data validation builder and rules', () => {
    const fake = createGasFake();
    const app = fake.globals.SpreadsheetApp;
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No'], true).setAllowInvalid(false).setHelpText('Pick one').build();
    expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Yes', 'No'], true]);
    const dateRule = app.newDataValidation().requireDate().build();
    const s = fake.spreadsheet.getSheetByName('Sheet1')!;
    s.getRange(2, 1, 2, 1).setDataValidation(rule);
    s.getRange(2, 2, 1, 1).setDataValidations([[dateRule]]);
    const f = fake.sheetFormats('Sheet1');
    expect(f.validations[1][0]).toEqual({ criteria: 'VALUE_IN_LIST', values: [['Yes', 'No'], true], allowInvalid: false, helpText: 'Pick one' });
    expect(f.validations[1][1]).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: true });
    expect(f.validations[0][0]).toBeNull();
    expect(s.getRange(3, 1).getDataValidations()[0][0]).toBe(rule);
    s.getRange(2, 1, 2, 2).clearDataValidations();
    expect(fake.sheetFormats('Sheet1').validations.flat().every((x) => x === null)).toBe(true);
    expect(() => app.newDataValidation().build()).toThrow(/criteria/);
  });

  it('rich text links', () => {
    const fake = createGasFake();
    const app = fake.globals.SpreadsheetApp;
    const link = app.newRichTextValue().setText('Report').setLinkUrl('https://example.org/r').build();
    const plain = app.newRichTextValue().setText('none').build();
    const r = fake.spreadsheet.getSheetByName('Sheet1')!.getRange(1, 1, 1, 2);
    r.setRichTextValues([[link, plain]]);
    expect(fake.sheetValues('Sheet1')).toEqual([['Report', 'none']]);
    expect(fake.sheetFormats('Sheet1').links).toEqual([['https://example.org/r', null]]);
    expect(() => r.setRichTextValues([[link]])).toThrow(/number of columns/);
  });

  it('charts: build, insert, list, modify, remove', () => {
    const fake = createGasFake();
    fake.setSheet('Dash', [['m', 'n'], ['Sep', 3], ['Oct', 5]]);
    const s = fake.spreadsheet.getSheetByName('Dash')!;
    const chart = s.newChart().asLineChart().addRange(s.getRange('A1:B3')).setPosition(5, 4, 0, 0).setOption('title', 'Progress').build();
    s.insertChart(chart);
    expect(fake.sheetFormats('Dash').charts).toEqual([
      { id: 1, type: 'LINE', ranges: ['A1:B3'], options: { title: 'Progress' }, position: { row: 5, column: 4, offsetX: 0, offsetY: 0 } },
    ]);
    const [c] = s.getCharts();
    s.updateChart(c.modify().setChartType(fake.globals.Charts.ChartType.COLUMN).build());
    expect(fake.sheetFormats('Dash').charts[0].type).toBe('COLUMN');
    s.removeChart(s.getCharts()[0]);
    expect(s.getCharts()).toEqual([]);
    expect(fake.calls.total('spreadsheet')).toBeGreaterThan(10);
  });
});

describe('Ui', () => {
  it('records menu structure from addToUi', () => {
    const fake = createGasFake();
    const ui = fake.globals.SpreadsheetApp.getUi();
    const sub = ui.createMenu('Reports').addItem('Gatsby', 'showGatsby');
    ui.createAddonMenu().addItem('Open', 'openSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(fake.ui.menus).toEqual([
      {
        name: null, addon: true,
        items: [{ caption: 'Open', functionName: 'openSidebar' }, { separator: true }, { submenu: { name: 'Reports', addon: false, items: [{ caption: 'Gatsby', functionName: 'showGatsby' }] } }],
      },
    ]);
  });

  it('alert and prompt default to OK/YES and use scripted answers in order', () => {
    const fake = createGasFake();
    const ui = fake.globals.SpreadsheetApp.getUi();
    expect(ui.alert('Hello')).toBe(ui.Button.OK);
    expect(ui.alert('Sure?', 'Delete rows?', ui.ButtonSet.YES_NO)).toBe('YES');
    fake.ui.respondWith('NO', { text: 'Y11', button: 'OK' }, 'CANCEL');
    expect(ui.alert('Delete?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const p = ui.prompt('Year group', 'Which year?', ui.ButtonSet.OK_CANCEL);
    expect([p.getResponseText(), p.getSelectedButton()]).toEqual(['Y11', 'OK']);
    expect(ui.prompt('Name?', ui.ButtonSet.OK_CANCEL).getSelectedButton()).toBe('CANCEL');
    expect(fake.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      [null, 'Hello', 'OK', 'OK'], ['Sure?', 'Delete rows?', 'YES_NO', 'YES'], [null, 'Delete?', 'YES_NO', 'NO'],
    ]);
    expect(fake.ui.prompts).toHaveLength(2);
    fake.ui.respondWith('YES');
    expect(() => ui.alert('Only OK here')).toThrow(/not a button of ButtonSet.OK/);
  });

  it('shows sidebars and dialogs from HtmlOutput only; getUi throws outside an interactive context', () => {
    const fake = createGasFake({ files: { sidebar: '<p>hi</p>' } });
    const { SpreadsheetApp, HtmlService } = fake.globals;
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Careers'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<b>x</b>').setWidth(600), 'Report');
    expect(fake.ui.sidebars).toEqual([{ kind: 'sidebar', title: 'Careers', content: '<p>hi</p>', width: undefined, height: undefined, meta: {} }]);
    expect(fake.ui.dialogs[0]).toMatchObject({ kind: 'modal', title: 'Report', content: '<b>x</b>', width: 600 });
    expect(() => ui.showSidebar('<p>' as never)).toThrow(/method signature/);
    fake.setUiAvailable(false);
    expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('PropertiesService', () => {
  it('document store is shared by users, user store is per user, values are strings', () => {
    const fake = createGasFake();
    const { PropertiesService } = fake.globals;
    PropertiesService.getDocumentProperties()!.setProperty('n', 5 as unknown as string);
    PropertiesService.getUserProperties().setProperties({ theme: 'dark', count: 2 });
    fake.setUser('other@school.example');
    expect(PropertiesService.getDocumentProperties()!.getProperty('n')).toBe('5');
    expect(PropertiesService.getUserProperties().getProperty('theme')).toBeNull();
    expect(fake.propertyStore('user', 'leader@school.example')).toEqual({ theme: 'dark', count: '2' });
    const doc = PropertiesService.getDocumentProperties()!;
    doc.setProperties({ a: '1' }, true);
    expect(doc.getKeys()).toEqual(['a']);
    doc.deleteProperty('a');
    expect(doc.getProperties()).toEqual({});
  });

  it('enforces 9 KB per value', () => {
    const props = createGasFake().globals.PropertiesService.getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
  });
});

describe('LockService', () => {
  it('tryLock fails and waitLock throws while another execution holds the lock', () => {
    const fake = createGasFake();
    const { LockService } = fake.globals;
    fake.holdDocumentLock();
    const lock = LockService.getDocumentLock()!;
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(LockService.getScriptLock().tryLock(10)).toBe(true); // other scopes are independent
    fake.releaseHeld();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(fake.locks.state()).toBe('code');
    lock.releaseLock();
    expect(fake.locks.state()).toBe('free');
    expect(fake.locks.events.map((e) => e.event)).toEqual(['refused', 'refused', 'acquired', 'acquired', 'released']);
  });

  it('onAcquired lets a test interleave a second caller; onContended can release', () => {
    const fake = createGasFake();
    const { LockService } = fake.globals;
    const save = (): string => {
      const lock = LockService.getDocumentLock()!;
      if (!lock.tryLock(5000)) return 'busy';
      try { return 'saved'; } finally { lock.releaseLock(); }
    };
    let inner = '';
    fake.locks.onAcquired = () => { fake.locks.onAcquired = undefined; inner = save(); };
    expect(save()).toBe('saved');
    expect(inner).toBe('busy');
    fake.locks.hold();
    fake.locks.onContended = (scope) => fake.locks.release(scope);
    expect(save()).toBe('saved');
  });
});

describe('Session', () => {
  it('reports the active and effective user, which setUser changes', () => {
    const fake = createGasFake({ timeZone: 'Europe/Paris' });
    const { Session } = fake.globals;
    expect(Session.getActiveUser().getEmail()).toBe('leader@school.example');
    fake.setUser('teacher@school.example');
    expect(Session.getEffectiveUser().getEmail()).toBe('teacher@school.example');
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getTemporaryActiveUserKey()).toMatch(/\S{20,}/);
  });
});

describe('Utilities', () => {
  it('formatDate honours the time zone and the tokens', () => {
    const { Utilities } = createGasFake().globals;
    const d = new Date(Date.UTC(2024, 6, 1, 23, 5, 9)); // Mon 1 Jul 2024 23:05:09 UTC = Tue 2 Jul 00:05 BST
    expect(Utilities.formatDate(d, 'Europe/London', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-07-02 00:05:09');
    expect(Utilities.formatDate(d, 'UTC', 'EEE EEEE d MMMM MMM u')).toBe('Mon Monday 1 July Jul 1');
    expect(Utilities.formatDate(d, 'Europe/London', 'EEE u')).toBe('Tue 2');
    expect(Utilities.formatDate(d, 'America/New_York', "dd/MM/yy h:mm a 'at' Z")).toBe('01/07/24 7:05 PM at -0400');
    expect(Utilities.formatDate(new Date(Date.UTC(2024, 0, 7)), 'Europe/London', "u EEE XXX ''")).toBe("7 Sun Z '");
    expect(() => Utilities.formatDate('2024' as unknown as Date, 'UTC', 'yyyy')).toThrow(/method signature/);
    expect(() => Utilities.formatDate(d, 'UTC', 'yyyy-qq')).toThrow(/Illegal pattern character 'q'/);
  });

  it('sleep is counted, uuid/blob/base64/digest work', () => {
    const fake = createGasFake();
    const { Utilities } = fake.globals;
    Utilities.sleep(500);
    expect(fake.sleptMs).toBe(500);
    expect(fake.calls.count('Utilities.sleep')).toBe(1);
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(Utilities.newBlob('hé', 'text/plain', 'a.txt').getDataAsString()).toBe('hé');
    expect(Utilities.base64Encode('hi')).toBe('aGk=');
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'a').slice(0, 2)).toEqual([12, -63]);
  });
});

describe('MailApp', () => {
  it('sends in both forms and records messages', () => {
    const fake = createGasFake();
    const { MailApp } = fake.globals;
    MailApp.sendEmail({ to: 'a@x.org, Bee <b@x.org>', cc: 'c@x.org', subject: 'S', body: 'B', htmlBody: '<p>B</p>', name: 'Careers', replyTo: 'r@x.org' });
    MailApp.sendEmail('d@x.org', 'S2', 'B2', { bcc: 'e@x.org' });
    expect(fake.sentMail[0]).toMatchObject({ to: ['a@x.org', 'Bee <b@x.org>'], cc: ['c@x.org'], bcc: [], subject: 'S', htmlBody: '<p>B</p>', name: 'Careers', replyTo: 'r@x.org', from: 'leader@school.example' });
    expect(fake.sentMail[1]).toMatchObject({ to: ['d@x.org'], bcc: ['e@x.org'], subject: 'S2', body: 'B2' });
    expect(MailApp.getRemainingDailyQuota()).toBe(100 - 5);
  });

  it('enforces recipients, per-message limit and daily quota', () => {
    const fake = createGasFake({ mailQuota: 3 });
    const { MailApp } = fake.globals;
    expect(() => MailApp.sendEmail({ to: '', subject: 's', body: 'b' })).toThrow('no recipient');
    expect(() => MailApp.sendEmail({ subject: 's', body: 'b' })).toThrow('no recipient');
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@x.org`).join(',');
    expect(() => MailApp.sendEmail(many, 's', 'b')).toThrow(/Recipients Per Message/);
    MailApp.sendEmail('a@x.org,b@x.org', 's', 'b');
    const e = errorOf(() => MailApp.sendEmail({ to: 'c@x.org', cc: 'd@x.org', subject: 's', body: 'b' }));
    expect(String(e)).toBe('Exception: Service invoked too many times for one day: email.');
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(fake.sentMail).toHaveLength(1);
  });

  it('failMailOn makes the Nth send throw', () => {
    const fake = createGasFake();
    fake.failMailOn(2);
    const send = (i: number) => fake.globals.MailApp.sendEmail(`s${i}@x.org`, 'Report', 'Body');
    send(1);
    expect(() => send(2)).toThrow('Service unavailable: Email');
    send(3);
    expect(fake.sentMail.map((m) => m.to[0])).toEqual(['s1@x.org', 's3@x.org']);
  });
});

describe('DriveApp', () => {
  it('walks folders and files with iterators; unknown ids throw', () => {
    const fake = createGasFake();
    const top = fake.drive.addFolder(null, 'Careers', 'top');
    const y11 = fake.drive.addFolder(top, 'Year 11');
    fake.drive.addFile(y11, { name: 'plan.pdf', mimeType: 'application/pdf', lastUpdated: new Date('2024-05-01T00:00:00Z'), id: 'f1' });
    fake.drive.addFile(y11, { name: 'notes.txt', mimeType: 'text/plain', lastUpdated: new Date('2024-06-01T00:00:00Z') });
    const { DriveApp } = fake.globals;
    const folder = DriveApp.getFolderById('top');
    expect(folder.getName()).toBe('Careers');
    const sub = folder.getFolders();
    const y = sub.next();
    expect(sub.hasNext()).toBe(false);
    expect(() => sub.next()).toThrow(/reached the end/);
    const files = y.getFiles();
    const first = files.next();
    expect([first.getId(), first.getName(), first.getMimeType(), first.getLastUpdated().toISOString()]).toEqual(['f1', 'plan.pdf', 'application/pdf', '2024-05-01T00:00:00.000Z']);
    const rest = DriveApp.continueFileIterator(files.getContinuationToken());
    expect(rest.next().getName()).toBe('notes.txt');
    expect(rest.hasNext()).toBe(false);
    expect(first.getParents().next().getId()).toBe(y.getId());
    expect(() => DriveApp.getFolderById('nope')).toThrow('No item with the given ID could be found. Or perhaps you do not have permission to access it.');
    expect(() => DriveApp.getFolderById('f1')).toThrow(/No item with the given ID/);
    expect(DriveApp.getFileById('f1').getUrl()).toContain('f1');
    expect(fake.calls.total('drive')).toBe(fake.calls.total());
    expect(fake.calls.byMethod('drive')['FileIterator.next']).toBe(2);
  });
});

describe('UrlFetchApp', () => {
  it('throws "Address unavailable" by default and records requests', () => {
    const fake = createGasFake();
    expect(() => fake.globals.UrlFetchApp.fetch('https://api.example.org/x', {})).toThrow('Address unavailable: https://api.example.org/x');
    expect(fake.fetched).toEqual([{ url: 'https://api.example.org/x', params: {} }]);
  });

  it('uses the handler and honours muteHttpExceptions', () => {
    const fake = createGasFake({
      fetch: (url) => (url.endsWith('/ok') ? { code: 200, body: '{"a":1}', headers: { 'Content-Type': 'application/json' } } : { code: 404, body: 'missing' }),
    });
    const { UrlFetchApp } = fake.globals;
    const ok = UrlFetchApp.fetch('https://api.example.org/ok');
    expect([ok.getResponseCode(), JSON.parse(ok.getContentText()), ok.getHeaders()]).toEqual([200, { a: 1 }, { 'Content-Type': 'application/json' }]);
    expect(() => UrlFetchApp.fetch('https://api.example.org/gone')).toThrow(/^Request failed for https:\/\/api\.example\.org returned code 404/);
    expect(UrlFetchApp.fetch('https://api.example.org/gone', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
    expect(fake.calls.total('urlfetch')).toBe(7);
  });
});

describe('ScriptApp triggers', () => {
  it('allows one time-based trigger per user per document', () => {
    const fake = createGasFake();
    const { ScriptApp } = fake.globals;
    const t = ScriptApp.newTrigger('nightly').timeBased().everyHours(1).create();
    expect([t.getHandlerFunction(), t.getEventType(), t.getTriggerSource()]).toEqual(['nightly', ScriptApp.EventType.CLOCK, 'CLOCK']);
    expect(() => ScriptApp.newTrigger('again').timeBased().atHour(6).everyDays(1).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    ScriptApp.newTrigger('opened').forSpreadsheet(fake.spreadsheet).onOpen().create(); // different type is fine
    fake.setUser('other@school.example');
    ScriptApp.newTrigger('nightly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).create();
    // getUserTriggers(spreadsheet) lists the triggers whose source is the spreadsheet, not time-driven ones
    expect(ScriptApp.getUserTriggers(fake.spreadsheet)).toHaveLength(0);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    fake.setUser('leader@school.example');
    expect(ScriptApp.getUserTriggers(fake.spreadsheet).map((x) => x.getHandlerFunction())).toEqual(['opened']);
    const mine = ScriptApp.getProjectTriggers();
    expect(mine.map((x) => x.getHandlerFunction())).toEqual(['nightly', 'opened']);
    ScriptApp.deleteTrigger(mine[0]);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([mine[1].getUniqueId()]);
    ScriptApp.newTrigger('nightly').timeBased().everyHours(12).create();
    expect(fake.triggers.map((x) => [x.owner, x.handler, x.schedule])).toContainEqual(['leader@school.example', 'nightly', { everyHours: 12 }]);
  });

  it('rejects intervals the add-on may not use', () => {
    const { ScriptApp } = createGasFake().globals;
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(0)).toThrow(/everyHours/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(/everyHours/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(15).create()).toThrow(/more frequently than once per hour/);
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow(/no recurrence/);
  });

  it('AuthMode and authorization info', () => {
    const fake = createGasFake();
    const { ScriptApp } = fake.globals;
    expect(ScriptApp.AuthMode.NONE).toBe('NONE');
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    fake.setAuthorizationRequired(true);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe('REQUIRED');
  });
});

describe('HtmlService', () => {
  it('creates outputs from files and templates; unknown files throw', () => {
    const fake = createGasFake({ files: { sidebar: '<h1>Hi</h1>', page: '<p><?= who ?> <?!= raw ?></p>' } });
    const { HtmlService } = fake.globals;
    const out = HtmlService.createHtmlOutputFromFile('sidebar.html').setTitle('T').setWidth(300).append('<p>x</p>')
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL).addMetaTag('viewport', 'width=device-width');
    expect([out.getTitle(), out.getContent(), out.getWidth()]).toEqual(['T', '<h1>Hi</h1><p>x</p>', 300]);
    expect(() => HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
    const t = HtmlService.createTemplateFromFile('page');
    t.who = '<Ann>';
    t.raw = '<b>ok</b>';
    expect(t.evaluate().getContent()).toBe('<p>&#60;Ann&#62; <b>ok</b></p>');
    expect(fake.calls.total('html')).toBe(13);
  });
});

describe('limited() (AuthMode.NONE)', () => {
  it('allows only SpreadsheetApp.getUi (and enums); everything else requires authorization', () => {
    const fake = createGasFake();
    const g = fake.limited();
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
    expect(fake.ui.menus).toHaveLength(1);
    expect(g.ScriptApp.AuthMode.NONE).toBe('NONE');
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/requires authorization/);
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(/requires authorization/);
    for (const svc of ['LockService', 'Session', 'MailApp', 'DriveApp', 'UrlFetchApp', 'ScriptApp', 'HtmlService'] as const) {
      expect(() => (g[svc] as unknown as Record<string, unknown>).anything, svc).toThrow(/requires authorization/);
    }
    expect(g.Utilities.formatDate(new Date(0), 'UTC', 'yyyy')).toBe('1970');
  });
});

describe('running a built script in a vm context', () => {
  const code = `
    function onOpen(e) {
      var menu = SpreadsheetApp.getUi().createAddonMenu();
      if (e && e.authMode == ScriptApp.AuthMode.NONE) {
        menu.addItem('Start', 'start');
      } else {
        menu.addItem('Open tracker', 'openSidebar');
        var n = PropertiesService.getDocumentProperties().getProperty('opened') || '0';
        PropertiesService.getDocumentProperties().setProperty('opened', String(Number(n) + 1));
      }
      menu.addToUi();
    }
    function logEvent(name) {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Events');
      var when = new Date(Date.UTC(2024, 8, 5, 10));
      sheet.appendRow([name, when]);
      var rows = sheet.getDataRange().getValues();
      var last = rows[rows.length - 1];
      return { isDate: last[1] instanceof Date, day: Utilities.formatDate(last[1], 'Europe/London', 'EEE d MMM HH:mm'), count: rows.length };
    }
  `;

  it('runs onOpen in limited and full contexts, and reads/writes the sheet with Dates', () => {
    const fake = createGasFake();
    fake.setSheet('Events', [['Name', 'When']]);

    const limitedCtx = vm.createContext({ ...fake.limited() });
    vm.runInContext(code, limitedCtx);
    vm.runInContext('onOpen({ authMode: ScriptApp.AuthMode.NONE })', limitedCtx);
    expect(fake.ui.menus[0].items).toEqual([{ caption: 'Start', functionName: 'start' }]);
    expect(() => vm.runInContext('onOpen({ authMode: "FULL" })', limitedCtx)).toThrow(/requires authorization/);

    const ctx = vm.createContext({ ...fake.globals, Date });
    vm.runInContext(code, ctx);
    fake.calls.reset();
    vm.runInContext('onOpen({ authMode: ScriptApp.AuthMode.FULL })', ctx);
    expect(fake.propertyStore('document')).toEqual({ opened: '1' });
    expect(fake.calls.byMethod('properties')).toEqual({
      'PropertiesService.getDocumentProperties': 2, 'Properties.getProperty': 1, 'Properties.setProperty': 1,
    });

    const result = vm.runInContext('logEvent("Apprenticeship fair")', ctx) as { isDate: boolean; day: string; count: number };
    expect({ ...result }).toEqual({ isDate: true, day: 'Thu 5 Sep 11:00', count: 2 });
    expect(fake.sheetValues('Events')[1][0]).toBe('Apprenticeship fair');
  });
});
