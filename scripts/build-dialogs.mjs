// Builds the dialogs HtmlService serves: build/la-return.html (the local authority's CSV files,
// made with papaparse in the browser). One self-contained file each, like the sidebar.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const STYLE = 'body{font:14px/1.4 Arial,sans-serif;margin:12px;color:#202124}button{display:block;width:100%;margin:6px 0;padding:8px;font:inherit;text-align:left;cursor:pointer}'
  + '.error{color:#b3261e}small{color:#5f6368}';

export async function laReturnHtml() {
  const js = await build({
    entryPoints: [path.join(root, 'src/ui/la-return-dialog.ts')], bundle: true, format: 'iife', target: 'es2019',
    platform: 'browser', supported: { 'template-literal': false }, minify: true, legalComments: 'none', write: false, logLevel: 'silent',
  });
  const script = js.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  return [
    '<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">', '<base target="_top">',
    '<title>Export for the local authority</title>', `<style>${STYLE}</style>`, '</head>', '<body>',
    '<p>Each file is a CSV (UTF-8) for the local authority. It downloads to this computer; nothing is saved in Drive.</p>',
    '<button type="button" data-kind="y11">September Guarantee: Year 11 <small>(september-guarantee-y11.csv)</small></button>',
    '<button type="button" data-kind="y12">September Guarantee: Year 12 <small>(september-guarantee-y12.csv)</small></button>',
    '<button type="button" data-kind="destinations">Leavers\' destinations <small>(destinations.csv)</small></button>',
    '<p id="status" role="status"></p>',
    `<script>${script}</script>`, '</body>', '</html>', '',
  ].join('\n');
}

export async function buildDialogs(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const html = await laReturnHtml();
  const file = path.join(outDir, 'la-return.html');
  fs.writeFileSync(file, html);
  return [{ file, bytes: Buffer.byteLength(html) }];
}
