/**
 * careers-tracker record: files, exit codes, JSON, the Log line; a PDF for a pupil with 20
 * meetings printed through Chromium, its first page as PNGs (Chromium screenshot and pdftoppm)
 * in test-artifacts/records/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { main } from '../../src/node/cli';
import { HAVE_CHROMIUM, launch, reportMissingChromium } from '../browser/chromium';
import type { CellValue } from '../../src/ports';
import { OTHERS, meetingRows, recordTabs, workbookFrom } from './fixture';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/records');
let dir: string;
let workbook: string;

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--workbook', workbook, '--today', '2026-03-02'], { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

const TOPICS = ['college open evenings', 'the mock results', 'a part-time job', 'apprenticeship adverts', 'the personal statement', 'interview practice', 'revision plans', 'work experience'];

/** Twenty meetings for Ruby, as a busy Year 11 mentor would write them. */
function twentyMeetings(): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = [];
  for (let i = 0; i < 20; i++) {
    const day = new Date(Date.UTC(2025, 8, 8 + i * 9)).toISOString().slice(0, 10);
    rows.push({
      Date: { day }, 'Pupil ID': 'R001', Staff: i % 5 === 4 ? 'MH' : 'FR', Type: i % 5 === 4 ? 'Guidance' : i === 0 ? 'Careers support' : 'Mentoring',
      Grades: i % 4 === 0 ? 'Maths 7, English 6, Science 6-6, History 5' : '', Options: i % 3 === 0 ? 'Maths, Economics, Business' : '',
      Aspirations: 'Accountancy: degree apprenticeship or A levels then university', Motivation: i % 2 ? 'Her aunt runs a business' : '',
      Notes: `Talked about ${TOPICS[i % TOPICS.length]}. Ruby agreed to follow up before the next meeting and to bring her planner.`,
      'Next meeting': { day: new Date(Date.UTC(2025, 8, 17 + i * 9)).toISOString().slice(0, 10) },
    });
  }
  return [...rows, ...meetingRows().filter((m) => m['Pupil ID'] !== 'R001')];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-'));
  workbook = path.join(dir, 'tracker.xlsx');
  await workbookFrom(recordTabs({ meetings: twentyMeetings() })).save(workbook);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('careers-tracker record', () => {
  it('writes the pupil record as HTML, prints one JSON document, and logs it', async () => {
    const out = path.join(dir, 'ruby.html');
    const r = await cli('record', '--pupil', 'R001', '--kind', 'pupil', '--out', out, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ kind: 'pupil', asOf: '2026-03-02', files: [{ pupilId: 'R001', file: out }], withoutConsent: [] });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('Ruby Reed');
    for (const o of OTHERS) expect(html).not.toContain(o.name);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const log = book.getWorksheet('Log')!;
    expect(log.getRow(log.rowCount).getCell(2).value).toBe('record');
  });

  it('writes a SAR workbook with one tab per source tab, and the pupil record beside it', async () => {
    const out = path.join(dir, 'sar.xlsx');
    const r = await cli('record', '--pupil', 'R001', '--kind', 'sar', '--out', out.replace(/xlsx$/, 'html'), '--json');
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Pupils', 'Meetings', 'Actions', 'Activities', 'Destinations', 'Log', 'Unplaced']);
    expect(book.getWorksheet('Meetings')!.rowCount).toBe(21);
    expect(fs.existsSync(path.join(dir, 'sar.html'))).toBe(true);
  });

  it('refuses a transition document without consent (exit 1, nothing written) and bad command lines (exit 2)', async () => {
    const before = fs.statSync(workbook).mtimeMs;
    const refused = await cli('record', '--pupil', 'R003', '--kind', 'transition', '--out', path.join(dir, 't.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^careers-tracker: Tia Todd has no "Yes" in Consent to share/);
    expect(fs.existsSync(path.join(dir, 't.html'))).toBe(false);
    expect(fs.statSync(workbook).mtimeMs).toBe(before);
    expect((await cli('record', '--pupil', 'R001', '--out', 'x.pdf')).code).toBe(2);
    expect((await cli('record', '--pupil', 'R001', '--kind', 'pupil', '--out', 'x.xlsx')).code).toBe(2);
    expect((await cli('record', '--year', '10', '--kind', 'transition', '--out', dir)).code).toBe(2);
  });

  reportMissingChromium('record PDFs');
  it.runIf(HAVE_CHROMIUM)('prints PDFs: a pupil with 20 meetings, the Year 11 batch; first pages kept as PNGs', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = path.join(ARTIFACTS, 'pupil-20-meetings.pdf');
    const r = await cli('record', '--pupil', 'R001', '--kind', 'pupil', '--out', pdf, '--json');
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout).files[0];
    const info = execFileSync('pdfinfo', [pdf]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    expect(file.pages).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(3);
    fs.writeFileSync(path.join(ARTIFACTS, 'figures.json'), JSON.stringify({ meetings: 20, bytes: file.bytes, pages }, null, 2));
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', pdf, path.join(ARTIFACTS, 'pupil-20-meetings-page')]);
    expect(fs.readdirSync(ARTIFACTS).some((f) => /^pupil-20-meetings-page-0*1\.png$/.test(f))).toBe(true);

    const html = path.join(dir, 'ruby-20.html');
    await cli('record', '--pupil', 'R001', '--kind', 'transition', '--out', html);
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.setContent(fs.readFileSync(html, 'utf8'));
      await page.screenshot({ path: path.join(ARTIFACTS, 'transition-first-page.png') });
    } finally {
      await browser.close();
    }

    const batch = path.join(dir, 'year11');
    const b = await cli('record', '--year', '11', '--kind', 'transition', '--out', batch, '--json');
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).withoutConsent.map((p: { pupilId: string }) => p.pupilId)).toEqual(['R003', 'R004']);
    expect(fs.readdirSync(batch).sort()).toEqual(['Careers transition document - Ruby Reed (R001).pdf', 'Careers transition document - Sam Stone (R002).pdf']);
  }, 120000);
});
