/**
 * The sidebar's record buttons in the local preview: the same server function, the HTML saved in
 * a records/ folder beside the workbook (Sheets emails a PDF), the Log saved.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Preview, startPreview } from '../../src/node/preview';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { STAFF, TODAY, recordTabs, workbookFrom } from './fixture';

let dir: string;
let file: string;
let preview: Preview;

const post = (fn: string, args: unknown[]): Promise<{ status: number; body: string }> => new Promise((resolve, reject) => {
  const req = http.request(`${preview.url}api/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
  });
  req.on('error', reject);
  req.end(JSON.stringify({ args }));
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'records-preview-'));
  file = path.join(dir, 'tracker.xlsx');
  await workbookFrom(recordTabs()).save(file);
  preview = await startPreview({ workbook: file, as: STAFF.fr, today: TODAY, html: '<html><head></head><body></body></html>' });
});
afterAll(async () => {
  await preview.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('makeRecord saves the mentee\'s record beside the workbook, logs it, and refuses another mentor\'s pupil', async () => {
  const made = JSON.parse((await post('makeRecord', ['R001', 'pupil'])).body).value;
  expect(made).toMatchObject({ ok: true });
  expect(fs.readdirSync(path.join(dir, 'records'))).toEqual(['Careers record - Ruby Reed (R001).html']);
  const log = (await XlsxWorkbook.open(file)).readTab('Log')!;
  expect(log.at(-1)!.slice(1, 3)).toEqual(['record', 'made']);
  const refused = JSON.parse((await post('makeRecord', ['R002', 'pupil'])).body).value;
  expect(refused).toMatchObject({ ok: false, code: 'refused' });
});
