// Builds what `clasp push` uploads: build/Code.js (one IIFE with a top-level forwarding function
// for every entry point), build/appsscript.json and build/sidebar.html (one self-contained file).
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'build');
const GLOBAL = 'CareersTracker';
const ENTRY = path.join(root, 'src/gas/addon.ts');

/** The entry's exports, read from an ESM build's metafile: these become Apps Script's top-level functions. */
export async function entryPoints() {
  const probe = await build({
    entryPoints: [ENTRY], bundle: true, format: 'esm', write: false, metafile: true, platform: 'neutral',
    target: 'es2019', logLevel: 'silent', outfile: 'probe.js',
  });
  return Object.values(probe.metafile.outputs)[0].exports;
}

export async function buildAll() {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const names = await entryPoints();
  const bad = names.filter((n) => n.endsWith('_'));
  if (bad.length) throw new Error(`Entry points must not end with _: ${bad.join(', ')}`);
  const footer = names.map((n) => `function ${n}() { return ${GLOBAL}.${n}.apply(this, arguments); }`).join('\n');
  await build({
    entryPoints: [ENTRY], bundle: true, format: 'iife', globalName: GLOBAL, target: 'es2019',
    platform: 'neutral', mainFields: ['module', 'main'], minify: true, legalComments: 'none',
    charset: 'utf8', outfile: path.join(out, 'Code.js'),
    banner: { js: '/** Careers Tracker: built file, do not edit. @OnlyCurrentDoc */' },
    footer: { js: footer },
  });
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(out, 'appsscript.json'));
  const sidebar = path.join(root, 'scripts/build-sidebar.mjs');
  if (fs.existsSync(sidebar)) await (await import(sidebar)).buildSidebar(out);
  await (await import(path.join(root, 'scripts/build-report-dialog.mjs'))).buildReportDialog(out);
  const dialogs = path.join(root, 'scripts/build-dialogs.mjs');
  if (fs.existsSync(dialogs)) await (await import(dialogs)).buildDialogs(out);
  const importDialog = path.join(root, 'scripts/build-import-dialog.mjs');
  if (fs.existsSync(importDialog)) await (await import(importDialog)).buildImportDialog(out);
  return { names, bytes: fs.statSync(path.join(out, 'Code.js')).size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { names, bytes } = await buildAll();
  console.log(`build/Code.js: ${bytes} bytes, ${names.length} entry points (${names.join(', ')})`);
}
