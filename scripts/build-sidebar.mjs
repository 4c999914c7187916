// Builds build/sidebar.html: the mentor log sidebar (Preact) and its CSS in ONE self-contained
// file, as HtmlService.createHtmlOutputFromFile('sidebar') serves it. Template literals are
// compiled away because HtmlService strips text after `//` inside them.
import { build, transform } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ENTRY = path.join(root, 'src/ui/main.tsx');
const CSS = path.join(root, 'src/ui/sidebar.css');

/** The sidebar as one HTML string. */
export async function sidebarHtml() {
  const js = await build({
    entryPoints: [ENTRY], bundle: true, format: 'iife', target: 'es2019', platform: 'browser',
    supported: { 'template-literal': false }, jsx: 'automatic', jsxImportSource: 'preact',
    minify: true, legalComments: 'none', write: false, logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const css = await transform(fs.readFileSync(CSS, 'utf8'), { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] });
  // Nothing inside the inline script or style may close its element early.
  const script = js.outputFiles[0].text.trim().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const style = css.code.trim().replace(/<\/(style)/gi, '<\\/$1');
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<base target="_top">',
    '<title>Mentor log</title>',
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Writes build/sidebar.html (called by scripts/build.mjs). */
export async function buildSidebar(outDir) {
  const html = await sidebarHtml();
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'sidebar.html');
  fs.writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const { file, bytes } = await buildSidebar(path.join(root, 'build'));
  console.log(`${path.relative(root, file)}: ${bytes} bytes`);
}
