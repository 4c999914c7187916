/**
 * careers-tracker record --pupil ID --kind pupil|transition|sar --out FILE
 * careers-tracker record --year 11 --kind transition --out DIR
 *
 * FILE ending .pdf is printed through Chromium, .html is the document itself; a SAR writes its
 * workbook (.xlsx) and the pupil's record beside each other: `--out sar.xlsx` gives sar.xlsx and
 * sar.pdf, `--out sar.html` gives sar.html and sar.xlsx. The batch writes one PDF per Year 11
 * with Consent to share into DIR. Files are written before the workbook (with its Log lines) is
 * saved; a refusal writes nothing and exits 1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from './commands';
import { UsageError } from './errors';
import { type MadeRecord, type RecordRequest, makeRecords } from '../jobs/records';
import { RECORD_KINDS, type RecordKind, type SarTab } from '../domain/records';
import { printPdfs } from './pdf';
import { XlsxWorkbook } from './xlsx-workbook';
import { table } from './output';

interface Planned {
  record: MadeRecord;
  /** the printed document's file, and the SAR's workbook */
  file: string;
  workbook?: string;
}

/** Counts a PDF's pages (its page objects). */
export function pdfPages(bytes: Buffer): number {
  return (bytes.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

async function writeSarWorkbook(tabs: SarTab[], file: string): Promise<void> {
  const book = XlsxWorkbook.empty();
  for (const t of tabs) {
    const name = t.name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
    book.createTab(name);
    const width = Math.max(1, ...t.rows.map((r) => r.length));
    book.writeCells(name, 1, 1, t.rows.map((r) => [...r, ...new Array(width - r.length).fill('')]));
  }
  if (tabs.length === 0) book.createTab('Nothing found');
  const tmp = `${file}.${process.pid}.tmp`;
  await book.save(tmp);
  fs.renameSync(tmp, file);
}

export const record: Command = {
  name: 'record',
  summary: "makes a pupil's record (--pupil ID --kind pupil|transition|sar --out FILE), or Year 11 transition documents (--year 11 --kind transition --out DIR)",
  run({ options, ctx }) {
    const kind = options.kind as RecordKind | undefined;
    if (!kind || !RECORD_KINDS.includes(kind)) throw new UsageError(`record needs --kind pupil, transition or sar${kind ? `, not "${kind}"` : ''}`);
    if (!options.out) throw new UsageError('record needs --out FILE (.pdf or .html; .xlsx for a subject access request), or --out DIR with --year 11');
    let request: RecordRequest;
    if (options.year !== undefined) {
      if (options.pupil) throw new UsageError('record takes --pupil ID or --year 11, not both');
      if (options.year !== '11' || kind !== 'transition') throw new UsageError('record --year works for --year 11 --kind transition only');
      if (fs.existsSync(options.out) && !fs.statSync(options.out).isDirectory()) throw new UsageError(`--out ${options.out} is a file: give a folder for the Year 11 transition documents`);
      request = { kind: 'transition', year: 11 };
    } else {
      if (!options.pupil) throw new UsageError('record needs --pupil ID (or --year 11 for the transition batch)');
      const ext = path.extname(options.out).toLowerCase();
      const allowed = kind === 'sar' ? ['.pdf', '.html', '.xlsx'] : ['.pdf', '.html'];
      if (!allowed.includes(ext)) throw new UsageError(`--out must end ${allowed.join(', ')} for a ${kind} record, not "${path.basename(options.out)}"`);
      if (!fs.existsSync(path.dirname(path.resolve(options.out)))) throw new UsageError(`No such folder: ${path.dirname(options.out)}`);
      request = { kind, pupilId: options.pupil };
    }

    const planned: Planned[] = [];
    const result = makeRecords(ctx, request, {
      checkRoles: false,
      deliver: (made) => {
        for (const m of made) {
          if ('year' in request) {
            planned.push({ record: m, file: path.join(options.out!, `${m.fileBase}.pdf`) });
            continue;
          }
          const out = options.out!;
          const base = out.slice(0, out.length - path.extname(out).length);
          const isXlsx = path.extname(out).toLowerCase() === '.xlsx';
          planned.push({ record: m, file: isXlsx ? `${base}.pdf` : out, workbook: m.sar ? (isXlsx ? out : `${base}.xlsx`) : undefined });
        }
        return made.length;
      },
    });

    const files: { pupilId: string; name: string; kind: RecordKind; file: string; bytes: number; pages?: number; workbook?: string }[] = [];
    const json = {
      kind, asOf: result.asOf, askedBy: result.askedBy, files,
      withoutConsent: result.withoutConsent.map((p) => ({ pupilId: p.id, name: p.name })),
    };
    const out = { json, text: '', finish: async () => {
      if ('year' in request) fs.mkdirSync(options.out!, { recursive: true });
      const pdfs = planned.filter((p) => p.file.toLowerCase().endsWith('.pdf'));
      const printed = new Map((await printPdfs(pdfs.map((p) => ({ html: p.record.html, file: p.file })))).map((r) => [r.file, r.bytes]));
      for (const p of planned) {
        if (!printed.has(p.file)) fs.writeFileSync(p.file, p.record.html);
        if (p.workbook && p.record.sar) await writeSarWorkbook(p.record.sar, p.workbook);
        const bytes = printed.get(p.file) ?? fs.statSync(p.file).size;
        const pages = printed.has(p.file) ? pdfPages(fs.readFileSync(p.file)) : undefined;
        files.push({ pupilId: p.record.pupil.id, name: p.record.pupil.name, kind: p.record.kind, file: p.file, bytes, pages, workbook: p.workbook });
      }
      const lines = [files.length === 0 ? 'No record made.' : table(['Pupil ID', 'Name', 'File', 'Size'], files.map((f) => [
        f.pupilId, f.name, f.workbook ? `${f.file} + ${f.workbook}` : f.file, `${Math.round(f.bytes / 1024)} KB${f.pages ? `, ${f.pages} page${f.pages === 1 ? '' : 's'}` : ''}`,
      ]))];
      if (result.withoutConsent.length) {
        lines.push('', `No transition document for ${result.withoutConsent.length} Year 11 pupil${result.withoutConsent.length === 1 ? '' : 's'} without "Yes" in Consent to share:`,
          ...result.withoutConsent.map((p) => `  ${p.id}  ${p.name}`));
      }
      out.text = lines.join('\n');
    } };
    return out;
  },
};
