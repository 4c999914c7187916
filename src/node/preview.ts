/**
 * npm run preview -- --workbook FILE [--as EMAIL] [--port N] [--today YYYY-MM-DD]
 *
 * Serves the mentor log sidebar (the built HTML) on 127.0.0.1 with a stand-in for
 * google.script.run that posts to /api/<function>, answered by the same use cases as in Google
 * Sheets, over the .xlsx, as the staff member `--as` names. The workbook is saved after each write,
 * under the workbook lock the command line takes; when the file changed on disk since it was read
 * (a command-line run saved it), it is read again before the call, so neither side's rows are lost.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { JobContext } from '../jobs/context';
import { loadTracker } from '../jobs/context';
import { callMentorLogApi } from '../jobs/mentor-log';
import { API_FUNCTIONS, type ApiFunction } from '../ui/api';
import { makeDay } from '../domain/calendar';
import { NodeClock } from './clock';
import { MemoryProperties, ProcessLock } from './memory';
import { XlsxWorkbook } from './xlsx-workbook';
import { reasonFor } from './atomic-file';
import { WorkbookBusyError, WorkbookLock } from './workbook-lock';

export interface PreviewOptions {
  /** the .xlsx tracker; changed in place */
  workbook: string;
  /** who is signed in (default: the careers leader) */
  as?: string;
  /** 0 (the default) for any free port */
  port?: number;
  today?: string;
  /** the sidebar HTML; default: built now from src/ui */
  html?: string;
}

export interface Preview {
  url: string;
  port: number;
  as: string;
  /** the server functions called so far, in order */
  calls: string[];
  /** For tests: the next call of `fn` fails as a server error would, with this message. */
  failNext(fn: ApiFunction, message?: string): void;
  /** For tests: the next save fails with this error (as a full disk would), after the call ran. */
  failNextSave(error: () => Error): void;
  close(): Promise<void>;
}

const WRITES: ApiFunction[] = ['saveMeeting', 'markActionDone', 'saveCheck'];
const MAX_BODY = 1_000_000;

/** The sidebar as built by scripts/build-sidebar.mjs. */
export async function builtSidebarHtml(): Promise<string> {
  const script = path.resolve(__dirname, '../../scripts/build-sidebar.mjs');
  const mod = (await import(pathToFileURL(script).href)) as { sidebarHtml(): Promise<string> };
  return mod.sidebarHtml();
}

