/**
 * The local preview without a browser: what it serves, who may call it, and that it starts and
 * stops cleanly from the command line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Preview, startPreview } from '../../src/node/preview';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook';
import { STAFF, TODAY, meetingRequest, writeFixture } from './fixture';

const root = path.resolve(__dirname, '../..');
let dir: string;
let file: string;
let preview: Preview;

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
const post = (fn: string, args: unknown[], headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  request(`${preview.url}api/${fn}`, { method: 'POST', headers, body: JSON.stringify({ args }) });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-'));
  file = path.join(dir, 'tracker.xlsx');
  await writeFixture(file);
  preview = await startPreview({ workbook: file, as: STAFF.fr, today: TODAY, html: '<html><head></head><body><div id="app"></div></body></html>' });
});
afterAll(async () => {
  await preview.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the local preview', () => {
  it('listens on 127.0.0.1 on a free port and serves the sidebar with google.script.run standing in', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(preview.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('window.google = { script: { run: runner(null, null)');
    expect(page.body).toContain('"getMentorLog","getMentee","saveMeeting","markActionDone"');
  });

  it('answers the API as the --as user through the same use cases, and saves the .xlsx after a write', async () => {
    const list = JSON.parse((await post('getMentorLog', [])).body);
    expect(list.value.ok).toBe(true);
    expect(list.value.value.viewer.initials).toBe('FR');
    const saved = await post('saveMeeting', [meetingRequest({ notes: 'From the preview' })]);
    expect(JSON.parse(saved.body).value).toMatchObject({ ok: true, value: { duplicate: false } });
    const meetings = (await XlsxWorkbook.open(file)).readTab('Meetings')!;
    expect(meetings[meetings.length - 1][9]).toBe('From the preview');
    expect(JSON.parse((await post('getMentee', ['P004'])).body).value).toMatchObject({ ok: false, code: 'refused' });
  });

  it('fails a call on request (for tests) as a server error would, once', async () => {
    preview.failNext('getMentorLog', 'Broken on purpose');
    expect(await post('getMentorLog', [])).toEqual({ status: 500, body: JSON.stringify({ message: 'Broken on purpose' }) });
    expect((await post('getMentorLog', [])).status).toBe(200);
  });

  it('refuses other hosts (DNS rebinding), non-JSON posts (other sites), unknown functions and other paths', async () => {
    const port = new URL(preview.url).port;
    expect((await request(preview.url, { headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await post('saveMeeting', [meetingRequest()], { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post('readTab', [])).status).toBe(404);
    expect((await request(`${preview.url}api/getMentorLog`)).status).toBe(404);
    expect((await request(`${preview.url}../etc/passwd`)).status).toBe(404);
    expect((await request(`${preview.url}localhost`, { headers: { Host: `localhost:${port}` } })).status).toBe(404);
  });
});

describe('npm run preview', () => {
  const run = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/node/preview.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });

  it('prints the address, serves it, and stops cleanly on Ctrl+C', async () => {
    const child = run(['--workbook', file, '--port', '0', '--as', STAFF.lg, '--today', TODAY]);
    let out = '';
    child.stdout.on('data', (c) => { out += c; });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 30_000);
      child.stdout.on('data', () => {
        const m = /http:\/\/localhost:(\d+)\//.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}/`);
        }
      });
    });
    expect(out).toContain('signed in as lg@school.example');
    expect((await request(url)).body).toContain('<div id="app"></div>');
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(out).toContain('Stopping the preview.');
  });

  it('says what is wrong with a bad command line and exits 2', async () => {
    for (const args of [[], ['--workbook', path.join(dir, 'missing.xlsx')], ['--workbook', file, '--port', 'eighty'], ['--workbook', file, '--today', '2/3/2026'], ['--wat']]) {
      const child = run(args);
      let err = '';
      child.stderr.on('data', (c) => { err += c; });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(2);
      expect(err).toMatch(/^preview: /);
    }
  });
});
