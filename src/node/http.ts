/**
 * The command line's http port. The port is synchronous (as UrlFetchApp is), so a real request
 * runs Node's fetch in a short-lived child process and waits for it. `FileHttp` replays a saved
 * response for `--from-file`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { HttpPort, HttpResponse } from '../ports';

/** Runs in the child: reads {url, headers, timeoutMs} on stdin, prints {status, body} or {error}. */
const CHILD = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const { url, headers, timeoutMs } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  try {
    const r = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    process.stdout.write(JSON.stringify({ status: r.status, body: await r.text() }));
  } catch (e) {
    const cause = e && e.cause && (e.cause.code || e.cause.message);
    process.stdout.write(JSON.stringify({ error: [e && e.message, cause].filter(Boolean).join(': ') || String(e) }));
  }
});`;

export class NodeHttp implements HttpPort {
  constructor(private readonly timeoutMs = 30_000) {}

  get(url: string, headers: Record<string, string>): HttpResponse {
    // The key travels on stdin, never on the command line where other users could see it.
    const out = execFileSync(process.execPath, ['-e', CHILD], {
      input: JSON.stringify({ url, headers, timeoutMs: this.timeoutMs }),
      encoding: 'utf8',
      timeout: this.timeoutMs + 5_000,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let answer: { status?: number; body?: string; error?: string };
    try {
      answer = JSON.parse(out);
    } catch {
      throw new Error('the request gave no answer');
    }
    if (answer.error !== undefined || typeof answer.status !== 'number') throw new Error(answer.error ?? 'the request gave no answer');
    return { status: answer.status, body: answer.body ?? '' };
  }
}

/**
 * A saved response: one page (`{ "vacancies": [...], "totalPages": 1 }`), an array of pages (page N
 * of the request is the Nth), or a recorded error `{ "status": 429, "body": "..." }`.
 */
export class FileHttp implements HttpPort {
  private pages: unknown[] | null = null;
  constructor(private readonly file: string) {}

  get(url: string): HttpResponse {
    if (this.pages === null) {
      let text: string;
      try {
        text = fs.readFileSync(this.file, 'utf8');
      } catch (e) {
        throw new Error(`cannot read ${this.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { status: 200, body: text };
      }
      this.pages = Array.isArray(json) ? json : [json];
    }
    const page = Number(new URL(url).searchParams.get('PageNumber') ?? '1');
    const saved = this.pages[page - 1];
    if (saved === undefined) return { status: 200, body: JSON.stringify({ vacancies: [], totalPages: this.pages.length }) };
    if (isRecordedResponse(saved)) return { status: saved.status, body: saved.body };
    return { status: 200, body: JSON.stringify(saved) };
  }
}

function isRecordedResponse(v: unknown): v is HttpResponse {
  const o = v as Record<string, unknown>;
  return typeof o === 'object' && o !== null && typeof o.status === 'number' && typeof o.body === 'string' && !('vacancies' in o);
}
