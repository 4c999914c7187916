/**
 * careers-tracker <command> [--workbook FILE] [--evidence DIR] [--outbox DIR]
 *                           [--today YYYY-MM-DD] [--quota N] [--json]
 */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, OTHER_COMMANDS, type CliOptions, type Command, type CommandOutput } from './commands';
import { XlsxWorkbook, WorkbookReadError } from './xlsx-workbook';
import { nodeContext, outboxFolder } from './context';
import { Journal, journalFileFor, missingLogRows, type JournalMail } from './journal';
import { WorkbookLock } from './workbook-lock';
import { TabClashError } from '../domain/tab-names';
import { LOG_TAB } from '../domain/schema';
import { ensureTab } from '../jobs/tabs';
import { Outbox } from './outbox';
import { progressBar } from './output';
import { makeDay } from '../domain/calendar';
import { prepareDemo, DEMO_DAY } from './demo';

import { UsageError } from './errors';

export { UsageError };

const USAGE = `Usage: careers-tracker <command> [--workbook FILE] [--evidence DIR] [--outbox DIR]
                          [--today YYYY-MM-DD] [--quota N] [--from-file F] [--apply] [--json]

Commands:
${[...COMMANDS.map((c) => [c.name, c.summary]), ...OTHER_COMMANDS.map((c) => [c.name, c.summary]), ['demo', 'copies the bundled sample into ./demo-output/ and runs every job on the copy']]
  .map(([n, s]) => `  ${n.padEnd(17)} ${s}`).join('\n')}`;

export function parseOptions(argv: string[]): { command: string; options: CliOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        workbook: { type: 'string' }, evidence: { type: 'string' }, outbox: { type: 'string' },
        today: { type: 'string' }, quota: { type: 'string' }, json: { type: 'boolean', default: false },
        'api-key': { type: 'string' }, 'from-file': { type: 'string' }, help: { type: 'boolean', short: 'h' },
        pupil: { type: 'string' }, year: { type: 'string' },
        kind: { type: 'string' }, out: { type: 'string' }, apply: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('help');
  const command = positionals[0];
  const takesArg = ALL().find((c) => c.name === command)?.argument;
  if (positionals.length !== 1 && !(takesArg && positionals.length === 2)) throw new UsageError(positionals.length === 0 ? 'Say which command to run, e.g. careers-tracker check --workbook tracker.xlsx' : `One command at a time, not "${positionals.join(' ')}"`);
  if (command !== 'demo' && !ALL().some((c) => c.name === command)) throw new UsageError(`Unknown command "${command}". Commands: ${[...ALL().map((c) => c.name), 'demo'].join(', ')}`);
  if (values.today !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.today);
    if (!m || !makeDay(+m[1], +m[2], +m[3])) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${values.today}"`);
  }
  let quota: number | undefined;
  if (values.quota !== undefined) {
    quota = Number(values.quota);
    if (!/^\d+$/.test(values.quota)) throw new UsageError(`--quota must be a whole number, not "${values.quota}"`);
  }
  return {
    command,
    options: {
      workbook: values.workbook, evidence: values.evidence, outbox: values.outbox, today: values.today, quota,
      json: values.json ?? false, apiKey: values['api-key'], fromFile: values['from-file'],
      pupil: values.pupil, year: values.year,
      kind: values.kind, out: values.out, apply: values.apply ?? false, argument: positionals[1],
    },
  };
}

const ALL = (): Command[] => [...COMMANDS, ...OTHER_COMMANDS];

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  progressStream?: NodeJS.WriteStream;
}

const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  progressStream: process.stderr,
};

/** The commands that draft emails into the outbox. */
const SENDING = new Set(['unplaced', 'bulletin', 'destinations', 'programme']);

async function runOne(command: Command, options: CliOptions, io: Io): Promise<CommandOutput> {
  if (!options.workbook) throw new UsageError(`${command.name} needs --workbook FILE (a tracker downloaded as .xlsx)`);
  if (options.outbox !== undefined || SENDING.has(command.name)) checkOutbox(outboxFolder(options), options.outbox !== undefined);
  const folder = path.dirname(path.resolve(options.workbook));
  if (!isFolder(folder)) throw new WorkbookReadError(`No such folder for the workbook: ${path.dirname(options.workbook)}`);
  // One run at a time per workbook: the lock is held from the first read to the last write.
  const lock = await WorkbookLock.acquire(options.workbook, command.name);
  try {
    const exists = fs.existsSync(options.workbook);
    // `setup` on a file that does not exist yet starts a new tracker; every other job needs one.
    if (!exists && command.name !== 'setup') throw new WorkbookReadError(`No such workbook: ${options.workbook}`);
    const workbook = exists ? await XlsxWorkbook.open(options.workbook) : XlsxWorkbook.empty();
    // What a run cut off half-way sent (its journal) is in the Log before this job reads it.
    const journal = new Journal(journalFileFor(options.workbook));
    const recovered = await recoverJournal(workbook, journal);
    workbook.journal = journal;
    const progress = !options.json && io.progressStream ? progressBar(io.progressStream) : undefined;
    const ctx = nodeContext(options, workbook, progress, journal);
    const out = await command.run({ options, workbook, ctx });
    if (out.finish) await out.finish();
    // Emails first, then the workbook whose Log records them; the journal goes once both are safe.
    if (ctx.mail instanceof Outbox) await ctx.mail.flush();
    if ((out.changed !== false && !out.exitCode) || recovered) {
      // What a save leaves out is kept in a copy of the file as it was, made once, and named.
      const original = workbook.notKept.length > 0 ? keepOriginal(options.workbook) : null;
      await workbook.save(options.workbook);
      if (original) {
        io.stderr(`careers-tracker: note: ${options.workbook} had ${workbook.notKept.join('; ')}. The saved workbook keeps every value but not these; the file as it was is kept as ${original}.\n`);
      }
    }
    journal.remove();
    return out;
  } finally {
    lock.release();
  }
}

