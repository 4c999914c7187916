/**
 * Reading a CSV as an MIS saves it: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * "Unicode text"), else Windows-1252; comma, semicolon or tab separated; quoted fields with
 * commas and new lines inside. Used by the command line and the import dialog's browser code,
 * never by the Apps Script server (which would carry the parser on every run).
 */
import Papa from 'papaparse';

/** The file's text, by its BOM, else UTF-8 when it is valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252's 0x80–0x9F (Node's TextDecoder reads these as Latin-1 controls); undefined bytes stay as they are.
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

/** The rows of a CSV text, every cell a string; blank lines stay (so row numbers are the file's), trailing ones go. */
export function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { delimiter: separator(clean), skipEmptyLines: false });
  const rows = result.data.map((r) => (Array.isArray(r) ? r.map((c) => (c == null ? '' : String(c))) : []));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** The separator the header row (the first non-empty line) uses most, outside quotes: `,`, `;` or tab. */
export function separator(text: string): string {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  const outside = line.replace(/"[^"]*"/g, '');
  const count = (ch: string) => outside.split(ch).length - 1;
  return [';', '\t'].reduce((best, ch) => (count(ch) > count(best) ? ch : best), ',');
}

export function readCsvBytes(bytes: Uint8Array): string[][] {
  return parseCsv(decodeText(bytes));
}
