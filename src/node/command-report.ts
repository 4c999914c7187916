/**
 * careers-tracker report --out FILE.pdf|FILE.html: the governors' report, one HTML document laid
 * out for A4; a .pdf is printed by Chromium (through playwright-core).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from './commands';
import { UsageError } from './errors';
import { gatherReportData } from '../jobs/report';
import { HEADLINE, renderReport } from '../domain/report-html';
import { appendLog, loadTracker, nowFor } from '../jobs/context';
import { NoChromiumError, printPdf } from './pdf';

export const report: Command = {
  name: 'report',
  summary: "the governors' report (--out FILE.pdf or FILE.html)",
  async run({ ctx, options }) {
    const out = options.out ?? options.reportOut;
    if (!out || !/\.(pdf|html?)$/i.test(out)) throw new UsageError('report needs --out FILE.pdf or --out FILE.html');
    if (!fs.existsSync(path.dirname(path.resolve(out)))) throw new UsageError(`No such folder: ${path.dirname(out)}`);
    const data = gatherReportData(ctx);
    const html = renderReport(data);
    let file = path.resolve(out);
    let note = '';
    if (/\.pdf$/i.test(file)) {
      try {
        await printPdf(html, file);
      } catch (e) {
        if (!(e instanceof NoChromiumError) || options.out) throw e;
        file = file.replace(/\.pdf$/i, '.html');
        note = 'Chromium is not installed, so the report was saved as HTML instead of PDF: open it in a browser and print it (install Chromium for the PDF: apt-get install -y chromium).';
      }
    }
    if (/\.html?$/i.test(file)) {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, html);
      fs.renameSync(tmp, file);
    }
    const bytes = fs.statSync(file).size;
    const tracker = loadTracker(ctx.workbook);
    appendLog(ctx, nowFor(ctx, tracker), [{ job: 'report', outcome: 'ok', details: `Governors' report: ${path.basename(file)}, ${bytes} bytes` }], tracker);
    const text = [
      `Governors' report for ${data.academicYear}, as of ${data.asOf}: ${file} (${bytes.toLocaleString('en-GB')} bytes; HTML ${Buffer.byteLength(html).toLocaleString('en-GB')} bytes).`,
      `${HEADLINE(data.achieved)}.`,
      ...(note ? [note] : []),
    ].join('\n');
    return { json: { ...data, file, bytes, htmlBytes: Buffer.byteLength(html), format: /\.pdf$/i.test(file) ? 'pdf' : 'html' }, text };
  },
};