/** Copies the workbook to `NAME.original.xlsx` beside it, unless that copy is already there; returns its path. */
function keepOriginal(file: string): string {
  const copy = file.replace(/(\.xlsx)?$/i, '.original.xlsx');
  if (!fs.existsSync(copy)) fs.copyFileSync(file, copy);
  return copy;
}

/** Merges an earlier run's journal: its Log lines not yet in the Log, its emails not yet in their outbox. */
async function recoverJournal(workbook: XlsxWorkbook, journal: Journal): Promise<boolean> {
  const entries = journal.read();
  if (entries.length === 0) return false;
  const logRows = entries.flatMap((e) => ('log' in e ? e.log : []));
  const mails = entries.flatMap((e): JournalMail[] => ('mail' in e ? [e.mail] : []));
  await Outbox.writeRecovered(mails);
  if (logRows.length > 0) {
    const header = ensureTab(workbook, LOG_TAB);
    const existing = (workbook.readTab(LOG_TAB.name) ?? []).slice(header.headerRow);
    const missing = missingLogRows(existing, logRows);
    if (missing.length > 0) workbook.appendRows(LOG_TAB.name, missing);
  }
  return true;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A bad --outbox is a bad command line: said plainly, before anything is read or written. */
function checkOutbox(folder: string, given: boolean): void {
  const what = given ? `--outbox ${folder}` : `The outbox folder ${folder}`;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (stat && !stat.isDirectory()) throw new UsageError(`${what} is a file, not a folder: give a folder for the emails.`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'part of that path is a file, not a folder'
      : code === 'EACCES' || code === 'EPERM' ? 'permission was refused' : code === 'EROFS' ? 'the disk is read-only' : `the system said ${code ?? 'no'}`;
    throw new UsageError(`${what} cannot be used for the emails: ${why}.`);
  }
}

/** `careers-tracker check | head`: the reader closing the pipe ends the run quietly. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
  let parsed;
  try {
    parsed = parseOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message === 'help') {
        io.stdout(`${USAGE}\n`);
        return 0;
      }
      io.stderr(`careers-tracker: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { command, options } = parsed;
  try {
    if (command === 'demo') {
      const demo = prepareDemo(process.cwd(), options);
      const results: Record<string, unknown> = {};
      const texts: string[] = [`Demo on a copy of the sample tracker, as of ${demo.options.today}: ${path.relative(process.cwd(), demo.options.workbook!)}`];
      if (demo.keptAs) texts.push(`Your earlier demo-output/ is kept, untouched, as ${path.relative(process.cwd(), demo.keptAs)}/.`);
      for (const c of COMMANDS) {
        const out = await runOne(c, demo.options, io);
        results[c.name] = out.json;
        texts.push(`\n== ${c.name} ==\n${out.text}`);
      }
      texts.push(`\nOpen ${path.relative(process.cwd(), demo.options.workbook!)} to see the tabs the jobs wrote; emails are in ${path.relative(process.cwd(), demo.options.outbox!)}/.`);
      io.stdout(options.json ? `${JSON.stringify({ asOf: demo.options.today, workbook: demo.options.workbook, results })}\n` : `${texts.join('\n')}\n`);
      return 0;
    }
    const c = ALL().find((x) => x.name === command)!;
    const out = await runOne(c, options, io);
    io.stdout(options.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
    if (out.exitCode) io.stderr(`careers-tracker: ${(out.error ?? 'the job could not run').split('\n')[0]}\n`);
    return out.exitCode ?? 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkbookReadError || e instanceof TabClashError) {
      io.stderr(`careers-tracker: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    io.stderr(`careers-tracker: ${(e as Error).message.split('\n')[0]}\n`);
    return 1;
  }
}

export { DEMO_DAY };
