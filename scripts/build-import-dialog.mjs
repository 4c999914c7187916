// Builds build/import-pupils.html: the MIS import dialog, one self-contained file with its CSV
// parser (papaparse), as HtmlService.createHtmlOutputFromFile('import-pupils') serves it. None of
// it goes into build/Code.js.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const BODY = `<p>Export your pupils on roll from the MIS (SIMS, Arbor, Bromcom, iSAMS…) as CSV, with a column for the UPN
or admission number and the pupils' names. Nothing changes until you press Apply; careers columns and your own
columns are never touched.</p>
<p><label>A CSV file from your computer: <input type="file" id="file" accept=".csv,.txt,.tsv,.xlsx,.xls"></label></p>
<p><label>or a link to a CSV or Google Sheet in Drive: <input type="url" id="link" size="48"></label>
<button id="read-link">Read</button></p>
<p id="status" role="status"></p>
<div id="report"></div>
<p class="buttons"><button id="apply" class="action" disabled>Apply</button> <button id="close">Close</button></p>`;

const STYLE = `body{font:13px/1.4 Arial,sans-serif;margin:8px;color:#202124}table{border-collapse:collapse;margin:4px 0 12px}
th,td{border:1px solid #dadce0;padding:2px 6px;text-align:left;vertical-align:top}th{background:#f1f3f4}h3{font-size:13px;margin:12px 0 4px}
.bad{color:#b3261e}.summary{font-weight:bold}.buttons{position:sticky;bottom:0;background:#fff;padding:6px 0}
button.action{background:#1a73e8;color:#fff;border:0;border-radius:4px;padding:6px 16px}button:disabled{opacity:.5}`;

export async function dialogHtml() {
  const js = await build({
    entryPoints: [path.join(root, 'src/ui/import-pupils.ts')], bundle: true, format: 'iife', target: 'es2019',
    platform: 'browser', supported: { 'template-literal': false }, minify: true, legalComments: 'none', write: false, logLevel: 'silent',
  });
  const script = js.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  return ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">', '<base target="_top">',
    '<title>Import pupils from MIS export</title>', `<style>${STYLE}</style>`, '</head>', '<body>', BODY,
    `<script>${script}</script>`, '</body>', '</html>', ''].join('\n');
}

export async function buildImportDialog(outDir) {
  const html = await dialogHtml();
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'import-pupils.html');
  fs.writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html) };
}
