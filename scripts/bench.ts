/**
 * npm run bench: the bundle sizes, and for each job at each size the spreadsheet calls (through the
 * Apps Script fake) and the wall time of the job in Node. Each bench/*.ts file adds its cases.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { buildSync } from 'esbuild';

export interface BenchCase {
  name: string;
  sizes: number[];
  run(size: number): { calls: number; ms: number; note?: string };
}

function bundleSizes(): [string, string][] {
  const root = path.resolve(__dirname, '..');
  const rows: [string, string][] = [];
  const code = path.join(root, 'build/Code.js');
  if (fs.existsSync(code)) {
    rows.push(['build/Code.js (minified)', `${fs.statSync(code).size.toLocaleString('en-GB')} bytes`]);
    rows.push(['build/Code.js load', loadTime(fs.readFileSync(code, 'utf8'))]);
  }
  const sidebar = path.join(root, 'build/sidebar.html');
  if (fs.existsSync(sidebar)) rows.push(['build/sidebar.html', `${fs.statSync(sidebar).size.toLocaleString('en-GB')} bytes`]);
  // What zod/mini adds to the server bundle on its own, for comparison.
  const zodOnly = buildSync({
    stdin: { contents: "import * as z from 'zod/mini'; export const s = z.object({ a: z.string() });", resolveDir: root },
    bundle: true, minify: true, format: 'iife', target: 'es2019', write: false,
  });
  rows.push(['zod/mini alone (minified)', `${zodOnly.outputFiles[0].contents.length.toLocaleString('en-GB')} bytes`]);
  return rows;
}

/**
 * What every Apps Script execution pays before any job runs: compiling the whole file and running
 * its top level, in a fresh V8 context (median of 5; Apps Script's own figure is not known).
 */
function loadTime(source: string): string {
  const compile: number[] = [];
  const top: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = vm.createContext({});
    const t0 = performance.now();
    const script = new vm.Script(source, { filename: `Code-${i}.js` });
    const t1 = performance.now();
    script.runInContext(context);
    compile.push(t1 - t0);
    top.push(performance.now() - t1);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2].toFixed(1);
  return `compile ${median(compile)} ms, top level ${median(top)} ms (Node, median of 5)`;
}

async function main() {
  const only = process.argv[2];
  console.log('Bundle');
  for (const [k, v] of bundleSizes()) console.log(`  ${k.padEnd(28)} ${v}`);
  console.log('');
  const dir = path.resolve(__dirname, '../bench');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const rows: string[][] = [['job', 'size', 'spreadsheet calls', 'ms (Node)', 'note']];
  for (const file of files) {
    const { cases } = (await import(path.join(dir, file))) as { cases: BenchCase[] };
    if (!cases) continue;
    for (const c of cases) {
      if (only && !c.name.includes(only)) continue;
      for (const size of c.sizes) {
        const r = c.run(size);
        rows.push([c.name, size.toLocaleString('en-GB'), String(r.calls), r.ms.toFixed(1), r.note ?? '']);
      }
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  rows.forEach((r, i) => {
    console.log(r.map((c, j) => (j === 1 || j === 2 || j === 3 ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
