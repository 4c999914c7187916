/**
 * A look inside an `.xlsx` from another program (Excel, Sheets, LibreOffice, Numbers) before ExcelJS
 * reads it: the parts ExcelJS would silently drop when the workbook is saved are named, tab by tab,
 * so the command line refuses in plain words instead of losing them; the notes (cell comments),
 * which ExcelJS does not read back, are read here and put back on their cells so a save keeps them;
 * and tables (Insert > Table) get back the header row, totals row and filter buttons ExcelJS reads
 * wrongly when Excel leaves them at their defaults.
 */
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';

export interface XlsxInspection {
  /** what the command line cannot keep, e.g. `a chart on the "Summary" tab` */
  unsupported: string[];
  /**
   * input aids and formatting a save leaves out (Excel 2010 drop-downs, data bars): the values
   * stay, so the job runs and the user is told what the saved copy lacks
   */
  notKept: string[];
  /** notes by tab name, then cell address */
  notes: Map<string, Map<string, string>>;
  /** tables by name, as the file has them */
  tables: Map<string, TableShape>;
  /** the file rewritten without namespace prefixes ExcelJS cannot read, when it had any */
  normalised: Buffer | null;
}

export interface TableShape {
  headerRow: boolean;
  totalsRow: boolean;
  /** whether each column shows its filter button (null: the table has no filter) */
  buttons: boolean[] | null;
}

interface Sheet {
  name: string;
  path: string;
  chartsheet: boolean;
}

/** The sheet extensions ExcelJS drops on saving, by their URIs. */
const EXTENSION = {
  dataValidations: /\{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF\}/i,
  conditionalFormattings: /\{78C0D931-6437-407D-A8EE-F0AAD7539E65\}/i,
  sparklineGroups: /\{05C60535-1F16-4FD2-B633-F4F36F0B64E0\}/i,
};

export async function inspectXlsx(data: Buffer): Promise<XlsxInspection> {
  const zip = await JSZip.loadAsync(data);
  const text = async (p: string) => (await zip.file(p)?.async('string')) ?? null;
  const sheets = await listSheets(zip, text);
  const unsupported: string[] = [];
  const notes = new Map<string, Map<string, string>>();
  const tables = new Map<string, TableShape>();
  const onTabs = (what: string, tabs: string[]) => {
    if (tabs.length > 0) unsupported.push(`${what} on the ${tabs.map((t) => `"${t}"`).join(', ')} tab${tabs.length === 1 ? '' : 's'}`);
  };

  const charts: string[] = [];
  const shapes: string[] = [];
  const pivots: string[] = [];
  const slicers: string[] = [];
  const controls: string[] = [];
  const dropDowns: string[] = [];
  const dataBars: string[] = [];
  const sparklines: string[] = [];
  for (const sheet of sheets) {
    if (sheet.chartsheet) {
      unsupported.push(`a chart sheet "${sheet.name}"`);
      continue;
    }
    // Excel 2010's additions are sheet extensions, named by fixed URIs ([MS-XLSX] 2.2.4.1).
    const xml = (await text(sheet.path)) ?? '';
    if (EXTENSION.dataValidations.test(xml)) dropDowns.push(sheet.name);
    if (EXTENSION.conditionalFormattings.test(xml)) dataBars.push(sheet.name);
    if (EXTENSION.sparklineGroups.test(xml)) sparklines.push(sheet.name);
    const rels = await relationships(zip, sheet.path, text);
    for (const rel of rels) {
      if (/\/drawing$/.test(rel.type)) {
        const drawing = await text(rel.target);
        const drawingRels = await relationships(zip, rel.target, text);
        if (drawingRels.some((r) => /\/chart$/.test(r.type)) || /<c:chart\b/.test(drawing ?? '')) charts.push(sheet.name);
        if (/<(xdr:)?(sp|cxnSp)\b/.test(drawing ?? '')) shapes.push(sheet.name);
      } else if (/\/pivotTable$/.test(rel.type)) pivots.push(sheet.name);
      else if (/slicer/i.test(rel.type)) slicers.push(sheet.name);
      else if (/\/ctrlProp$/.test(rel.type)) controls.push(sheet.name);
      else if (/\/table$/.test(rel.type)) {
        const xml = await text(rel.target);
        const shape = xml ? readTable(xml) : null;
        if (shape) tables.set(shape.name, shape.shape);
      } else if (/\/comments$/.test(rel.type)) {
        const xml = await text(rel.target);
        if (xml) notes.set(sheet.name, readComments(xml));
      }
    }
  }
  onTabs(`${charts.length === 1 ? 'a chart' : 'charts'}`, [...new Set(charts)]);
  onTabs('shapes or text boxes', [...new Set(shapes)]);
  onTabs(`${pivots.length === 1 ? 'a pivot table' : 'pivot tables'}`, [...new Set(pivots)]);
  onTabs('slicers', [...new Set(slicers)]);
  onTabs('form controls (buttons, check boxes)', [...new Set(controls)]);
  const notKept: string[] = [];
  const keptOff = (what: string, tabs: string[]) => {
    if (tabs.length > 0) notKept.push(`${what} on the ${tabs.map((t) => `"${t}"`).join(', ')} tab${tabs.length === 1 ? '' : 's'}`);
  };
  keptOff('drop-down lists whose choices are on another tab (made by Excel 2010 or later)', dropDowns);
  keptOff('conditional formatting made by Excel 2010 or later (data bars, icon sets, rules that look at another tab)', dataBars);
  keptOff('sparklines', sparklines);
  const has = (re: RegExp) => Object.keys(zip.files).some((f) => re.test(f));
  if (has(/^xl\/vbaProject\.bin$/i)) unsupported.push('macros (VBA)');
  if (has(/^xl\/externalLinks\//i)) unsupported.push('links to other workbooks');
  if (has(/^xl\/timelines\//i)) unsupported.push('timelines');
  if (/purl\.oclc\.org\/ooxml\/spreadsheetml/.test((await text('xl/workbook.xml')) ?? '')) {
    unsupported.push('the "Strict Open XML" format (in Excel: File > Save As > Excel Workbook (.xlsx))');
  }
  const normalised = await withoutPrefixes(zip);
  return { unsupported, notKept, notes, tables, normalised };
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Programs built on Microsoft's Open XML SDK (many MIS exports) write `<x:worksheet xmlns:x=...>`,
 * a prefix ExcelJS cannot read. Such parts are rewritten with the namespace as the default one.
 */
async function withoutPrefixes(zip: JSZip): Promise<Buffer | null> {
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!/^xl\/.*\.xml$/.test(name) || zip.files[name].dir) continue;
    const xml = await zip.file(name)!.async('string');
    const root = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\b([^>]*)>/.exec(xml.replace(/^\s*<\?xml[^>]*\?>/, ''));
    if (!root) continue;
    const prefix = root[1];
    if (attr(root[2], `xmlns:${prefix}`) !== MAIN_NS || /(?:^|\s)xmlns="/.test(root[2])) continue;
    const plain = xml
      .replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1')
      .replace(new RegExp(`(\\s)xmlns:${prefix}="`), '$1xmlns="');
    zip.file(name, plain);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: 'nodebuffer' }) : null;
}

function readTable(xml: string): { name: string; shape: TableShape } | null {
  const open = /<(?:\w+:)?table\b([^>]*)>/.exec(xml);
  const name = open ? attr(open[1], 'name') : null;
  if (!open || name === null) return null;
  const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b/g)].length;
  const filter = /<(?:\w+:)?autoFilter\b/.test(xml);
  const hidden = new Set<number>();
  for (const m of xml.matchAll(/<(?:\w+:)?filterColumn\b([^>]*)>?/g)) {
    if (attr(m[1], 'hiddenButton') === '1' || attr(m[1], 'hiddenButton') === 'true') hidden.add(Number(attr(m[1], 'colId')));
  }
  return {
    name: decodeXml(name),
    shape: {
      // Absent attributes take the defaults of the file format: one header row, no totals row.
      headerRow: (attr(open[1], 'headerRowCount') ?? '1') !== '0',
      totalsRow: (attr(open[1], 'totalsRowCount') ?? '0') !== '0',
      buttons: filter ? Array.from({ length: columns }, (_, i) => !hidden.has(i)) : null,
    },
  };
}

/** Gives tables back the shape the file had (ExcelJS reads absent attributes as "no"). */
export function restoreTables(book: ExcelJS.Workbook, tables: Map<string, TableShape>): void {
  for (const ws of book.worksheets) {
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: TableModel }> }).tables ?? {})) {
      const model = t.table;
      const shape = model ? tables.get(model.name) : undefined;
      if (!shape) continue;
      model.headerRow = shape.headerRow;
      model.totalsRow = shape.totalsRow;
      if (shape.buttons) model.columns.forEach((c, i) => { c.filterButton = shape.buttons![i] ?? true; });
    }
  }
}