/** Stands in for google.script.run: each call posts its arguments and hands back the answer. */
function shim(): string {
  const names = JSON.stringify(API_FUNCTIONS);
  return `<script>
(function () {
  var names = ${names};
  function runner(success, failure) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure); },
      withFailureHandler: function (f) { return runner(success, f); },
      withUserObject: function () { return r; }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/api/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ args: args }) })
          .then(function (res) { return res.json().then(function (body) { return { status: res.status, body: body }; }); })
          .then(function (answer) {
            if (answer.status === 200) { if (success) success(answer.body.value); }
            else if (failure) failure(new Error(answer.body && answer.body.message ? answer.body.message : 'HTTP ' + answer.status));
          })
          .catch(function (e) { if (failure) failure(e); });
      };
    });
    return r;
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;
}

/** The staff member to sign in as when --as is not given: the careers leader. */
function defaultUser(workbook: XlsxWorkbook): string {
  const tracker = loadTracker(workbook);
  const leader = tracker.settings.careersLeaderEmail ?? tracker.staff.find((m) => m.roles.includes('Careers leader'))?.email;
  if (!leader) throw new Error('Say who to sign in as with --as EMAIL (the tracker names no careers leader).');
  return leader;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const file = path.resolve(options.workbook);
  let workbook = await XlsxWorkbook.open(file);
  let loadedAs = fingerprint(file);
  const as = (options.as ?? defaultUser(workbook)).trim().toLowerCase();
  const page = (options.html ?? (await builtSidebarHtml())).replace('</head>', `${shim()}\n</head>`);
  const ctx: JobContext = {
    workbook,
    clock: new NodeClock(options.today ?? null),
    lock: new ProcessLock(),
    documentProperties: new MemoryProperties(),
    userProperties: new MemoryProperties(),
    user: { email: () => as },
  };
  const failures = new Map<string, string>();
  let saveFault: (() => Error) | null = null;
  const calls: string[] = [];
  // One call at a time, saves included: two writes never interleave on the file.
  let queue: Promise<unknown> = Promise.resolve();

  /** Reads the file again when anything else saved it since it was read. */
  const fresh = async () => {
    const now = fingerprint(file);
    if (now === loadedAs) return;
    workbook = await XlsxWorkbook.open(file);
    ctx.workbook = workbook;
    loadedAs = now;
  };
  const props = ctx.documentProperties as MemoryProperties;

  const answer = async (name: ApiFunction, args: unknown[]): Promise<{ status: number; body: unknown }> => {
    calls.push(name);
    const failure = failures.get(name);
    if (failure !== undefined) {
      failures.delete(name);
      return { status: 500, body: { message: failure } };
    }
    if (!WRITES.includes(name)) {
      await fresh();
      return { status: 200, body: { value: JSON.parse(JSON.stringify(callMentorLogApi(ctx, name, args))) } };
    }
    // A write: under the workbook lock, on the file as it is now, saved before it is reported (or
    // its request id remembered, so a retry after a failed save is saved, not called a duplicate).
    const lock = await WorkbookLock.acquire(file, 'preview');
    try {
      await fresh();
      const before = props.snapshot();
      const writesBefore = workbook.calls.writes;
      const result = callMentorLogApi(ctx, name, args);
      if (workbook.calls.writes !== writesBefore) {
        try {
          if (saveFault) throw saveFault();
          await workbook.save(file);
          loadedAs = fingerprint(file);
        } catch (e) {
          // Nothing of this call stays in memory: the file as saved is the truth.
          props.restore(before);
          loadedAs = '';
          process.stderr.write(`preview: saving ${file} failed: ${(e as Error).message}\n`);
          return { status: 500, body: { message: `The tracker could not be saved (${reasonFor(e)}). Nothing was saved: try again in a moment.` } };
        }
      }
      // What google.script.run would carry: JSON only.
      return { status: 200, body: { value: JSON.parse(JSON.stringify(result)) } };
    } finally {
      lock.release();
    }
  };

  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(body);
    };
    const json = (status: number, body: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(body));
    // Only this machine's browser, by name: no other site can drive the preview (DNS rebinding).
    const host = String(req.headers.host ?? '');
    const port = (server.address() as AddressInfo).port;
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(403, 'text/plain', 'Forbidden');
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) return send(200, 'text/html; charset=utf-8', page);
    if (req.method === 'GET' && url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    const m = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m || req.method !== 'POST') return send(404, 'text/plain', 'Not found');
    const name = m[1] as ApiFunction;
    if (!API_FUNCTIONS.includes(name)) return json(404, { message: `No server function ${name}` });
    // A JSON content type cannot be sent by another site without a CORS preflight, which is never granted.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return json(415, { message: 'JSON only' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      let args: unknown[];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        args = Array.isArray(body?.args) ? body.args : [];
      } catch {
        return json(400, { message: 'The request was not JSON.' });
      }
      const run = queue.then(() => answer(name, args));
      queue = run.catch(() => undefined);
      run.then(
        (r) => json(r.status, r.body),
        (e) => {
          // A plain message for the sidebar; the details (which may name server paths) stay here.
          process.stderr.write(`preview: ${name} failed: ${(e as Error).message}\n`);
          json(e instanceof WorkbookBusyError ? 503 : 500, {
            message: e instanceof WorkbookBusyError
              ? 'Another run is saving the tracker right now. Nothing was saved: try again in a moment.'
              : 'The tracker could not be read or saved just now. Nothing was saved: try again in a moment.',
          });
        },
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    as,
    calls,
    failNext: (fn, message = 'The tracker could not be saved (a test failure).') => {
      failures.set(fn, message);
    },
    failNextSave: (error) => {
      saveFault = () => {
        saveFault = null;
        return error();
      };
    },
    close: async () => {
      await queue;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Changes whenever the file is replaced or rewritten (a save renames a new file into place). */
function fingerprint(file: string): string {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : 'missing';
}

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: { workbook: { type: 'string' }, as: { type: 'string' }, port: { type: 'string' }, today: { type: 'string' } },
    }).values;
  } catch (e) {
    process.stderr.write(`preview: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const usage = 'Usage: npm run preview -- --workbook FILE [--as EMAIL] [--port N] [--today YYYY-MM-DD]';
  if (!values.workbook) {
    process.stderr.write(`preview: say which tracker to open with --workbook FILE\n${usage}\n`);
    return 2;
  }
  if (!fs.existsSync(values.workbook)) {
    process.stderr.write(`preview: no such workbook: ${values.workbook}\n`);
    return 2;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '8080') || port > 65535) {
    process.stderr.write(`preview: --port must be a whole number from 0 to 65535, not "${values.port}"\n`);
    return 2;
  }
  const t = values.today === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.today);
  if (values.today !== undefined && (!t || !makeDay(+t[1], +t[2], +t[3]))) {
    process.stderr.write(`preview: --today must be a date written YYYY-MM-DD, not "${values.today}"\n`);
    return 2;
  }
  let preview: Preview;
  try {
    preview = await startPreview({ workbook: values.workbook, as: values.as, port, today: values.today });
  } catch (e) {
    process.stderr.write(`preview: ${(e as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  process.stdout.write(
    `Mentor log preview of ${values.workbook}, signed in as ${preview.as}:\n  http://localhost:${preview.port}/\n` +
    'Meetings you save are written to the workbook. Press Ctrl+C to stop.\n',
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stdout.write('\nStopping the preview.\n');
      preview.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

if (typeof require !== 'undefined' && require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
