/**
 * Workbooks as users really have them: tab names in other cases, a title row above the headers,
 * error cells, CR LF inside cells, notes, tables and charts from other programs, a full tab.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EXCEL_MAX_ROWS, WorkbookWriteError, XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { MONDAY, simpleSpec, tabsOf, xlsxOf } from '../bulletin/build';
import type { CellValue } from '../../src/ports';
import { cli, tmp } from './support';

/** The small tracker of the bulletin tests, with tabs renamed and cells changed by `edit`. */
async function trackerFile(edit: (book: ExcelJS.Workbook) => void = () => undefined): Promise<string> {
  const file = path.join(tmp(), 'tracker.xlsx');
  const buffer = await xlsxOf(tabsOf(simpleSpec(4))).toBuffer();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  edit(book);
  await book.xlsx.writeFile(file);
  return file;
}

/** The same tracker saved by the command line's own writer, its tabs renamed by `rename`. */
async function trackerWithTabs(rename: Record<string, string>, extra: Record<string, CellValue[][]> = {}, edit: (tabs: Record<string, CellValue[][]>) => void = () => undefined): Promise<string> {
  const file = path.join(tmp(), 'tracker.xlsx');
  const tabs = tabsOf(simpleSpec(4));
  edit(tabs);
  const renamed = Object.fromEntries([...Object.entries(tabs).map(([k, v]) => [rename[k] ?? k, v]), ...Object.entries(extra)]);
  await xlsxOf(renamed).save(file);
  return file;
}

const problemsOf = async (file: string) => JSON.parse((await cli(['check', '--workbook', file, '--today', MONDAY, '--json'])).out).problems as { tab: string; row: number; column: string; value: string; message: string }[];

