/**
 * careers-tracker <command> [--workbook FILE] [--evidence DIR] [--outbox DIR]
 *                           [--today YYYY-MM-DD] [--quota N] [--json]
 */
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, type CliOptions, type Command, type CommandOutput } from './commands';
import { XlsxWorkbook, WorkbookReadError } from './xlsx-workbook';
import { nodeContext } from './context';
import { Outbox } from './outbox';
import { progressBar } from './output';
import { makeDay } from '../domain/calendar';
import { prepareDemo, DEMO_DAY } from './demo';

import { UsageError } from './errors';

export { UsageError };

const USAGE = `Usage: careers-tracker <command> [--workbook FILE] [--evidence DIR] [--outbox DIR]
                          [--today YYYY-MM-DD] [--quota N] [--json]

Commands:
${[...COMMANDS.map((c) => [c.name, c.summary]), ['demo', 'copies the bundled sample into ./demo-output/ and runs every job on the copy']]
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
        out: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError('help');
  const command = positionals[0];
  const takesArg = COMMANDS.find((c) => c.name === command)?.argument;
  if (positionals.length !== 1 && !(takesArg && positionals.length === 2)) throw new UsageError(positionals.length === 0 ? 'Say which command to run, e.g. careers-tracker check --workbook tracker.xlsx' : `One command at a time, not "${positionals.join(' ')}"`);
  if (command !== 'demo' && !COMMANDS.some((c) => c.name === command)) throw new UsageError(`Unknown command "${command}". Commands: ${[...COMMANDS.map((c) => c.name), 'demo'].join(', ')}`);
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
      out: values.out, argument: positionals[1],
    },
  };
}

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

async function runOne(command: Command, options: CliOptions, io: Io): Promise<CommandOutput> {
  if (!options.workbook) throw new UsageError(`${command.name} needs --workbook FILE (a tracker downloaded as .xlsx)`);
  const exists = fs.existsSync(options.workbook);
  // `setup` on a file that does not exist yet starts a new tracker; every other job needs one.
  if (!exists && command.name !== 'setup') throw new WorkbookReadError(`No such workbook: ${options.workbook}`);
  const workbook = exists ? await XlsxWorkbook.open(options.workbook) : XlsxWorkbook.empty();
  const progress = !options.json && io.progressStream ? progressBar(io.progressStream) : undefined;
  const ctx = nodeContext(options, workbook, progress);
  const out = await command.run({ options, workbook, ctx });
  // Emails first, then the workbook whose Log records them.
  if (ctx.mail instanceof Outbox) await ctx.mail.flush();
  if (out.changed !== false) await workbook.save(options.workbook);
  return out;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
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
      for (const c of COMMANDS.filter((x) => x.demo !== false)) {
        const out = await runOne(c, demo.options, io);
        results[c.name] = out.json;
        texts.push(`\n== ${c.name} ==\n${out.text}`);
      }
      texts.push(`\nOpen ${path.relative(process.cwd(), demo.options.workbook!)} to see the tabs the jobs wrote; emails are in ${path.relative(process.cwd(), demo.options.outbox!)}/.`);
      io.stdout(options.json ? `${JSON.stringify({ asOf: demo.options.today, workbook: demo.options.workbook, results })}\n` : `${texts.join('\n')}\n`);
      return 0;
    }
    const c = COMMANDS.find((x) => x.name === command)!;
    const out = await runOne(c, options, io);
    io.stdout(options.json ? `${JSON.stringify(out.json)}\n` : `${out.text}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof WorkbookReadError) {
      io.stderr(`careers-tracker: ${e.message.split('\n')[0]}\n`);
      return 2;
    }
    io.stderr(`careers-tracker: ${(e as Error).message.split('\n')[0]}\n`);
    return 1;
  }
}

export { DEMO_DAY };
