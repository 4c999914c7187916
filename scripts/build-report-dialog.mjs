// Builds build/report.html: the Governors' report dialog in ONE self-contained file, as
// HtmlService.createHtmlOutputFromFile('report') serves it. Built like the sidebar.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function reportDialogHtml() {
  const js = await build({
    entryPoints: [path.join(root, 'src/ui/report-dialog.ts')], bundle: true, format: 'iife', target: 'es2019', platform: 'browser',
    supported: { 'template-literal': false }, minify: true, legalComments: 'none', write: false, logLevel: 'silent',
  });
  const script = js.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const style = 'body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#202124}'
    + '#bar{display:flex;gap:8px;align-items:center;padding:8px 0}'
    + 'button{font:inherit;padding:6px 14px;border:1px solid #1b6ac9;border-radius:4px;background:#1b6ac9;color:#fff;cursor:pointer}'
    + 'button.plain{background:#fff;color:#1b6ac9}button:disabled{opacity:.5;cursor:default}'
    + '#status{color:#5f6368}#status.bad{color:#c5221f}'
    + 'iframe{width:100%;height:560px;border:1px solid #dadce0}';
  return [
    '<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">', '<base target="_top">',
    '<title>Governors\' report</title>', `<style>${style}</style>`, '</head>', '<body>',
    '<div id="bar"><button id="email" disabled>Email me the PDF</button><button id="print" class="plain" disabled>Print</button><span id="status" role="status">Gathering the figures…</span></div>',
    '<iframe id="report" title="Governors\' report"></iframe>',
    `<script>${script}</script>`, '</body>', '</html>', '',
  ].join('\n');
}

export async function buildReportDialog(outDir) {
  const html = await reportDialogHtml();
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'report.html');
  fs.writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html) };
}
