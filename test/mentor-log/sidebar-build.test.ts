/**
 * build/sidebar.html as HtmlService serves it: one self-contained file that survives
 * HtmlService's handling of inline script, with text only through safe DOM sinks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(__dirname, '../..');
let html = '';
let script = '';

beforeAll(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-'));
  const { buildSidebar } = await import(pathToFileURL(path.join(root, 'scripts/build-sidebar.mjs')).href);
  const { file } = await buildSidebar(out);
  html = fs.readFileSync(file, 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  script = /<script>([\s\S]*)<\/script>/.exec(html)![1];
});

describe('build/sidebar.html', () => {
  it('is one self-contained file: its CSS and script inline, nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(/i);
    expect(html).toContain('<base target="_top">');
    expect(html).toContain('<div id="app"></div>');
    expect(script).not.toMatch(/<\/script/i);
  });

  it('has no template literals, which HtmlService would cut at a //', () => {
    expect(script).not.toContain('`');
  });

  it('keeps zod out of the sidebar (the server validates) and stays small', () => {
    expect(script).not.toMatch(/_zod|ZodError|\$ZodType/);
    expect(Buffer.byteLength(html)).toBeLessThan(80_000);
  });

  it('puts text in the page only through Preact text nodes: no innerHTML in the sidebar sources', () => {
    const dir = path.join(root, 'src/ui');
    for (const f of fs.readdirSync(dir)) {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      expect([f, /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|outerHTML/.test(source)]).toEqual([f, false]);
    }
  });
});
