import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readCsvBytes } from '../../src/domain/csv';
import { ARBOR_CSV, BOM, SIMS_CSV, cp1252 } from './exports';

describe('reading a CSV as an MIS saves it', () => {
  it('reads UTF-8 with a BOM, CRLF, quoted commas, and drops blank lines at the end', () => {
    const rows = readCsvBytes(new Uint8Array(Buffer.from(BOM + SIMS_CSV, 'utf8')));
    expect(rows[0][0]).toBe('UPN');
    expect(rows[1][6]).toBe('E - Education, Health and Care Plan');
    expect(rows[4][2]).toBe("O'Neill, Jr");
    expect(rows).toHaveLength(6);
  });

  it('reads a quoted new line inside a field', () => {
    const rows = parseCsv(ARBOR_CSV);
    expect(rows[3][0]).toBe('Cara\nJane');
    expect(rows).toHaveLength(5);
  });

  it('reads Windows-1252 (a name saved by Excel) and UTF-8 without a BOM', () => {
    expect(decodeText(new Uint8Array(cp1252('UPN,Name\r\nA1,Zoë Brown\r\n')))).toBe('UPN,Name\r\nA1,Zoë Brown\r\n');
    expect(readCsvBytes(new Uint8Array(Buffer.from('UPN,Name\nA1,Zoë Brown\n', 'utf8')))[1][1]).toBe('Zoë Brown');
    expect(readCsvBytes(new Uint8Array(cp1252('UPN;Name\r\nA1;Chloé O’Brien\r\n')))[1][1]).toBe('Chloé O’Brien');
  });

  it('finds the separator: comma, semicolon or tab, and reads UTF-16 ("Unicode text")', () => {
    expect(parseCsv('UPN;Name;Year\nA1;Amy, Li;11')[1]).toEqual(['A1', 'Amy, Li', '11']);
    expect(parseCsv('UPN\tName\tYear\nA1\tAmy Li\t11')[1]).toEqual(['A1', 'Amy Li', '11']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UPN\tName\r\nA1\tZoë\r\n', 'utf16le')]);
    expect(readCsvBytes(new Uint8Array(utf16))[1]).toEqual(['A1', 'Zoë']);
  });
});