interface TableModel {
  name: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { filterButton?: boolean }[];
}

/** Puts the notes read from the file back on their cells (ExcelJS reads the cells, not the notes). */
export function restoreNotes(book: ExcelJS.Workbook, notes: Map<string, Map<string, string>>): void {
  for (const [tab, cells] of notes) {
    const ws = book.getWorksheet(tab);
    if (!ws) continue;
    for (const [address, note] of cells) {
      const cell = ws.getCell(address);
      if (!cell.note) cell.note = note;
    }
  }
}

async function listSheets(zip: JSZip, text: (p: string) => Promise<string | null>): Promise<Sheet[]> {
  const workbook = await text('xl/workbook.xml');
  if (workbook === null) throw new Error('no workbook part');
  const rels = await relationships(zip, 'xl/workbook.xml', text);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = id ? byId.get(id) : undefined;
    if (name === null || !rel) continue;
    sheets.push({ name: decodeXml(name), path: rel.target, chartsheet: /\/chartsheet$/.test(rel.type) });
  }
  return sheets;
}

interface Rel {
  id: string;
  type: string;
  /** the part's path in the zip */
  target: string;
}

async function relationships(zip: JSZip, part: string, text: (p: string) => Promise<string | null>): Promise<Rel[]> {
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  const xml = await text(`${dir}_rels/${part.slice(dir.length)}.rels`);
  if (!xml) return [];
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const type = attr(m[1], 'Type');
    const target = attr(m[1], 'Target');
    if (id === null || type === null || target === null || attr(m[1], 'TargetMode') === 'External') continue;
    rels.push({ id, type, target: resolvePart(dir, decodeXml(target)) });
  }
  void zip;
  return rels;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function attr(attrs: string, name: string): string | null {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
}

function readComments(xml: string): Map<string, string> {
  const notes = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
    const ref = attr(m[1], 'ref');
    if (!ref) continue;
    const texts = [...m[2].matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) => decodeXml(t[1]));
    notes.set(ref, texts.join('').replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  return notes;
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}