describe('tab names', () => {
  it('a tab named "pupils" (or " Log ") is the Pupils tab: setup adds no second one and renames nothing', async () => {
    const file = await trackerWithTabs({ Pupils: 'pupils', Log: ' log ' });
    const setup = await cli(['setup', '--workbook', file, '--json']);
    expect(setup.code).toBe(0);
    expect(JSON.parse(setup.out).tabsAdded).not.toContain('Pupils');
    expect(JSON.parse(setup.out).tabsAdded).not.toContain('Log');
    const names = (await XlsxWorkbook.open(file)).tabNames();
    expect(names).toContain('pupils');
    expect(names).toContain(' log ');
    expect(names).not.toContain('Pupils');
    expect(names).not.toContain('pupils1');
    expect(names.filter((n) => n.trim().toLowerCase() === 'log')).toHaveLength(1);
    const bulletin = JSON.parse((await cli(['bulletin', '--workbook', file, '--outbox', path.join(path.dirname(file), 'out'), '--today', MONDAY, '--json'])).out);
    expect(bulletin.recipients).toBe(4);
  });

  it('a tab of the school\'s own called "problems" or "scores" is never overwritten: a plain clash, exit 2', async () => {
    const file = await trackerFile((b) => {
      b.addWorksheet('problems').getCell('A1').value = 'Our own list of problems';
      b.addWorksheet('scores').getCell('A1').value = 'Exam scores';
    });
    const before = fs.readFileSync(file);
    for (const command of ['check', 'score']) {
      const r = await cli([command, '--workbook', file, '--today', MONDAY]);
      expect(r.code).toBe(2);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/has a tab of its own called "(problems|scores)".*Rename that tab/);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });

  it('an output tab the jobs wrote earlier under another case is rewritten in place, keeping its name', async () => {
    const first = await trackerFile();
    expect((await cli(['check', '--workbook', first, '--today', MONDAY])).code).toBe(0);
    const problems = (await XlsxWorkbook.open(first)).readTab('Problems')!;
    const file = await trackerWithTabs({}, { PROBLEMS: problems });
    expect((await cli(['check', '--workbook', file, '--today', MONDAY])).code).toBe(0);
    const names = (await XlsxWorkbook.open(file)).tabNames();
    expect(names.filter((n) => n.toLowerCase() === 'problems')).toEqual(['PROBLEMS']);
  });

  it('two tabs that both read as one tab are a clash named plainly, exit 2', async () => {
    const file = await trackerWithTabs({ Staff: 'staff' }, { 'STAFF ': [['Initials']] });
    const r = await cli(['check', '--workbook', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2 tabs that all read as the Staff tab \("staff", "STAFF "\): rename all but one/);
  });
});

describe('a title row above the headers', () => {
  it('is recognised: setup adds no second set of headers and check reads the rows as usual', async () => {
    const plain = await trackerFile();
    const titled = await trackerFile((b) => {
      const ws = b.getWorksheet('Pupils')!;
      ws.spliceRows(1, 0, ['Oakfield Academy: Year 11 careers tracker 2025-26'], []);
    });
    expect((await problemsOf(titled)).length).toBe((await problemsOf(plain)).length);
    const setup = JSON.parse((await cli(['setup', '--workbook', titled, '--json'])).out);
    const addedToPupils = setup.columnsAdded.filter((c: { tab: string }) => c.tab === 'Pupils').map((c: { column: string }) => c.column);
    const grid = (await XlsxWorkbook.open(titled)).readTab('Pupils')!;
    expect(grid[0].filter((c) => c !== '')).toEqual(['Oakfield Academy: Year 11 careers tracker 2025-26']);
    expect(grid[1].every((c) => c === '')).toBe(true);
    expect(grid[2].slice(0, 3)).toEqual(['Pupil ID', 'Name', 'Year']);
    for (const column of addedToPupils) expect(grid[2]).toContain(column);
    expect(grid.filter((r) => r.includes('Pupil ID'))).toHaveLength(1);
    const bulletin = JSON.parse((await cli(['bulletin', '--workbook', titled, '--outbox', path.join(path.dirname(titled), 'out'), '--today', MONDAY, '--json'])).out);
    expect(bulletin.recipients).toBe(4);
  });
});

describe('a tab with only a title', () => {
  it('gets its headers on the row below the title, not beside it', async () => {
    const file = await trackerWithTabs({}, {}, (tabs) => {
      tabs.Vacancies = [['Apprenticeships for the bulletin']];
    });
    expect((await cli(['setup', '--workbook', file])).code).toBe(0);
    const grid = (await XlsxWorkbook.open(file)).readTab('Vacancies')!;
    expect(grid[0].filter((c) => c !== '')).toEqual(['Apprenticeships for the bulletin']);
    expect(grid[1].slice(0, 2)).toEqual(['Title', 'Employer']);
    expect((await problemsOf(file)).filter((p) => p.tab === 'Vacancies')).toEqual([]);
  });
});

describe('cells', () => {
  it('error cells (#REF!, #N/A) are reported with their error value, not read as blank', async () => {
    const file = await trackerFile((b) => {
      const ws = b.getWorksheet('Pupils')!;
      ws.getCell('A2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('C3').value = { formula: 'VLOOKUP(A3,X!A:B,2,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    });
    const problems = await problemsOf(file);
    const ref = problems.find((p) => p.value === '#REF!');
    expect(ref).toMatchObject({ tab: 'Pupils', row: 2, column: 'Pupil ID' });
    expect(ref!.message).toMatch(/Pupil ID shows the error #REF!.*left out/);
    expect(problems.find((p) => p.value === '#N/A')).toMatchObject({ tab: 'Pupils', row: 3, column: 'Year' });
    expect(problems.some((p) => /Pupil ID is missing/.test(p.message))).toBe(false);
  });

  it('cells the job never writes keep their exact values: CR LF inside a cell stays CR LF', async () => {
    const file = await trackerWithTabs({}, {}, (tabs) => {
      tabs.Pupils[0][7] = 'Our notes';
      tabs.Pupils[1][7] = 'Line one\r\nLine two';
      tabs.Pupils[2][7] = 'Literal _x0041_ kept';
    });
    expect((await XlsxWorkbook.open(file)).readTab('Pupils')![1][7]).toBe('Line one\r\nLine two');
    for (let i = 0; i < 2; i++) expect((await cli(['check', '--workbook', file])).code).toBe(0);
    const grid = (await XlsxWorkbook.open(file)).readTab('Pupils')!;
    expect(grid[1][7]).toBe('Line one\r\nLine two');
    expect(grid[2][7]).toBe('Literal _x0041_ kept');
    const strings = await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('Line one_x000D_\nLine two');
  });

  it('a row past Excel\'s last row is refused, saying why', () => {
    const wb = XlsxWorkbook.empty();
    wb.createTab('Log');
    wb.writeCells('Log', EXCEL_MAX_ROWS, 1, [['the last row']]);
    expect(() => wb.appendRows('Log', [['one more']])).toThrow(WorkbookWriteError);
    expect(() => wb.appendRows('Log', [['one more']])).toThrow(/past row 1,048,576, the last row an Excel file can have/);
    expect(() => wb.writeCells('Log', EXCEL_MAX_ROWS, 1, [['a'], ['b']])).toThrow(/past row 1,048,576/);
  });
});

describe('.xlsx files from other programs', () => {
  it('notes and tables are read and kept when the job saves', async () => {
    const file = await trackerFile((b) => {
      b.getWorksheet('Pupils')!.getCell('B2').note = 'Prefers to be called Sam';
      const ws = b.addWorksheet('Our list');
      ws.addTable({ name: 'Contacts', ref: 'A1', headerRow: true, columns: [{ name: 'Employer' }, { name: 'Phone' }], rows: [['Acme', '0123'], ['Bolt', '0456']] });
    });
    const r = await cli(['check', '--workbook', file]);
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const comments = Object.keys(zip.files).filter((f) => /comments\d*\.xml$/.test(f));
    expect(comments).toHaveLength(1);
    expect(await zip.file(comments[0])!.async('string')).toContain('Prefers to be called Sam');
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/.*\.xml$/.test(f));
    expect(tables).toHaveLength(1);
    expect(await zip.file(tables[0])!.async('string')).toContain('Contacts');
    expect((await XlsxWorkbook.open(file)).readTab('Our list')).toEqual([['Employer', 'Phone'], ['Acme', '0123'], ['Bolt', '0456']] as CellValue[][]);
  });

  it('a table as Excel writes it (defaults left out) keeps its header row and filter buttons', async () => {
    const file = await trackerFile((b) => {
      b.addWorksheet('Our list').addTable({ name: 'Contacts', ref: 'A1', headerRow: true, columns: [{ name: 'Employer' }, { name: 'Phone' }], rows: [['Acme', '0123']] });
    });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const part = Object.keys(zip.files).find((f) => /^xl\/tables\/.*\.xml$/.test(f))!;
    zip.file(part, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Contacts" displayName="Contacts" ref="A1:B2" totalsRowShown="0">'
      + '<autoFilter ref="A1:B2"/><tableColumns count="2"><tableColumn id="1" name="Employer"/><tableColumn id="2" name="Phone"/></tableColumns>'
      + '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await cli(['check', '--workbook', file])).code).toBe(0);
    const saved = await (await JSZip.loadAsync(fs.readFileSync(file))).file(part)!.async('string');
    expect(saved).not.toContain('headerRowCount="0"');
    expect(saved).not.toContain('hiddenButton="1"');
    expect((await XlsxWorkbook.open(file)).readTab('Our list')).toEqual([['Employer', 'Phone'], ['Acme', '0123']] as CellValue[][]);
  });

  it('a chart is named exactly as what the command line cannot keep (exit 2), and the file is left alone', async () => {
    const file = await trackerFile();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheets = await zip.file('xl/workbook.xml')!.async('string');
    expect(sheets).toContain('name="Pupils"');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const pupilsId = /<sheet [^>]*name="Pupils"[^>]*r:id="([^"]+)"/.exec(sheets)![1];
    const target = new RegExp(`Id="${pupilsId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${pupilsId}"`).exec(rels)!;
    const sheetPath = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
    const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
    zip.file(relsPath, '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rIdD1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing9.xml"/></Relationships>');
    zip.file('xl/drawings/drawing9.xml', '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><xdr:twoCellAnchor><xdr:graphicFrame><c:chart r:id="rIdC1"/></xdr:graphicFrame></xdr:twoCellAnchor></xdr:wsDr>');
    zip.file('xl/drawings/_rels/drawing9.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart9.xml"/></Relationships>');
    zip.file('xl/charts/chart9.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = fs.readFileSync(file);
    const r = await cli(['check', '--workbook', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/has a chart on the "Pupils" tab, which the command line cannot keep when it saves the workbook, so nothing was done/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('Excel 2010 drop-downs and data bars, which a save leaves out, are named on stderr; the job still runs', async () => {
    const file = await trackerFile();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheets = await zip.file('xl/workbook.xml')!.async('string');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    const pupilsId = /<sheet [^>]*name="Pupils"[^>]*r:id="([^"]+)"/.exec(sheets)![1];
    const target = new RegExp(`Id="${pupilsId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${pupilsId}"`).exec(rels)!;
    const sheetPath = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
    // As Excel writes a drop-down whose choices are on another tab, and a data bar.
    const ext = '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
      + '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">'
      + '<x14:formula1><xm:f>Staff!$A$2:$A$20</xm:f></x14:formula1><xm:sqref>D2:D500</xm:sqref></x14:dataValidation></x14:dataValidations></ext>'
      + '<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>'
      + '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}">'
      + '<x14:dataBar minLength="0" maxLength="100"/></x14:cfRule><xm:sqref>J2:J500</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>';
    zip.file(sheetPath, (await zip.file(sheetPath)!.async('string')).replace('</worksheet>', `${ext}</worksheet>`));
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));

    const r = await cli(['score', '--workbook', file, '--today', MONDAY, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).benchmarks).toHaveLength(8);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain('had drop-down lists whose choices are on another tab (made by Excel 2010 or later) on the "Pupils" tab; '
      + 'conditional formatting made by Excel 2010 or later (data bars, icon sets, rules that look at another tab) on the "Pupils" tab. '
      + `The saved workbook keeps every value but not these; the file as it was is kept as ${file.replace(/\.xlsx$/, '.original.xlsx')}.`);
    // What the note says: the saved file has lost them, the copy has them.
    const saved = await JSZip.loadAsync(fs.readFileSync(file));
    expect(await saved.file(sheetPath)!.async('string')).not.toMatch(/CCE6A557|78C0D931/i);
    const original = await JSZip.loadAsync(fs.readFileSync(file.replace(/\.xlsx$/, '.original.xlsx')));
    expect(await original.file(sheetPath)!.async('string')).toMatch(/CCE6A557[^]*78C0D931/i);
    // A workbook without them gets no note.
    const plain = await trackerFile();
    expect((await cli(['score', '--workbook', plain, '--today', MONDAY, '--json'])).err).toBe('');
  });

  it('a workbook written with namespace prefixes (the Open XML SDK behind many MIS exports) is read', async () => {
    const file = await trackerFile((b) => {
      b.getWorksheet('Pupils')!.mergeCells('H1:J1');
    });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/(worksheets\/sheet\d+|workbook|sharedStrings)\.xml$/.test(f))) {
      const xml = await zip.file(name)!.async('string');
      const prefixed = xml
        .replace(/<(\/?)([A-Za-z]+)([\s>/])/g, (m, slash: string, tag: string, end: string) => `<${slash}x:${tag}${end}`)
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
      zip.file(name, prefixed);
    }
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await cli(['bulletin', '--workbook', file, '--outbox', path.join(path.dirname(file), 'out'), '--today', MONDAY, '--json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).recipients).toBe(4);
  });

  it('a merged cell reads as Sheets gives it: the value in its first cell only', async () => {
    const file = await trackerWithTabs({}, {}, (tabs) => {
      tabs.Pupils = [['Year 11 careers tracker', 'Year 11 careers tracker', 'Year 11 careers tracker'], ...tabs.Pupils];
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    book.getWorksheet('Pupils')!.mergeCells('A1:C1');
    await book.xlsx.writeFile(file);
    expect((await XlsxWorkbook.open(file)).readTab('Pupils')![0].slice(0, 3)).toEqual(['Year 11 careers tracker', '', '']);
  });

  it('a password-protected file, or a Strict Open XML one, is named for what it is (exit 2)', async () => {
    const dir = tmp();
    const locked = path.join(dir, 'locked.xlsx');
    fs.writeFileSync(locked, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const r = await cli(['check', '--workbook', locked]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/protected with a password, or is an old Excel 97-2003 \(\.xls\) file/);
    const strict = await trackerFile();
    const zip = await JSZip.loadAsync(fs.readFileSync(strict));
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wbXml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    fs.writeFileSync(strict, await zip.generateAsync({ type: 'nodebuffer' }));
    const s = await cli(['check', '--workbook', strict]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/has the "Strict Open XML" format/);
  });
});
