/**
 * The sample's part for pupils' records (spec/records.md): Pupils `Consent to share` for most
 * Year 11s (a few "No", a few blank, so the transition batch lists some without), and Meetings
 * `Staff only` on a few mentoring meetings. Index rules only: the sample's PRNG is not drawn on,
 * so nothing else in the sample changes.
 */
type Cell = unknown;
interface SampleTab { name: string; headers: string[]; rows: Cell[][] }

export function addRecordsSample(tabs: SampleTab[]): void {
  const tab = (name: string) => tabs.find((t) => t.name === name)!;
  const pupils = tab('Pupils');
  const year = pupils.headers.indexOf('Year');
  pupils.headers.push('Consent to share');
  let y11 = 0;
  for (const row of pupils.rows) {
    if (row[year] !== 11) {
      row.push(null);
      continue;
    }
    y11++;
    row.push(y11 % 9 === 0 ? 'No' : y11 % 7 === 0 ? null : 'Yes');
  }
  const meetings = tab('Meetings');
  const type = meetings.headers.indexOf('Type');
  meetings.headers.push('Staff only');
  let mentoring = 0;
  for (const row of meetings.rows) {
    const mark = row[type] === 'Mentoring' && ++mentoring % 12 === 5;
    row.push(mark ? 'Yes' : null);
  }
}
