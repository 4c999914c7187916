/**
 * The preview under faults: a command-line run saved the file meanwhile (neither side's rows are
 * lost), a save that fails (the retry is saved, not answered as a duplicate; no server path shown).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Preview, startPreview } from '../../src/node/preview';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { STAFF, TODAY, meetingRequest, writeFixture } from '../mentor-log/fixture';
import { cli, tmp } from './support';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

function post(fn: string, args: unknown[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${preview!.url}api/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ args }));
  });
}

const notesIn = async (file: string) => {
  const grid = (await XlsxWorkbook.open(file)).readTab('Meetings')!;
  const at = grid[0].indexOf('Notes');
  return grid.slice(1).map((r) => r[at]);
};
const logJobs = async (file: string) => {
  const grid = (await XlsxWorkbook.open(file)).readTab('Log') ?? [[]];
  const at = grid[0].indexOf('Job');
  return grid.slice(1).map((r) => r[at]);
};

async function start(): Promise<string> {
  const file = path.join(tmp(), 'tracker.xlsx');
  await writeFixture(file);
  preview = await startPreview({ workbook: file, as: STAFF.fr, today: TODAY, html: '<html><head></head><body></body></html>' });
  return file;
}

describe('the preview and a file that changed on disk', () => {
  it('a save after a command-line run changed the file keeps both sides\' rows', async () => {
    const file = await start();
    expect((await post('getMentorLog', [])).status).toBe(200);
    // A command-line run saves the file (its Log line) while the preview has it open.
    expect((await cli(['check', '--workbook', file, '--today', TODAY])).code).toBe(0);
    expect(await logJobs(file)).toContain('check');
    const saved = await post('saveMeeting', [meetingRequest({ notes: 'Saved from the preview' })]);
    expect(saved.body.value).toMatchObject({ ok: true });
    expect(await logJobs(file)).toContain('check');
    expect(await notesIn(file)).toContain('Saved from the preview');
    expect((await XlsxWorkbook.open(file)).tabNames()).toContain('Problems');
    // and the other way round: the next command-line run keeps the preview's meeting
    expect((await cli(['check', '--workbook', file, '--today', TODAY])).code).toBe(0);
    expect(await notesIn(file)).toContain('Saved from the preview');
  });

  it('a failed save is not remembered: the retry is saved, and the message names no server path', async () => {
    const file = await start();
    const request = meetingRequest({ notes: 'Retried after a full disk' });
    preview!.failNextSave(() => Object.assign(new Error(`ENOSPC: no space left on device, open '${path.dirname(file)}/.tracker.xlsx.123.saving'`), { code: 'ENOSPC' }));
    const failed = await post('saveMeeting', [request]);
    expect(failed.status).toBe(500);
    expect(failed.body.message).toMatch(/could not be saved \(the disk is full\)\. Nothing was saved: try again/);
    expect(failed.body.message).not.toContain(path.dirname(file));
    expect(failed.body.message).not.toMatch(/\/|ENOSPC/);
    expect(await notesIn(file)).not.toContain('Retried after a full disk');
    const retried = await post('saveMeeting', [request]);
    expect(retried.body.value).toMatchObject({ ok: true, value: { duplicate: false } });
    expect((await notesIn(file)).filter((n) => n === 'Retried after a full disk')).toHaveLength(1);
    // a second click of the same request is a duplicate now that it is saved
    const again = await post('saveMeeting', [request]);
    expect(again.body.value).toMatchObject({ ok: true, value: { duplicate: true } });
    expect((await notesIn(file)).filter((n) => n === 'Retried after a full disk')).toHaveLength(1);
  });

  it('a file that can no longer be read gets a plain message, with no path', async () => {
    const file = await start();
    fs.writeFileSync(file, 'not a workbook any more');
    const r = await post('getMentorLog', []);
    expect(r.status).toBe(500);
    expect(r.body.message).toMatch(/could not be read or saved just now/);
    expect(JSON.stringify(r.body)).not.toContain(path.dirname(file));
  });
});
